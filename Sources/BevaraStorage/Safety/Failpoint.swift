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
        public var description: String { "simulated crash at failpoint \(point)" }
    }

    private final class Armed: @unchecked Sendable {
        let lock = NSLock()
        var names: Set<String> = []
    }
    private static let armed = Armed()
    private static let fromEnvironment: Set<String> = {
        guard let value = ProcessInfo.processInfo.environment[environmentVariable] else { return [] }
        return Set(value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }()

    /// Crashes here if `name` is armed (environment: exit 137; in process: throw, once).
    public static func hit(_ name: String) throws {
        if fromEnvironment.contains(name) {
            FileHandle.standardError.write(Data("bevara: failpoint \(name): exiting with 137\n".utf8))
            _exit(137)
        }
        armed.lock.lock()
        let isArmed = armed.names.remove(name) != nil
        armed.lock.unlock()
        if isArmed { throw SimulatedCrash(point: name) }
    }

    /// Arms `name` for this process: the next `hit(name)` throws `SimulatedCrash`. For tests.
    public static func armInProcess(_ name: String) {
        armed.lock.lock(); armed.names.insert(name); armed.lock.unlock()
    }

    /// Disarms every in-process point.
    public static func disarmAll() {
        armed.lock.lock(); armed.names.removeAll(); armed.lock.unlock()
    }
}
