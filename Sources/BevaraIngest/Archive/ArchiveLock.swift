import BevaraArchiveIO
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock (flock) on a file, released when the process ends in any way,
/// SIGKILL included, so a killed run never leaves the archive locked.
final class ArchiveLock {
    private let fd: Int32

    init(path: String) throws {
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IOError(path: path, operation: "open", errno: errno) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw ArchiveError.busy(path: path)
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
