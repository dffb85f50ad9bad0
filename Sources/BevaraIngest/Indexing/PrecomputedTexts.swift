import BevaraArchiveIO
import BevaraIndex
import Foundation

/// Texts `TextAhead` extracted ahead of the indexer, in staging files by path in ascending byte
/// order; the indexer asks in the order it indexes (the same for NFC names). Following a
/// `TextAhead` that is still reading, it takes the next file of texts from it when the indexer
/// has passed every text of the current one.
/// An answer is given only for the SHA-256 and type the text was read from; a path asked out of
/// order, not recorded, or recorded with other bytes or another type gets nil, and the indexer
/// extracts that file itself.
final class PrecomputedTexts {
    /// Nothing read ahead (reindex, a folder SIP, or reading ahead failed).
    static var none: PrecomputedTexts { PrecomputedTexts(path: nil) }

    private var path: String?
    private var lookup: SortedRecordLookup
    /// Where the next file of texts comes from (nil: the current file is all).
    private let ahead: TextAhead?

    /// The texts of one file (`TextAhead.stop`).
    convenience init(path: String?) {
        self.init(path: path, ahead: nil)
    }

    /// The texts `ahead` reads, taken a file at a time while it goes on reading.
    convenience init(following ahead: TextAhead) {
        self.init(path: nil, ahead: ahead)
    }

    private init(path: String?, ahead: TextAhead?) {
        self.path = path
        self.ahead = ahead
        lookup = Self.lookup(path)
    }

    private static func lookup(_ path: String?) -> SortedRecordLookup {
        SortedRecordLookup(path.flatMap { try? RecordFileReader(path: $0) }, fields: 5, order: IdentifiedFormats.order)
    }

    /// The text read ahead for the file at `logicalPath`, if it was read from bytes with this
    /// `sha256` as type `mime`.
    func outcome(for logicalPath: String, sha256: String, mime: String) throws -> TextOutcome? {
        if let found = try lookup.record(for: logicalPath) { return Self.outcome(found, sha256: sha256, mime: mime) }
        // Every text of this file was below the path: what was read since holds the path's, if
        // reading ahead has done it (one more file is enough: it covers everything through the path).
        guard lookup.isExhausted, let ahead, let next = ahead.texts(through: logicalPath) else { return nil }
        remove()
        path = next
        lookup = Self.lookup(next)
        return try lookup.record(for: logicalPath).flatMap { Self.outcome($0, sha256: sha256, mime: mime) }
    }

    private static func outcome(_ fields: ArraySlice<String?>, sha256: String, mime: String) -> TextOutcome? {
        let start = fields.startIndex
        guard fields[start] == sha256, fields[start + 1] == mime, let text = fields[start + 3] else { return nil }
        return .text(text, truncated: fields[start + 2] == "1")
    }

    /// Deletes the current file (the ones before it were deleted when it was taken).
    func remove() {
        if let path { unlink(path) }
        path = nil
    }
}
