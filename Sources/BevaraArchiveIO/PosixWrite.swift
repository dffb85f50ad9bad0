import Foundation

/// Whole writes to a file descriptor. `write(2)` may write fewer bytes than asked (a signal, a
/// disk filling up); every writer needs the same retry loop, so it lives here once.
public enum PosixWrite {
    /// Writes all of `bytes` to `fd`, retrying on EINTR and short writes. Throws an `IOError`
    /// naming `path` with the errno of the write that failed.
    public static func all(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        if let code = allOrErrno(fd, bytes) { throw IOError(path: path, operation: "write", errno: code) }
    }

    /// Writes all of `bytes` to `fd`; the errno of the write that failed, or nil when every byte
    /// was written. For callers that report the failure in their own terms.
    public static func allOrErrno(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return nil
    }
}
