import BevaraArchiveIO
import CArchive
import Foundation

/// Extracts a tar (plain, gzip, bzip2, xz or zstd) or zip into an empty folder with libarchive's *read* API,
/// writing every file itself so that no entry can choose where its bytes land
/// (`archive_write_disk` is not used).
///
/// Refused, stopping at the first: absolute names, `..`, backslashes, control characters, names
/// over `maxPathBytes`; symbolic and hard links, devices, FIFOs; the same name twice, or a file
/// where a folder must be; more than `maxEntries` entries; more than `maxTotalBytes` bytes,
/// counted as they are written; in a compressed archive, more than `maxCompressionRatio`
/// decompressed bytes per compressed byte, per entry and in total, checked as the bytes come
/// (so a bomb is stopped mid-entry, after at most a few MiB). The caller removes the folder.
///
/// Small files are created and written by `StagingWriteLanes` (two threads) while the next
/// entries are read and checked; every check above is made here, on the reading thread, before
/// a file's bytes are handed over, and `extract` returns or throws only after the lanes are idle.
/// Given `formatsIn` (a staging folder), the lanes also identify those files' formats for
/// storing (`ExtractedFormats`).
struct ArchiveExtractor {
    let source: String
    let destination: String
    let package: String
    let limits: IntakeLimits
    var formatsIn: String? = nil

    /// Below this many decompressed bytes the ratio is not judged: small, very regular files
    /// (an empty XML skeleton, a run of spaces) compress far beyond 200:1 and are harmless.
    static let ratioFloor: Int64 = 1 << 20
    static let chunkSize = 1 << 20

