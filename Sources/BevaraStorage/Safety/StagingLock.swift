import BevaraArchiveIO
import Foundation

/// An exclusive `flock(2)` on `<staging>/.bevara-storage.lock`, held by a version write from
/// `beginVersion` to `commit`/`discard`, by recovery and by `appendLog`. One writer at a time:
/// the lock lets recovery know that any unfinished work it finds belongs to a dead process.
///
/// The kernel drops a flock when its holder dies (even by SIGKILL), so a lock is never stale.
/// flock is per open file, so two holders inside one process would not exclude each other;
/// an in-process registry makes them wait too.
final class StagingLock {
    let path: String
    private var fd: Int32 = -1

    private final class Held: @unchecked Sendable {
        let lock = NSLock()
        var paths: Set<String> = []
    }
    private static let held = Held()

    /// Waits up to `timeout` seconds for the lock.
    init(stagingDirectory: String, timeout: Double) throws {
        path = stagingDirectory + "/.bevara-storage.lock"
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if try tryAcquire() { return }
            if Date() >= deadline { throw OCFLStorageError.lockTimeout(path: path, seconds: timeout) }
            usleep(20_000)
        }
    }

    private func tryAcquire() throws -> Bool {
        Self.held.lock.lock()
        defer { Self.held.lock.unlock() }
        if Self.held.paths.contains(path) { return false }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw IOError(path: path, operation: "open lock file", errno: errno) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            close(descriptor)
            if code == EWOULDBLOCK || code == EINTR { return false }
            throw IOError(path: path, operation: "flock", errno: code)
        }
        fd = descriptor
        Self.held.paths.insert(path)
        return true
    }

    /// Releases the lock; safe to call more than once.
    func release() {
        Self.held.lock.lock()
        defer { Self.held.lock.unlock() }
        guard fd >= 0 else { return }
        close(fd)  // closing drops the flock
        fd = -1
        Self.held.paths.remove(path)
    }

    deinit { release() }
}
