import BevaraArchiveIO
import Foundation

/// Identifies the formats of the small files `StagingWriteLanes` writes, and takes their SHA-256,
/// on the lanes, from the bytes they already hold: storing then looks both up instead of reading
/// every file again and running libmagic on the one thread that bounds ingest of many small files
/// (re-hashing alone was about 5 s of a 30 s ingest of 99,500 files, with the other core idle).
/// The digest is of the very bytes written to the staging file, after the write succeeded, so it
/// is what a re-read would give unless the disk corrupts them within seconds (which `audit`
/// finds, as it would any later change).
///
/// Each lane has its own `FormatIdentifier` (not thread-safe) and appends (path, result) records
/// to its own staging file; `finish` sorts both into one file by path (`IdentifiedFormats`). The
/// path is the file's path relative to the package root, which only `PackageIntake.locate`
/// decides, after extraction: it is guessed from the first small file (the top folder it is in,
/// the E-ARK convention, or none), files outside that folder are not recorded, and storing uses
/// the records only when the guess was right (`IdentifiedFormats.lookup(forRoot:)`). Nothing
/// is held in memory but the records being sorted (`ExternalSorter`'s runs go to staging).
///
/// A lane also hard-links each content file with a text reader into a staging folder, by its
/// SHA-256, for `TextAhead` to read while storing renames and deduplicates the staged files.
final class ExtractedFormats {
    /// What one lane identifies with and writes to; used on that lane's queue only (hence
    /// unchecked: neither part is thread-safe, and no other thread touches them meanwhile).
    final class Lane: @unchecked Sendable {
        let identifier: FormatIdentifier
        let writer: RecordFileWriter
        /// Where content files whose text the indexer will want are hard-linked (`TextAhead`).
        let textLinks: String

        init(path: String, textLinks: String) throws {
            identifier = try FormatIdentifier()
            writer = try RecordFileWriter(path: path)
            self.textLinks = textLinks
        }

        /// Hashes a file whose whole content is `bytes`, and identifies it exactly as storing
        /// would from its hashing pass: the head `FileDigest.stream` keeps (the first
        /// `headBytes`) and the path relative to the package root as the name. A content file
        /// with a text reader is also hard-linked, by its SHA-256, into `textLinks` from
        /// `target` (where it was just written).
        func record(_ relativePath: String, _ bytes: [UInt8], writtenTo target: String) throws {
            let head = bytes.count <= IdentifiedFormats.headBytes ? bytes : Array(bytes.prefix(IdentifiedFormats.headBytes))
            let recorded = IdentifiedFormats.Recorded(sha256: FileDigest.sha256(of: bytes),
                                                      format: identifier.identify(head: head, name: relativePath))
            try writer.append(relativePath, IdentifiedFormats.encode(size: Int64(bytes.count), recorded))
            if TextAhead.wants(relativePath, mime: recorded.format.mime) {
                // A link that cannot be made (or exists: the same bytes) costs only the head start.
                _ = link(target, textLinks + "/" + recorded.sha256)
            }
        }
    }

    let lanes: [Lane]
    private let scratchPrefix: String
    private let textLinks: String
    /// The extraction-relative prefix of the package root as guessed (`"pkg/"` or `""`); set
    /// from the first file, on the reading thread.
    private var rootPrefix: String?
    private var sorter: ExternalSorter?
    private var sortedPath: String?

    /// Lane files and the sorted file are `aip-`-prefixed in `stagingDirectory`, so a crash's
    /// leftovers are swept (`Archive.sweepStaging`).
    init(stagingDirectory: String, laneCount: Int) throws {
        scratchPrefix = stagingDirectory + "/aip-lane-formats-\(UUID().uuidString)"
        textLinks = scratchPrefix + "-textlinks"
        if mkdir(textLinks, 0o700) != 0 { throw IOError(path: textLinks, operation: "mkdir", errno: errno) }
        var lanes: [Lane] = []
        do {
            for n in 1...max(1, laneCount) { lanes.append(try Lane(path: scratchPrefix + "-lane\(n)", textLinks: textLinks)) }
        } catch {
            for lane in lanes { try? lane.writer.close(); unlink(lane.writer.path) }
            IdentifiedFormats.removeLinks(textLinks)
            throw error
        }
        self.lanes = lanes
    }

    /// The path to record the extracted file `name` (relative to the extraction folder) under,
    /// relative to the guessed package root; nil when it is outside it (not recorded: storing
    /// identifies it itself). Called on the reading thread, in archive order.
    func recordName(for name: String) -> String? {
        let utf8 = name.utf8
        if rootPrefix == nil {
            // Sliced as bytes at the ASCII "/": exact, whatever characters follow it.
            rootPrefix = utf8.firstIndex(of: UInt8(ascii: "/")).map { String(decoding: utf8[...$0], as: UTF8.self) } ?? ""
        }
        let prefix = rootPrefix!.utf8
        if prefix.isEmpty { return name }
        guard utf8.count > prefix.count, utf8.starts(with: prefix) else { return nil }
        return String(decoding: utf8.dropFirst(prefix.count), as: UTF8.self)
    }

