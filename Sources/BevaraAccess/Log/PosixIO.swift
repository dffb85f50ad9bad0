import BevaraArchiveIO
import Foundation

/// Small POSIX helpers for the log: whole writes, positioned reads, advisory locks.
enum PosixIO {
    /// Writes all of `bytes`, retrying on EINTR and short writes. For a log line this is a single
    /// write(2) in practice; a short write can only happen on a full disk, and then the line is
    /// torn, which the next append and `verify` report.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        try bytes.withUnsafeBytes { try PosixWrite.all(fd, $0, path: path) }
    }

    /// Reads up to `count` bytes at `offset` (fewer only at end of file).
    static func read(_ fd: Int32, at offset: Int64, count: Int, path: String) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = buffer.withUnsafeMutableBytes { raw in
                pread(fd, raw.baseAddress! + filled, count - filled, off_t(offset) + off_t(filled))
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw IOError(path: path, operation: "read", errno: errno)
            }
            if n == 0 { break }
            filled += n
        }
        buffer.removeLast(count - filled)
        return buffer
    }

    /// Runs `body` holding an flock on `path` (created if missing and the folder is writable).
    /// flock locks belong to an open file description, so threads of one process exclude each
    /// other as separate processes do. A read-only copy of the log (no lock file, no write
    /// permission) is read without a lock.
    static func withLock<T>(_ path: String, exclusive: Bool, _ body: () throws -> T) throws -> T {
        var fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if fd < 0 && !exclusive { fd = open(path, O_RDONLY | O_CLOEXEC) }
        if fd < 0 {
            if !exclusive { return try body() }
            throw IOError(path: path, operation: "open lock file", errno: errno)
        }
        defer { close(fd) }
        while flock(fd, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            if errno == EINTR { continue }
            throw IOError(path: path, operation: "lock", errno: errno)
        }
        return try body()
    }
}
