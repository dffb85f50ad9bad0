import BevaraArchiveIO
import Foundation

/// Formats identified while storing a version, kept in a file by logical path in ascending
/// order, so that indexing the version right after reuses them without running libmagic on
/// every file again, and without a map of every file of the package in memory.
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

    /// Nothing known (reindex, or an ingest that found the SIP already stored).
    static var none: KnownFormats { KnownFormats(reader: nil) }

    private let lookup: SortedRecordLookup

    private init(reader: RecordFileReader?) {
        lookup = SortedRecordLookup(reader, fields: 3)
    }

    /// Opens a file `Recorder` wrote.
    convenience init(path: String) throws {
        self.init(reader: try RecordFileReader(path: path))
    }

    /// The format recorded for `path`; nil if none was. Calls must come in ascending path order
    /// (`String`'s `<`, as both sides sort); an earlier path than the last one asked gets nil.
    func format(of path: String) throws -> Format? {
        guard let fields = try lookup.record(for: path) else { return nil }
        return Format(mime: fields[fields.startIndex] ?? "application/octet-stream", puid: fields[fields.startIndex + 1])
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

        func record(_ path: String, _ format: FormatIdentifier.Identification) throws {
            if let last, !(last < path) { return }
            last = path
            try writer.append([path, format.mime, format.puid])
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
