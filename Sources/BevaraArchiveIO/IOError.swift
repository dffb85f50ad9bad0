import Foundation

/// A file-system or archive failure, naming the path and what the system said.
public struct IOError: Error, CustomStringConvertible, Equatable, Sendable {
    public let path: String
    public let operation: String
    public let reason: String

    public init(path: String, operation: String, reason: String) {
        self.path = path
        self.operation = operation
        self.reason = reason
    }

    public init(path: String, operation: String, errno code: Int32) {
        self.init(path: path, operation: operation, reason: String(cString: strerror(code)))
    }

    public var description: String { "\(path): \(operation) failed: \(reason)" }
}