    /// The formats the lanes identified (with `formatsIn`), else nil. On a throw, nothing of
    /// them is left in staging.
    func extract() throws -> IdentifiedFormats? {
        ProcessSetup.useUTF8Locale()
        guard let a = archive_read_new() else { throw IntakeError.unreadable(path: source, reason: "libarchive: out of memory") }
        defer { archive_read_free(a) }
        // Named filters only: `filter_all` also registers lrzip, lzop, grzip … which libarchive
        // runs as external programs, and hostile input should never start a process. These four
        // are built into Debian's libarchive (swift-notes §1).
        archive_read_support_filter_gzip(a)
        archive_read_support_filter_bzip2(a)
        archive_read_support_filter_xz(a)
        archive_read_support_filter_zstd(a)
        archive_read_support_format_tar(a)
        archive_read_support_format_zip(a)
        guard archive_read_open_filename(a, source, Self.chunkSize) == ARCHIVE_OK else {
            throw IntakeError.unreadable(path: source, reason: "not a readable tar or zip archive: \(Self.error(a))")
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var names = ExtractedNames()
        var entries = 0
        let formats = try formatsIn.map { try ExtractedFormats(stagingDirectory: $0, laneCount: 2) }
        let lanes = StagingWriteLanes(source: source, formats: formats)
        var finished = false
        // On any throw: no lane may still be creating files when the caller removes the folder,
        // nor writing a record when its file is removed.
        defer {
            lanes.stop()
            if !finished { formats?.discard() }
        }
        var total: Int64 = 0
        var compressed: Bool?

        while true {
            var entry: OpaquePointer?
            let status = archive_read_next_header(a, &entry)
            if status == ARCHIVE_EOF { break }
            guard status >= ARCHIVE_WARN, let entry else {
                let what = entries == 0 ? "not a readable tar or zip archive" : "the archive is corrupt after \(entries) entries"
                throw IntakeError.unreadable(path: source, reason: "\(what): \(Self.error(a))")
            }
            if compressed == nil {
                // zip entries are compressed one by one; a tar is compressed when a filter
                // (gzip, bzip2, xz, zstd …) sits between the file and the tar reader.
                let format = archive_format(a) & ARCHIVE_FORMAT_BASE_MASK
                compressed = format == ARCHIVE_FORMAT_ZIP || archive_filter_count(a) > 1
            }
            entries += 1
            let rawName = archive_entry_pathname_utf8(entry).map { String(cString: $0) }
                ?? archive_entry_pathname(entry).flatMap { String(validatingCString: $0) }
            guard let rawName else {
                throw refusal(SIPRule.pathUnsafe, "entry \(entries)", "entry name is not valid UTF-8")
            }
            if entries > limits.maxEntries {
                throw refusal(SIPRule.tooManyEntries, rawName, "more than \(limits.maxEntries) entries (IntakeLimits.maxEntries)")
            }
            let type = archive_entry_filetype(entry) & CArchive_AE_IFMT
            let name = try checkedName(rawName, isDirectory: type == CArchive_AE_IFDIR)
            if archive_entry_hardlink(entry) != nil {
                throw refusal(SIPRule.hardlink, rawName, "hard link to \(Self.text(archive_entry_hardlink(entry))); links are not accepted in a package")
            }
            if type == CArchive_AE_IFLNK || archive_entry_symlink(entry) != nil {
                throw refusal(SIPRule.symlink, rawName, "symbolic link to \(Self.text(archive_entry_symlink(entry))); links are not accepted in a package")
            }
            guard let name else { continue }  // "./" itself
            if type == CArchive_AE_IFDIR {
                if names.isFile(name) { throw refusal(SIPRule.duplicateEntry, rawName, "a folder with the name of an earlier file") }
                try makeDirectories(name, names: &names, entryName: rawName)
                continue
            }
            guard type == CArchive_AE_IFREG else {
                throw refusal(SIPRule.specialFile, rawName, "a device, FIFO or socket entry (type \(String(type, radix: 8))); only files and folders are accepted")
            }
            if names.isFile(name) || names.isDirectory(name) {
                throw refusal(SIPRule.duplicateEntry, rawName, "the archive holds this name twice; which one is meant cannot be known")
            }
            names.addFile(name)
            if let slash = name.utf8.lastIndex(of: UInt8(ascii: "/")) {
                let parent = String(name[..<slash])
                // Its ancestors were made with it: one lookup for every file after a folder's first.
                if !names.isDirectory(parent) {
                    try makeDirectories(parent, names: &names, entryName: rawName)
                }
            }
            let declared = archive_entry_size_is_set(entry) != 0 ? Int64(archive_entry_size(entry)) : nil
            if let declared, declared > limits.maxTotalBytes - total {
                throw refusal(SIPRule.tooLarge, rawName, "the entry declares \(declared) bytes; with the \(total) before it that is over the limit of \(limits.maxTotalBytes) (IntakeLimits.maxTotalBytes)")
            }
            // A file declared small is read into memory for a lane (a zip entry that turns out
            // larger is written here after all); a large one is written here as it is read.
            let small = declared.map { $0 <= StagingWriteLanes.smallFileLimit } ?? true
            var output = EntryOutput(target: destination + "/" + name, source: source,
                                     holdUpTo: small ? StagingWriteLanes.smallFileLimit : 0, expected: Int(declared ?? 0))
            defer { output.closeIfOpen() }
            total = try readEntry(a, rawName: rawName, buffer: buffer, totalBefore: total, compressed: compressed ?? false) {
                try output.take($0)
            }
            if let held = try output.finish() {
                try lanes.write(held, to: output.target, recordAs: formats?.recordName(for: name))
            }
        }
        try lanes.finish()
        let identified = try formats?.finish(destination: destination)
        finished = true
        return identified
    }

    /// Streams the current entry's data through the size and bomb limits into `consume`; returns
    /// the new running total.
    private func readEntry(_ a: OpaquePointer, rawName: String, buffer: UnsafeMutableRawBufferPointer, totalBefore: Int64,
                           compressed: Bool, consume: (UnsafeRawBufferPointer) throws -> Void) throws -> Int64 {
        let consumedAtStart = Int64(archive_filter_bytes(a, -1))
        var written: Int64 = 0
        var total = totalBefore
        while true {
            let n = archive_read_data(a, buffer.baseAddress, buffer.count)
            if n == 0 { break }
            if n < 0 {
                throw IntakeError.unreadable(path: source, reason: "reading entry \(rawName): \(Self.error(a))")
            }
            written += Int64(n)
            total += Int64(n)
            if total > limits.maxTotalBytes {
                throw refusal(SIPRule.tooLarge, rawName, "over \(limits.maxTotalBytes) bytes decompressed (IntakeLimits.maxTotalBytes); stopped after \(written) bytes of this entry")
            }
            if compressed {
                let consumed = Int64(archive_filter_bytes(a, -1))
                let ratio = Int64(limits.maxCompressionRatio)
                if written > Self.ratioFloor, written > ratio * max(consumed - consumedAtStart, 1) {
                    throw refusal(SIPRule.zipBomb, rawName, "decompresses to more than \(limits.maxCompressionRatio) times its compressed size (\(written) bytes from \(consumed - consumedAtStart)); stopped mid-entry (IntakeLimits.maxCompressionRatio)")
                }
                if total > Self.ratioFloor, total > ratio * max(consumed, 1) {
                    throw refusal(SIPRule.zipBomb, rawName, "the archive decompresses to more than \(limits.maxCompressionRatio) times its compressed size (\(total) bytes from \(consumed)); stopped (IntakeLimits.maxCompressionRatio)")
                }
            }
            try consume(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
        return total
    }

    /// The entry name made relative (leading `./` and a folder's trailing `/` dropped) and checked;
    /// nil for the archive's own `./` entry.
    private func checkedName(_ raw: String, isDirectory: Bool) throws -> String? {
        var name = raw
        while name.hasPrefix("./") { name.removeFirst(2) }
        if isDirectory { while name.hasSuffix("/") { name.removeLast() } }
        if name.isEmpty || name == "." {
            if isDirectory { return nil }
            throw refusal(SIPRule.pathUnsafe, raw, "a file entry without a name")
        }
        if raw.utf8.count > limits.maxPathBytes {
            throw refusal(SIPRule.pathUnsafe, String(raw.prefix(200)) + "…", "entry name is \(raw.utf8.count) bytes, over the limit of \(limits.maxPathBytes) (IntakeLimits.maxPathBytes)")
        }
        if let problem = SafePath.validateRelative(name) {
            throw refusal(SIPRule.pathUnsafe, raw, "unsafe entry name: \(problem.rawValue); the entry would land outside the package")
        }
        return name
    }

    /// Creates `path` and its ancestors inside the destination, refusing when a file holds a
    /// name a folder needs.
    private func makeDirectories(_ path: String, names: inout ExtractedNames, entryName: String) throws {
        var prefix = ""
        for segment in path.split(separator: "/") {
            prefix = prefix.isEmpty ? String(segment) : prefix + "/" + segment
            if names.isDirectory(prefix) { continue }
            if names.isFile(prefix) {
                throw refusal(SIPRule.duplicateEntry, entryName, "\(prefix) is a file in the archive but is needed as a folder")
            }
            if mkdir(destination + "/" + prefix, 0o755) != 0 && errno != EEXIST {
                throw IntakeError.unreadable(path: source, reason: "cannot create \(prefix) in the staging folder: \(String(cString: strerror(errno)))")
            }
            names.addDirectory(prefix)
        }
    }

    private func refusal(_ rule: String, _ path: String, _ message: String) -> IntakeError {
        .refused([SIPFinding(ruleID: rule, severity: .error, package: package, path: path, message: message)])
    }

    private static func error(_ a: OpaquePointer) -> String {
        archive_error_string(a).map { String(cString: $0) } ?? "unknown libarchive error"
    }

    private static func text(_ s: UnsafePointer<CChar>?) -> String {
        s.map { String(cString: $0) } ?? "?"
    }
}
