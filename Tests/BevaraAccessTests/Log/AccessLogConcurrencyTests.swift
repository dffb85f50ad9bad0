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
    /// `flock(1)`, standing in for a second bevara command) makes an append wait. The holder keeps
    /// the lock until told to let go, so the test does not depend on how fast a loaded machine
    /// schedules it (a fixed one-second hold once made it fail at load 15).
    @Test func anAppendWaitsWhileAnotherProcessHoldsTheLock() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        try f.log.append(AccessLogFixture.draft(1))
        let ready = f.root + "/holder-ready", letGo = f.root + "/holder-let-go"
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [f.log.directory + "/access-log.lock", "sh", "-c",
                            "touch '\(ready)'; while [ ! -e '\(letGo)' ]; do sleep 0.05; done"]
        try holder.run()
        defer { _ = FileManager.default.createFile(atPath: letGo, contents: nil); holder.waitUntilExit() }
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: ready) && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        try #require(FileManager.default.fileExists(atPath: ready))

        final class Finished: @unchecked Sendable {
            private let lock = NSLock()
            private var at: Date?
            private var failure: String?
            func set(_ date: Date?, _ error: Error?) { lock.lock(); at = date; failure = error.map { "\($0)" }; lock.unlock() }
            var value: (at: Date?, failure: String?) { lock.lock(); defer { lock.unlock() }; return (at, failure) }
        }
        let finished = Finished(), done = DispatchSemaphore(value: 0)
        let log = f.log
        Thread.detachNewThread {
            do { try log.append(AccessLogFixture.draft(2)); finished.set(Date(), nil) } catch { finished.set(nil, error) }
            done.signal()
        }
        Thread.sleep(forTimeInterval: 0.5)
        let lettingGo = Date()
        #expect(finished.value.at == nil, "append returned while another process held the lock")
        #expect(FileManager.default.createFile(atPath: letGo, contents: nil))
        #expect(done.wait(timeout: .now() + 60) == .success, "append did not return after the lock was let go")
        let result = finished.value
        #expect(result.failure == nil, "\(result.failure ?? "")")
        #expect(result.at.map { $0 >= lettingGo } == true, "append returned before the other process let go of the lock")
        #expect(try f.log.verify().count == 2)
    }
}
