/// A k-way merge of sorted sources of (key, value) records, pulled one record at a time. Stable:
/// records that are equal under the order come out in the order of their sources (the first
/// source's first), so a caller that lists older sources first can keep the oldest of equal keys
/// (`ExternalSorter`) or the newest (`ScratchMap`). Each source must already be in that order.
public final class RecordMerge {
    public typealias Record = (key: String, value: String?)
    private let sources: [() throws -> Record?]
    private var heads: [Record?]
    private let precedes: (Record, Record) -> Bool

    /// `sources` in age order; `precedes` the strict order they are sorted by.
    public init(sources: [() throws -> Record?], by precedes: @escaping (Record, Record) -> Bool) throws {
        self.sources = sources
        self.precedes = precedes
        heads = try sources.map { try $0() }
    }

    /// Merges the record files at `paths` (each sorted by `precedes`, oldest first), then `held`
    /// (sorted too, and newest), reading `readSize` bytes at a time from each file. A damaged file
    /// throws an `IOError` naming it when reached.
    public convenience init(paths: [String], then held: [Record] = [], readSize: Int = 1 << 14,
                            by precedes: @escaping (Record, Record) -> Bool) throws {
        let readers = try paths.map { try RecordFileReader(path: $0, readSize: readSize) }
        var sources: [() throws -> Record?] = readers.map { reader in { try reader.nextPair() } }
        if !held.isEmpty {
            var index = 0
            sources.append {
                guard index < held.count else { return nil }
                defer { index += 1 }
                return held[index]
            }
        }
        try self.init(sources: sources, by: precedes)
    }

    /// The smallest record left (of equal ones, the one from the earliest source); nil when every
    /// source is done.
    public func next() throws -> Record? {
        var best: Int?
        for n in heads.indices {
            guard let head = heads[n] else { continue }
            // Only a strictly smaller record displaces the best so far: ties stay with the earlier source.
            if let b = best, !precedes(head, heads[b]!) { continue }
            best = n
        }
        guard let best else { return nil }
        let record = heads[best]
        heads[best] = try sources[best]()
        return record
    }
}
