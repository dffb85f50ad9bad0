import Foundation

/// Named points in a write where a crash can be simulated, to test recovery.
///
/// With `BEVARA_FAILPOINT=<name>[,<name>…]` in the environment, reaching a named point ends the
/// process at once with `_exit(137)` (what a SIGKILL looks like to a parent): no cleanup, no
/// buffered output, exactly the state a kill leaves. Tests in the same process use
/// `armInProcess(_:)` instead, which throws `SimulatedCrash`; writers then skip all cleanup.
///
/// Points in `BevaraStorage`: `storage.before-move`, `storage.after-object-move`,
/// `storage.after-version-move`, `storage.after-inventory-replace`, `storage.before-cleanup`.
public enum Failpoint {
    public static let environmentVariable = "BEVARA_FAILPOINT"

    /// Thrown at an in-process armed point.
    public struct SimulatedCrash: Error, CustomStringConvertible, Equatable, Sendable {
        public let point: String
        public init(point: String) { self.point = point }
        public var description: String { "simulated crash at failpoint \(point)" }
    }

    private final class Armed: @unchecked Sendable {
        let lock = NSLock()
        var points: Set<String> = []
    }
    private static let armed = Armed()
    private static let fromEnvironment: Set<String> = {
        guard let value = ProcessInfo.processInfo.environment[environmentVariable] else { return [] }
        return Set(value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }()

    /// Crashes here if `name` is armed (environment: exit 137; in process: throw, once).
    /// `subject` (e.g. the object id) lets a test arm a point for one object only, so tests
    /// running in parallel do not trip each other's points.
    public static func hit(_ name: String, subject: String = "") throws {
        if fromEnvironment.contains(name) {
            FileHandle.standardError.write(Data("bevara: failpoint \(name): exiting with 137\n".utf8))
            _exit(137)
        }
        armed.lock.lock()
        let isArmed = armed.points.remove(key(name, subject)) != nil
        armed.lock.unlock()
        if isArmed { throw SimulatedCrash(point: name) }
    }

    /// Arms `name` for `subject` in this process: the next matching `hit` throws `SimulatedCrash`. For tests.
    public static func armInProcess(_ name: String, subject: String) {
        armed.lock.lock(); armed.points.insert(key(name, subject)); armed.lock.unlock()
    }

    /// Disarms `name` for `subject` (if it was not reached).
    public static func disarm(_ name: String, subject: String) {
        armed.lock.lock(); armed.points.remove(key(name, subject)); armed.lock.unlock()
    }

    private static func key(_ name: String, _ subject: String) -> String { name + "\u{0}" + subject }
}
