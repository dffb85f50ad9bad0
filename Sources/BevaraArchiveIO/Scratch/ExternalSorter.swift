import Foundation

/// Sorts (key, value) records that need not fit in memory: records are held until `runLength`
/// of them are there, then sorted and written to a run file; `sorted()` merges the runs and what
/// is held. At most `fanIn` runs are read at once (each reader holds a 16 KiB buffer): whenever
/// `fanIn` runs of one size are written they are merged into one larger run, like carries in a
/// counter, so each record is rewritten about log(runs)/log(fanIn) times, not once per merge.
///
/// Stable: records equal under the order come out in the order they were added (runs are kept
/// and merged oldest first, and `RecordMerge` breaks ties by source).
///
/// Run files are named `runPrefix` + a number (give a prefix in a staging folder with the "aip-"
/// name, or in a work folder, so leftovers of a crash are swept); `removeRuns()` deletes them.
public final class ExternalSorter {
    public typealias Record = RecordMerge.Record
    private let runPrefix: String
    private let runLength: Int
    private let fanIn: Int
    private let precedes: (Record, Record) -> Bool
    /// Records not yet in a run, each with its adding number (the tie-break that makes the sort
    /// stable, in place and without a copy).
    private var held: [(record: Record, added: Int)] = []
    /// Oldest first; `level` counts the merges behind a run, and never grows towards the end.
    private var runs: [(path: String, level: Int)] = []
    private var runNumber = 0
    private var created: [String] = []

    /// `precedes`: the strict order to sort by (records it leaves equal keep their order).
    public init(runPrefix: String, runLength: Int, fanIn: Int = 16, by precedes: @escaping (Record, Record) -> Bool) {
        self.runPrefix = runPrefix
        self.runLength = max(1, runLength)
        self.fanIn = max(2, fanIn)
        self.precedes = precedes
    }

    /// Adds a record; writes a run (and merges runs) when `runLength` are held.
    public func add(_ key: String, _ value: String?) throws {
        held.append(((key, value), held.count))
        if held.count >= runLength { try spill() }
    }

    /// Every added record in order; call once, after the last `add`. The runs stay on disk until
    /// `removeRuns()` (they are read while the merge is pulled).
    public func sorted() throws -> RecordMerge {
        while runs.count > fanIn {
            // The newest runs are the smallest: merge just enough of them to leave `fanIn`.
            try mergeLast(min(fanIn, runs.count - fanIn + 1))
        }
        sortHeld()
        let memory = held.map(\.record)
        held = []
        // What is held was added last: the newest source.
        return try RecordMerge(paths: runs.map(\.path), then: memory, by: precedes)
    }

    /// Deletes every run file this sorter wrote that is still there.
    public func removeRuns() {
        for path in created { unlink(path) }
        created = []
        runs = []
    }

    private func sortHeld() {
        held.sort { a, b in
            if precedes(a.record, b.record) { return true }
            if precedes(b.record, a.record) { return false }
            return a.added < b.added
        }
    }

    private func spill() throws {
        sortHeld()
        let path = nextRunPath()
        let writer = try RecordFileWriter(path: path)
        for (record, _) in held { try writer.append(record.key, record.value) }
        try writer.close()
        held.removeAll(keepingCapacity: true)
        runs.append((path, 0))
        while runs.count >= fanIn, runs[runs.count - fanIn].level == runs[runs.count - 1].level {
            try mergeLast(fanIn)
        }
    }

    /// Merges the newest `count` runs (consecutive, so the order of equal records holds) into one.
    private func mergeLast(_ count: Int) throws {
        let group = Array(runs.suffix(count))
        let merge = try RecordMerge(paths: group.map(\.path), by: precedes)
        let path = nextRunPath()
        let writer = try RecordFileWriter(path: path)
        while let record = try merge.next() { try writer.append(record.key, record.value) }
        try writer.close()
        for run in group { unlink(run.path) }
        created.removeAll { path in group.contains { $0.path == path } }
        runs.removeLast(count)
        runs.append((path, group.map(\.level).max()! + 1))
    }

    private func nextRunPath() -> String {
        runNumber += 1
        let path = runPrefix + "\(runNumber)"
        created.append(path)
        return path
    }
}
