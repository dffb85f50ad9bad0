import BevaraAccess
import Foundation
import Testing

/// Two commands appending at once must not fork the chain or lose an entry.
@Suite struct AccessLogConcurrencyTests {
    private final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var errors: [String] = []
        func add(_ error: Error) { lock.lock(); errors.append("\(error)"); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return errors }
    }

    @Test func fourThreadsAppendingKeepOneValidChainWithNoLostEntries() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        let threads = 4, perThread = 50
        let failures = Failures()
        let group = DispatchGroup()
        let log = f.log
        for t in 0..<threads {
            group.enter()
            // Separate AccessLog instances too, as separate commands would have.
            let own = try AccessLog(directory: log.directory)
            Thread.detachNewThread {
                defer { group.leave() }
                for i in 0..<perThread {
                    do { try own.append(AccessLogFixture.draft(i, user: "thread-\(t)")) } catch { failures.add(error) }
                }
            }
        }
        group.wait()
        #expect(failures.all.isEmpty)
        let result = try log.verify()
        #expect(result.count == threads * perThread && result.warnings.isEmpty, "\(result)")
        let entries = try log.entries()
        #expect(entries.map(\.seq) == Array(1...(threads * perThread)))
        for t in 0..<threads {
            let mine = entries.filter { $0.user == "thread-\(t)" }.compactMap { $0.query["dnr"] }
            #expect(mine == (0..<perThread).map { "KS 2024/\($0)" })
        }
    }

    /// The lock is an flock on `access-log.lock`, so another process holding it (here
    /// `flock(1)`, standing in for a second bevara command) makes an append wait.
    @Test func anAppendWaitsWhileAnotherProcessHoldsTheLock() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        try f.log.append(AccessLogFixture.draft(1))
        let ready = f.root + "/holder-ready"
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [f.log.directory + "/access-log.lock", "sh", "-c", "touch '\(ready)'; sleep 1"]
        try holder.run()
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: ready) && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(FileManager.default.fileExists(atPath: ready))
        let start = Date()
        try f.log.append(AccessLogFixture.draft(2))
        let waited = Date().timeIntervalSince(start)
        #expect(!holder.isRunning || waited >= 0.5, "append returned after \(waited) s while the lock was held")
        holder.waitUntilExit()
        #expect(waited >= 0.5)
        #expect(try f.log.verify().count == 2)
    }
}
