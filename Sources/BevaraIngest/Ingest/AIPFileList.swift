import BevaraArchiveIO
import BevaraPackaging
import Foundation

/// The AIP root METS's file list, kept in a staging scratch file instead of an array: ingest
/// learns the SIP's files in path order, so they are appended as they are stored; the few files
/// that come out of that order (the SIP's METS kept as `submission/METS.xml`, PREMIS carried
/// forward, Bevara's record and PREMIS) stay in memory and are merged in when the list is read.
final class AIPFileListWriter {
    /// Where a file out of path order stood in the old in-memory list, for equal paths.
    enum Rank: Int {
        case beforeSIP = 0, sipOutOfOrder = 1, sip = 2, afterSIP = 3
    }

    let path: String
    private let writer: RecordFileWriter
    private var extras: [(rank: Rank, file: AIPFile)] = []
    private var last: String?

    /// Creates `path` (a new staging file; the caller deletes it).
    init(path: String) throws {
        self.path = path
        writer = try RecordFileWriter(path: path)
    }

    /// A SIP file; one that does not sort after the last one appended is kept aside.
    func appendSIPFile(_ file: AIPFile) throws {
        if let last, !(last < file.path) {
            extras.append((.sip, file))
            return
        }
        try writer.append([file.path, String(file.size), file.sha256, file.mime])
        last = file.path
    }

    func appendAside(_ file: AIPFile, rank: Rank) {
        extras.append((rank, file))
    }

    /// Closes the file; the list reads it back in ascending path order.
    func finish() throws -> ScratchAIPFiles {
        try writer.close()
        let sorted = extras.sorted { $0.file.path != $1.file.path ? $0.file.path < $1.file.path : $0.rank.rawValue < $1.rank.rawValue }
        return ScratchAIPFiles(path: path, extras: sorted.map { ($0.rank.rawValue, $0.file) })
    }
}

/// The list `AIPFileListWriter` wrote, read from disk on every walk.
struct ScratchAIPFiles: AIPFileSource {
    let path: String
    /// (rank, file) ascending by path, then rank; the file's records have rank `sip`.
    let extras: [(Int, AIPFile)]

    func forEachFile(_ body: (AIPFile) throws -> Void) throws {
        let reader = try RecordFileReader(path: path)
        var next = 0
        let sipRank = AIPFileListWriter.Rank.sip.rawValue
        while let record = try reader.next(fields: 4) {
            guard let path = record[0], let size = record[1].flatMap({ Int64($0) }), let sha256 = record[2], let mime = record[3] else {
                throw IOError(path: self.path, operation: "read", reason: "damaged file list record")
            }
            while next < extras.count,
                  extras[next].1.path < path || (extras[next].1.path == path && extras[next].0 < sipRank) {
                try body(extras[next].1)
                next += 1
            }
            try body(AIPFile(path: path, size: size, sha256: sha256, mime: mime))
        }
        while next < extras.count {
            try body(extras[next].1)
            next += 1
        }
    }
}
