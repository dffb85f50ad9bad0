import BevaraArchiveIO
import Foundation

/// A file as it ended up in the package: what a METS `file` or `mdRef` needs.
struct PackagedFile {
    /// Path relative to the package root, `/`-separated.
    let path: String
    let size: Int64
    let sha256: String
    let mime: String
}

/// Where package bytes go: a folder or an archive. The SIP writer talks only to this, so the
/// METS, PREMIS and ERMS code is the same for both.
protocol PackageSink: AnyObject {
    /// Copies (or streams) `source` to `packagePath` while hashing it: the file's only read.
    func addFile(at packagePath: String, from source: String) throws -> FileDigest.Result
    /// Adds a content file already read (and hashed) whole.
    func addFile(at packagePath: String, bytes: [UInt8]) throws
    /// A local path to write the metadata file `packagePath` to; call `commitMetadata` when done.
    func metadataPath(for packagePath: String) throws -> String
    /// True when a metadata document may leave the spools it takes in where they are
    /// (`SpliceableOutput(splicing:)`): the sink puts them in as it commits the document.
    var splicesMetadata: Bool { get }
    /// Makes a finished metadata file part of the package, with the spools `insertions` puts
    /// into it, and returns its size and SHA-256.
    func commitMetadata(_ packagePath: String, insertions: [SplicedDocument.Insertion]) throws -> FileDigest.Result
    /// A path for a temporary file that is never part of the package.
    func spoolPath(_ name: String) throws -> String
    /// Removes the spool files after a successful write.
    func finish() throws
}

extension PackageSink {
    /// Makes a finished metadata file, complete in itself, part of the package.
    func commitMetadata(_ packagePath: String) throws -> FileDigest.Result {
        try commitMetadata(packagePath, insertions: [])
    }
}

/// Writes the package as a folder tree.
final class DirectorySink: PackageSink {
    private let root: String
    private let spoolDir: String
    private var lastDirectory: String?

    init(root: String) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: root, isDirectory: &isDir) {
            guard isDir.boolValue, (try fm.contentsOfDirectory(atPath: root)).isEmpty else {
                throw SIPError.destinationNotEmpty(root)
            }
        } else {
            try fm.createDirectory(atPath: root, withIntermediateDirectories: false)
        }
        self.root = root
        // Spools live inside the package folder so nothing is written outside the destination;
        // they are removed before `write` returns.
        spoolDir = root + "/.bevara-spool"
        try fm.createDirectory(atPath: spoolDir, withIntermediateDirectories: false)
    }

    func addFile(at packagePath: String, from source: String) throws -> FileDigest.Result {
        let target = try prepare(packagePath)
        return try FileCopier.copyHashing(from: source, to: target)
    }

    func addFile(at packagePath: String, bytes: [UInt8]) throws {
        let target = try prepare(packagePath)
        let out = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard out >= 0 else { throw IOError(path: target, operation: "create", errno: errno) }
        defer { close(out) }
        try bytes.withUnsafeBytes { try PosixWrite.all(out, $0, path: target) }
    }

    func metadataPath(for packagePath: String) throws -> String { try prepare(packagePath) }

    /// A metadata file is written where it stays, so it must be complete: nothing to splice.
    var splicesMetadata: Bool { false }

    func commitMetadata(_ packagePath: String, insertions: [SplicedDocument.Insertion]) throws -> FileDigest.Result {
        precondition(insertions.isEmpty, "a folder package's metadata files are written whole")
        return try FileDigest.stream(path: root + "/" + packagePath, headBytes: 0)
    }

    func spoolPath(_ name: String) throws -> String { spoolDir + "/" + name }

    func finish() throws { try FileManager.default.removeItem(atPath: spoolDir) }

    /// Creates the parent folder of `packagePath` (once per folder run: files arrive grouped).
    private func prepare(_ packagePath: String) throws -> String {
        let target = root + "/" + packagePath
        let parent = (target as NSString).deletingLastPathComponent
        if parent != lastDirectory {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            lastDirectory = parent
        }
        return target
    }
}

/// Streams the package into a tar or zip archive under `<OBJID>/`.
final class ArchiveSink: PackageSink {
    private let archive: ArchiveWriter
    private let prefix: String
    private let scratch: String
    private var directories: Set<String> = []
    /// The folder of the last file added: files come folder by folder, so most are in it.
    private var lastDirectory = ""

    init(archive: ArchiveWriter, objid: String, scratchDirectory: String) throws {
        self.archive = archive
        prefix = objid + "/"
        // A folder of our own inside the caller's scratch space, removed after success.
        scratch = scratchDirectory + "/" + objid + ".sip-scratch"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        try addDirectories(for: "")
    }

    func addFile(at packagePath: String, from source: String) throws -> FileDigest.Result {
        try addDirectories(for: packagePath)
        return try archive.addFile(named: prefix + packagePath, from: source)
    }

    func addFile(at packagePath: String, bytes: [UInt8]) throws {
        try addDirectories(for: packagePath)
        try archive.addFile(named: prefix + packagePath, size: Int64(bytes.count)) { write in
            try bytes.withUnsafeBytes { try write($0) }
        }
    }

    func metadataPath(for packagePath: String) throws -> String {
        scratch + "/" + packagePath.replacingOccurrences(of: "/", with: "__")
    }

    /// Metadata files are scratch copies streamed into the archive: spools can be streamed in
    /// from where they are.
    var splicesMetadata: Bool { true }

    func commitMetadata(_ packagePath: String, insertions: [SplicedDocument.Insertion]) throws -> FileDigest.Result {
        try addDirectories(for: packagePath)
        let local = try metadataPath(for: packagePath)
        let ranges = SplicedDocument(path: local, insertions: insertions).ranges(ownSize: try FileDigest.regularFileSize(local))
        var result: FileDigest.Result?
        try archive.addFile(named: prefix + packagePath, size: ranges.reduce(0) { $0 + $1.length }) { write in
            result = try FileDigest.stream(ranges: ranges, consume: write)
        }
        return result!
    }

    func spoolPath(_ name: String) throws -> String { scratch + "/spool-" + name }

    func finish() throws { try FileManager.default.removeItem(atPath: scratch) }

    /// Directory entries for every folder above `packagePath` not yet written, so listings and
    /// extractors see the tree; at most one set lookup per file once a folder exists.
    private func addDirectories(for packagePath: String) throws {
        // The common case, a file in the same folder as the one before: a byte comparison (equal
        // bytes are equal strings), no Character walk, no hashing. Then a file in a folder
        // already written: one lookup, no path building.
        if let slash = packagePath.utf8.lastIndex(of: UInt8(ascii: "/")) {
            let folder = packagePath[..<slash]
            if folder.hasSameUTF8(as: lastDirectory) { return }
            lastDirectory = String(folder)
            if directories.contains(lastDirectory) { return }
        }
        // Split at `/` bytes (a Character split walked graphemes: ≈ 35,000 instructions a new
        // folder), empty parts left out as before.
        var dirs: [String] = [""]
        var current = ""
        for part in packagePath.utf8.split(separator: UInt8(ascii: "/")).dropLast() {
            if !current.isEmpty { current += "/" }
            current += Substring(part)
            dirs.append(current)
        }
        for dir in dirs where !directories.contains(dir) {
            try archive.addDirectory(named: prefix + dir)
            directories.insert(dir)
        }
    }
}
