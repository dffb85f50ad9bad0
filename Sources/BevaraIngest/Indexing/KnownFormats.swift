import BevaraArchiveIO
import Foundation

/// Formats identified while storing a version, and the files' sizes, kept in a file by logical
/// path in ascending order, so that indexing the version right after reuses them without running
/// libmagic on (or `stat`ing) every file again, and without a map of every file of the package
/// in memory.
///
/// Storing records formats in the order it stores files (sorted by path); the indexer asks in
/// the order it indexes files (sorted the same way), so one forward pass over the file answers
/// both. A path asked out of order, or not recorded, gets nil: the caller identifies it itself.
final class KnownFormats {
    /// What the indexer needs of an identification.
    struct Format: Equatable {
        var mime: String
        var puid: String?
    }

    /// What storing recorded of a file: its format and its size in bytes.
    struct File: Equatable {
        var format: Format
        var size: Int64
    }

    /// Nothing known (reindex, or an ingest that found the SIP already stored).
    static var none: KnownFormats { KnownFormats(reader: nil) }

    private let lookup: SortedRecordLookup

    private init(reader: RecordFileReader?) {
        lookup = SortedRecordLookup(reader, fields: 4)
    }

    /// Opens a file `Recorder` wrote.
    convenience init(path: String) throws {
        self.init(reader: try RecordFileReader(path: path))
    }

    /// The format and size recorded for `path`; nil if none was. Calls must come in ascending
    /// path order (`String`'s `<`, as both sides sort); an earlier path than the last one asked
    /// gets nil.
    func file(_ path: String) throws -> File? {
        guard let fields = try lookup.record(for: path) else { return nil }
        let start = fields.startIndex
        guard let size = fields[start + 2].flatMap({ Int64($0) }) else { return nil }
        return File(format: Format(mime: fields[start] ?? "application/octet-stream", puid: fields[start + 1]), size: size)
    }

    /// Writes formats in ascending path order (a path not above the previous one is skipped: the
    /// reader could never find it).
    final class Recorder {
        let path: String
        private let writer: RecordFileWriter
        private var last: String?

        init(path: String) throws {
            self.path = path
            writer = try RecordFileWriter(path: path)
        }

        func record(_ path: String, _ format: FormatIdentifier.Identification, size: Int64) throws {
            if let last, !(last < path) { return }
            last = path
            try writer.append([path, format.mime, format.puid, String(size)])
        }

        /// Flushes and closes the file (not fsynced: it lives only until the index is written,
        /// and a crash before that sweeps it from staging).
        func finish() throws { try writer.close() }
    }
}

extension FormatIdentifier.Identification {
    /// The part of an identification the index keeps.
    var known: KnownFormats.Format { KnownFormats.Format(mime: mime, puid: puid) }
}
