import Dispatch
import Foundation

/// Removes staged (unfinished) outputs when the process is interrupted (SIGINT, SIGTERM,
/// SIGHUP), then exits with 128 + the signal number. SIGKILL cannot be caught; for that,
/// `StagedOutput` removes a dead process's leftovers on the next run.
public final class Interruption: @unchecked Sendable {
    public static let shared = Interruption()

    private let lock = NSLock()
    private var paths: Set<String> = []
    private var sources: [DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "bevara.interruption")

    /// Installs the handlers; call once at start-up.
    public func install() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            source.setEventHandler { [weak self] in self?.interrupted(sig) }
            source.resume()
            sources.append(source)
        }
    }

    /// Registers an unfinished output to remove on interruption.
    public func register(_ path: String) {
        lock.lock(); paths.insert(path); lock.unlock()
    }

    public func unregister(_ path: String) {
        lock.lock(); paths.remove(path); lock.unlock()
    }

    private func interrupted(_ sig: Int32) {
        lock.lock()
        let pending = paths
        lock.unlock()
        for path in pending { try? FileManager.default.removeItem(atPath: path) }
        let message = "\nbevara: interrupted; removed \(pending.count) unfinished output(s)\n"
        FileHandle.standardError.write(message.data(using: .utf8)!)
        _exit(128 + sig)
    }
}
