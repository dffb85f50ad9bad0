import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Named points where a test can make the process die as abruptly as a power cut.
///
/// `BEVARA_FAILPOINT=name` kills the process with SIGKILL the first time `hit(name)` runs;
/// `name@N` on the N-th time. No cleanup handler runs, which is the point: crash-safety tests
/// prove that whatever state a real kill leaves behind is recovered by the next run.
/// Unset (the normal case), a hit costs one dictionary-free comparison.
public enum Failpoint {
    private struct Armed: Sendable {
        let name: String
        let at: Int
    }

    private static let armed: Armed? = {
        guard let value = ProcessInfo.processInfo.environment["BEVARA_FAILPOINT"], !value.isEmpty else { return nil }
        let parts = value.split(separator: "@", maxSplits: 1)
        return Armed(name: String(parts[0]), at: parts.count == 2 ? max(1, Int(parts[1]) ?? 1) : 1)
    }()

    nonisolated(unsafe) private static var counts: [String: Int] = [:]
    private static let lock = NSLock()

    /// Kills the process here if the environment armed this point (and this is the armed hit).
    public static func hit(_ name: String) {
        guard let armed, armed.name == name else { return }
        lock.lock()
        let count = (counts[name] ?? 0) + 1
        counts[name] = count
        lock.unlock()
        if count == armed.at {
            kill(getpid(), SIGKILL)
        }
    }
}
