import CArchive
import Crypto
import Foundation

/// Writes a `.tar` (POSIX pax) or `.zip` (stored, zip64 when needed) through libarchive, one
/// entry at a time, streamed: an entry's bytes go straight from the source file into the archive.
/// The archive's own SHA-256 is computed from the bytes as they are written (`close()` returns
/// it), so a multi-gigabyte package is not read back to be hashed.
public final class ArchiveWriter {
    public enum Format: String, Sendable {
        case tar, zip
    }

    public let path: String
    private var archive: OpaquePointer?
    private let fd: Int32
    private let mtime: time_t
    private let output: HashingOutput
    private var digest: String?

    /// Creates the archive file at `path` (which must not exist).
    public init(path: String, format: Format, modificationTime: Date = Date()) throws {
        self.path = path
        mtime = time_t(modificationTime.timeIntervalSince1970)
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IOError(path: path, operation: "create", errno: errno) }
        output = HashingOutput(fd: fd)
        guard let a = archive_write_new() else {
            _ = output.finish()
            Foundation.close(fd)
            throw IOError(path: path, operation: "archive_write_new", reason: "out of memory")
        }
        archive = a
        switch format {
        case .tar:
            archive_write_set_format_pax_restricted(a)
        case .zip:
            archive_write_set_format_zip(a)
            // Stored, not deflated: packaged files are mostly compressed formats already, and
            // deflate is ~25× slower here (swift-notes §1).
            archive_write_set_options(a, "zip:compression=store")
        }
        // libarchive's default 10 KiB blocks: 1 MiB blocks made a 1 GB package slower here
        // (2.0 s against 0.8 s in write(2), measured with strace -c).
        archive_write_set_bytes_in_last_block(a, 1)
        let client = Unmanaged.passUnretained(output).toOpaque()
        guard archive_write_open(a, client, nil, { a, client, buffer, length in
            let output = Unmanaged<HashingOutput>.fromOpaque(client!).takeUnretainedValue()
            guard let buffer else { return 0 }
            // On failure the errno is kept by `output` for the error message.
            return output.write(UnsafeRawBufferPointer(start: buffer, count: length)) ? la_ssize_t(length) : -1
        }, nil) == ARCHIVE_OK else {
            let reason = errorString()
            archive_write_free(a)
            archive = nil
            _ = output.finish()
            Foundation.close(fd)
            throw IOError(path: path, operation: "open archive", reason: reason)
        }
    }

    deinit {
        if let a = archive {
            archive_write_free(a)
            _ = output.finish()
            Foundation.close(fd)
        }
    }

    /// Adds a regular-file entry of `size` bytes; `body` must write exactly that many bytes
    /// through the function it is given.
    public func addFile(named name: String, size: Int64,
                        body: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        guard let a = archive else { throw IOError(path: path, operation: "write", reason: "archive closed") }
        let entry = archive_entry_new()
        defer { archive_entry_free(entry) }
        Self.setPathname(entry, name)
        archive_entry_set_size(entry, la_int64_t(size))
        archive_entry_set_filetype(entry, CArchive_AE_IFREG)
        archive_entry_set_perm(entry, 0o644)
        archive_entry_set_mtime(entry, mtime, 0)
        guard archive_write_header(a, entry) == ARCHIVE_OK else {
            throw IOError(path: path, operation: "write header for \(name)", reason: errorString())
        }
        var written: Int64 = 0
        try body { chunk in
            guard chunk.count > 0 else { return }
            let n = archive_write_data(a, chunk.baseAddress, chunk.count)
            if n < 0 { throw IOError(path: self.path, operation: "write \(name)", reason: self.errorString()) }
            written += Int64(n)
        }
        guard written == size else {
            throw IOError(path: path, operation: "write \(name)", reason: "wrote \(written) bytes, expected \(size) (file changed while packaging?)")
        }
        guard archive_write_finish_entry(a) == ARCHIVE_OK else {
            throw IOError(path: path, operation: "finish \(name)", reason: errorString())
        }
    }

    /// Adds the file at `source` as `name`, hashing it on the way through.
    @discardableResult
    public func addFile(named name: String, from source: String) throws -> FileDigest.Result {
        var st = stat()
        guard stat(source, &st) == 0 else { throw IOError(path: source, operation: "stat", errno: errno) }
        var result: FileDigest.Result?
        try addFile(named: name, size: Int64(st.st_size)) { write in
            result = try FileDigest.stream(path: source, consume: write)
        }
        return result!
    }

    /// Adds a directory entry.
    public func addDirectory(named name: String) throws {
        guard let a = archive else { throw IOError(path: path, operation: "write", reason: "archive closed") }
        let entry = archive_entry_new()
        defer { archive_entry_free(entry) }
        Self.setPathname(entry, name.hasSuffix("/") ? name : name + "/")
        archive_entry_set_filetype(entry, CArchive_AE_IFDIR)
        archive_entry_set_perm(entry, 0o755)
        archive_entry_set_mtime(entry, mtime, 0)
        guard archive_write_header(a, entry) == ARCHIVE_OK else {
            throw IOError(path: path, operation: "write header for \(name)", reason: errorString())
        }
    }

    /// Finishes the archive, fsyncs and closes the file. Returns the archive file's SHA-256
    /// (lower-case hex), computed from the bytes written.
    @discardableResult
    public func close() throws -> String {
        guard let a = archive else { return digest ?? "" }
        archive = nil
        let rc = archive_write_close(a)
        // Waits for the last chunks to be written; a write that failed late shows here.
        let hex = output.finish()
        let reason = rc == ARCHIVE_OK && hex != nil ? "" : output.failure.map { String(cString: strerror($0)) }
            ?? archive_error_string(a).map { String(cString: $0) } ?? "unknown error"
        archive_write_free(a)
        defer { Foundation.close(fd) }
        guard rc == ARCHIVE_OK, let hex else { throw IOError(path: path, operation: "close archive", reason: reason) }
        guard fsync(fd) == 0 else { throw IOError(path: path, operation: "fsync", errno: errno) }
        digest = hex
        return hex
    }

    /// Sets an entry's path. An ASCII path is set as the locale's multibyte form, which it is in
    /// every ASCII-based locale: libarchive reads that form several times per header, and from
    /// a path set as UTF-8 it makes it each time through its Unicode normalisation, a pass per
    /// character (≈ 15,000 instructions a file, callgrind, bench P2; package paths are ASCII
    /// slugs). Any other path is set as UTF-8, so that it is stored right in any locale.
    private static func setPathname(_ entry: OpaquePointer?, _ name: String) {
        if ASCII.isASCII(name) {
            archive_entry_copy_pathname(entry, name)
        } else {
            archive_entry_set_pathname_utf8(entry, name)
        }
    }

    private func errorString() -> String {
        if let failure = output.failure { return String(cString: strerror(failure)) }
        guard let a = archive, let s = archive_error_string(a) else { return "unknown libarchive error" }
        return String(cString: s)
    }
}
