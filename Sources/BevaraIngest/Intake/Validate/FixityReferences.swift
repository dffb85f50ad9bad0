import BevaraArchiveIO
import Foundation

/// The fixity references (`file/FLocat`s and `mdRef`s) of the METS documents read so far, in
/// reading order: in memory, or, for a large package at ingest, in scratch files in staging
/// (`aip-fixity-…`, read back in order), so a METS listing a million files is not held.
///
/// References arrive while a document is read and only count once the document turned out
/// usable (`commit`); an unreadable one's are dropped (`discard`), as its files were never
/// referenced.
final class FixityReferences {
    private let directory: String?
    private var kept: [(reference: FixityCheck.Reference, isFile: Bool)] = []
    private var pending: [(reference: FixityCheck.Reference, isFile: Bool)] = []
    private var files: [String] = []
    private var writer: RecordFileWriter?

    /// `scratchDirectory` nil: in memory.
    init(scratchDirectory: String?) {
        directory = scratchDirectory
    }

    deinit { remove() }

    /// Adds a reference of the document being read; `isFile` for a fileSec file (not an mdRef).
    func append(_ r: FixityCheck.Reference, isFile: Bool) throws {
        guard let directory else {
            pending.append((r, isFile))
            return
        }
        if writer == nil { writer = try RecordFileWriter(path: directory + "/aip-fixity-\(UUID().uuidString)") }
        try writer?.append([r.path, r.metsPath, String(r.line), r.element, r.size, r.checksum, r.checksumType,
                            isFile ? "f" : nil])
    }

    /// The document being read is usable: its references count.
    func commit() throws {
        kept += pending
        pending = []
        if let writer {
            self.writer = nil
            try writer.close()
            files.append(writer.path)
        }
    }

    /// The document being read is not usable: its references are dropped.
    func discard() {
        pending = []
        if let writer {
            self.writer = nil
            try? writer.close()
            unlink(writer.path)
        }
    }

    /// Every committed reference, in reading order.
    func forEach(_ body: (FixityCheck.Reference, _ isFile: Bool) throws -> Void) throws {
        for (reference, isFile) in kept { try body(reference, isFile) }
        for path in files {
            let reader = try RecordFileReader(path: path)
            while let f = try reader.next(fields: 8) {
                let reference = FixityCheck.Reference(path: f[0] ?? "", metsPath: f[1] ?? "", line: Int(f[2] ?? "") ?? 0,
                                                      element: f[3] ?? "", size: f[4], checksum: f[5], checksumType: f[6])
                try body(reference, f[7] != nil)
            }
        }
    }

    /// Deletes the scratch files. Safe to call more than once.
    func remove() {
        discard()
        kept = []
        for path in files { unlink(path) }
        files = []
    }
}