    /// Closes the lane files and sorts their records by path (UTF-8 byte order) into one file;
    /// `destination` is the extraction folder. Call after the lanes are idle.
    func finish(destination: String) throws -> IdentifiedFormats {
        for lane in lanes { try lane.writer.close() }
        // Short runs: the records held while sorting cost peak memory even after they are freed
        // (8,192 held gave a 1.7 MB higher peak RSS than 1,024 on a 9,950-file package).
        let sorter = ExternalSorter(runPrefix: scratchPrefix + "-run", runLength: 1_024,
                                    by: { IdentifiedFormats.order.precedes($0.key, $1.key) })
        self.sorter = sorter
        for lane in lanes {
            let reader = try RecordFileReader(path: lane.writer.path)
            while let record = try reader.nextPair() { try sorter.add(record.key, record.value) }
            unlink(lane.writer.path)
        }
        let path = scratchPrefix + "-sorted"
        sortedPath = path
        let writer = try RecordFileWriter(path: path)
        let merge = try sorter.sorted()
        while let record = try merge.next() { try writer.append(record.key, record.value) }
        try writer.close()
        sorter.removeRuns()
        self.sorter = nil
        let prefix = rootPrefix ?? ""
        let root = prefix.isEmpty ? destination : destination + "/" + String(prefix.dropLast())
        return IdentifiedFormats(path: path, root: root, textLinks: textLinks)
    }

    /// Removes every file written so far (after a failure; the lanes are idle).
    func discard() {
        for lane in lanes {
            try? lane.writer.close()
            unlink(lane.writer.path)
        }
        sorter?.removeRuns()
        if let sortedPath { unlink(sortedPath) }
        IdentifiedFormats.removeLinks(textLinks)
    }
}

/// The SHA-256 and format of each file the extraction lanes wrote, sorted by path relative to
/// `root`, in a staging file (`ReceivedPackage.cleanUp` deletes it).
struct IdentifiedFormats: Sendable {
    /// What a lane recorded of one file it wrote.
    struct Recorded: Equatable, Sendable {
        /// Of the bytes written, lower-case hex.
        var sha256: String
        var format: FormatIdentifier.Identification
    }

    let path: String
    /// The package root the paths are relative to (the extraction's guess).
    let root: String
    /// The folder of hard links to content files, named by SHA-256, that `TextAhead` reads
    /// (and takes over); `ReceivedPackage.cleanUp` removes it if nobody did.
    let textLinks: String

    /// Removes a folder of links made by the lanes (links only: the files stay where they are),
    /// name by name as the folder is read, so that no list of a large package's names is held.
    static func removeLinks(_ folder: String) {
        if let dir = opendir(folder) {
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                if name != "." && name != ".." { unlink(folder + "/" + name) }
            }
            closedir(dir)
        }
        rmdir(folder)
    }

    /// What `FileDigest.stream` keeps as a file's head (its default `headBytes`), which storing
    /// identifies from.
    static let headBytes = 65_536

    /// A reader for storing, or nil when the package root is not the one the lanes guessed
    /// (then none of the records may be used).
    func lookup(forRoot packageRoot: String) throws -> Lookup? {
        guard packageRoot.hasSameUTF8(as: root) else { return nil }
        return Lookup(reader: try RecordFileReader(path: path))
    }

    /// UTF-8 byte order: keys match only when their bytes do (never two canonically equivalent
    /// but different names).
    static let order = KeyOrder.utf8Bytes

    /// Answers, in one forward pass, what was recorded of each path asked, provided they are
    /// asked in ascending byte order (`PackageTree`'s `String` order is that for NFC names). A
    /// path asked out of that order, not recorded, or whose size on disk differs from the
    /// recorded one gets nil: the caller hashes and identifies the file itself.
    final class Lookup {
        private let records: SortedRecordLookup
        private let path: String

        init(reader: RecordFileReader) {
            records = SortedRecordLookup(reader, fields: 2, order: IdentifiedFormats.order)
            path = reader.path
        }

        func recorded(of logicalPath: String, size: Int64) throws -> Recorded? {
            guard let fields = try records.record(for: logicalPath) else { return nil }
            guard let value = fields.first ?? nil, let (recordedSize, recorded) = IdentifiedFormats.decode(value) else {
                throw IOError(path: path, operation: "read", reason: "damaged record for \(logicalPath)")
            }
            return recordedSize == size ? recorded : nil
        }
    }

    // A record's value: the SHA-256 (64 hex digits), the size, then each format field as "-"
    // (absent) or "+<UTF-8 length>:<text>", so no text can be mistaken for a separator.

    static func encode(size: Int64, _ recorded: Recorded) -> String {
        let format = recorded.format
        var out = recorded.sha256 + String(size)
        for field in [format.mime, format.puid, format.name, format.version] {
            if let field { out += "+\(field.utf8.count):" + field } else { out += "-" }
        }
        return out
    }

    static func decode(_ value: String) -> (Int64, Recorded)? {
        let bytes = Array(value.utf8)
        let sha256 = String(decoding: bytes.prefix(64), as: UTF8.self)
        guard FileDigest.isLowerHexSHA256(sha256) else { return nil }
        var i = 64
        func number() -> Int? {
            let start = i
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            return i > start ? Int(String(decoding: bytes[start..<i], as: UTF8.self)) : nil
        }
        guard let size = number() else { return nil }
        var fields: [String?] = []
        for _ in 0..<4 {
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: "-") {
                i += 1
                fields.append(nil)
                continue
            }
            guard bytes[i] == UInt8(ascii: "+") else { return nil }
            i += 1
            guard let n = number(), i < bytes.count, bytes[i] == UInt8(ascii: ":"), i + 1 + n <= bytes.count else { return nil }
            fields.append(String(decoding: bytes[(i + 1)..<(i + 1 + n)], as: UTF8.self))
            i += 1 + n
        }
        guard i == bytes.count, let mime = fields[0] else { return nil }
        return (Int64(size), Recorded(sha256: sha256,
                                      format: FormatIdentifier.Identification(mime: mime, puid: fields[1], name: fields[2], version: fields[3])))
    }
}
