import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Named points in a write where a crash can be simulated, to test recovery.
///
/// `BEVARA_FAILPOINT=name[@N][,name[@N]…]` in the environment kills the process with SIGKILL the
/// N-th time (default: first) it reaches `name`: no cleanup handler, no buffered output, exactly
/// the state a power cut leaves. Tests in the same process use `armInProcess(_:subject:)` instead,
/// which makes the next matching `hit` throw `SimulatedCrash`; writers then skip all cleanup.
///
/// Points: `package.after-content-file`; `storage.before-move`, `storage.after-object-move`,
/// `storage.after-version-move`, `storage.after-inventory-replace`, `storage.before-cleanup`;
/// `ingest.between-files`, `ingest.after-storage`, `ingest.during-index`.
public enum Failpoint {
    public static let environmentVariable = "BEVARA_FAILPOINT"

    /// Thrown at an in-process armed point.
    public struct SimulatedCrash: Error, CustomStringConvertible, Equatable, Sendable {
        public let point: String
        public init(point: String) { self.point = point }
        public var description: String { "simulated crash at failpoint \(point)" }
    }

    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var armed: Set<String> = []
        var hits: [String: Int] = [:]
    }
    private static let state = State()

    /// Points armed by the environment, with the hit count that triggers each.
    private static let fromEnvironment: [String: Int] = {
        guard let value = ProcessInfo.processInfo.environment[environmentVariable] else { return [:] }
        var points: [String: Int] = [:]
        for entry in value.split(separator: ",") {
            let parts = entry.trimmingCharacters(in: .whitespaces).split(separator: "@", maxSplits: 1)
            guard let name = parts.first else { continue }
            points[String(name)] = parts.count == 2 ? max(1, Int(parts[1]) ?? 1) : 1
        }
        return points
    }()

    /// Crashes here if `name` is armed. `subject` (e.g. an object id) lets a test arm a point for
    /// one object only, so tests running in parallel do not trip each other's points.
    public static func hit(_ name: String, subject: String = "") throws {
        if let at = fromEnvironment[name] {
            state.lock.lock()
            let count = (state.hits[name] ?? 0) + 1
            state.hits[name] = count
            state.lock.unlock()
            if count == at { kill(getpid(), SIGKILL) }
        }
        guard !state.armed.isEmpty else { return }
        state.lock.lock()
        let isArmed = state.armed.remove(key(name, subject)) != nil
        state.lock.unlock()
        if isArmed { throw SimulatedCrash(point: name) }
    }

    /// Arms `name` for `subject` in this process: the next matching `hit` throws `SimulatedCrash`. For tests.
    public static func armInProcess(_ name: String, subject: String) {
        state.lock.lock(); state.armed.insert(key(name, subject)); state.lock.unlock()
    }

    /// Disarms `name` for `subject` (if it was not reached).
    public static func disarm(_ name: String, subject: String) {
        state.lock.lock(); state.armed.remove(key(name, subject)); state.lock.unlock()
    }

    private static func key(_ name: String, _ subject: String) -> String { name + "\u{0}" + subject }
}
