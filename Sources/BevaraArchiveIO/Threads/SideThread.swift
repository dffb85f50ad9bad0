import Foundation

/// Runs a piece of work on a thread of its own while the calling thread does another, and
/// returns when both are done.
///
/// For two independent loads (the export's tables and its checksum manifest) that would
/// otherwise run one after the other on one core of two. `side` runs entirely on its thread, so
/// whatever it uses must not be used by the caller until `run` returns, which is after that
/// thread has finished, whatever either half threw.
public enum SideThread {
    /// Runs `side` on a thread named `threadName` and `body` here. `body`'s error is thrown if it
    /// failed, else `side`'s; otherwise `body`'s result is returned.
    public static func run<T>(threadName: String, side: @escaping () throws -> Void, while body: () throws -> T) throws -> T {
        nonisolated(unsafe) var sideError: (any Error)?
        let thread = JoinableThread(name: threadName) {
            do { try side() } catch { sideError = error }
        }
        thread.start()
        let result: Result<T, any Error>
        do { result = .success(try body()) } catch { result = .failure(error) }
        thread.join()
        let value = try result.get()
        if let sideError { throw sideError }
        return value
    }
}
