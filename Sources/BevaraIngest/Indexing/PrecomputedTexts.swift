import BevaraArchiveIO
import BevaraIndex
import Foundation

/// Texts `TextAhead` extracted before the indexer reached the files, in a staging file by path
/// in ascending byte order; the indexer asks in the order it indexes (the same for NFC names).
/// An answer is given only for the SHA-256 and type the text was read from; a path asked out of
/// order, not recorded, or recorded with other bytes or another type gets nil, and the indexer
/// extracts that file itself.
final class PrecomputedTexts {
    /// Nothing read ahead (reindex, a folder SIP, or reading ahead failed).
    static var none: PrecomputedTexts { PrecomputedTexts(path: nil) }

    private let path: String?
    private let lookup: SortedRecordLookup

    init(path: String?) {
        self.path = path
        lookup = SortedRecordLookup(path.flatMap { try? RecordFileReader(path: $0) }, fields: 5,
                                    order: IdentifiedFormats.order)
    }

    /// The text read ahead for the file at `logicalPath`, if it was read from bytes with this
    /// `sha256` as type `mime`.
    func outcome(for logicalPath: String, sha256: String, mime: String) throws -> TextOutcome? {
        guard let fields = try lookup.record(for: logicalPath) else { return nil }
        let start = fields.startIndex
        guard fields[start] == sha256, fields[start + 1] == mime, let text = fields[start + 3] else { return nil }
        return .text(text, truncated: fields[start + 2] == "1")
    }

    /// Deletes the file.
    func remove() {
        if let path { unlink(path) }
    }
}
