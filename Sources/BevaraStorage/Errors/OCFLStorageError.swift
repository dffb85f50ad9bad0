import Foundation

/// Why the storage root refused an operation. Each case names the path or object and the rule.
public enum OCFLStorageError: Error, CustomStringConvertible, Equatable, Sendable {
    /// `create(at:)` was pointed at a directory that already holds something.
    case rootNotEmpty(path: String)
    /// The directory is not an OCFL 1.1 storage root (missing or wrong declaration, unreadable layout).
    case notAStorageRoot(path: String, reason: String)
    /// `ocfl_layout.json` names a layout this code cannot map identifiers with.
    case unsupportedLayout(path: String, layout: String)
    case invalidObjectID(id: String, reason: String)
    case objectNotFound(id: String)
    case objectAlreadyExists(id: String, path: String)
    /// An inventory that cannot be parsed or breaks an OCFL rule this code relies on.
    case invalidInventory(path: String, reason: String)
    /// `inventory.json` does not match its `inventory.json.sha256` sidecar.
    case inventoryDigestMismatch(path: String, expected: String, actual: String)
    case invalidLogicalPath(path: String, reason: String)
    /// A logical path that is a directory of another (`a` and `a/b`), forbidden by OCFL (E095).
    case logicalPathConflict(path: String, existing: String)
    case logicalPathNotFound(objectID: String, path: String, version: Int)
    case versionNotFound(objectID: String, version: Int)
    /// Stored bytes no longer match the inventory's digest.
    case contentDigestMismatch(path: String, expected: String, actual: String)
    /// `addFile(... expectedSHA256:)` read bytes whose digest differs from what the caller declared.
    case sourceDigestMismatch(source: String, logicalPath: String, expected: String, actual: String)
    /// The staging directory must be on the storage root's file system (renames must be atomic)
    /// and outside the root (the validator would see it as damage).
    case unusableStagingDirectory(path: String, reason: String)
    case lockTimeout(path: String, seconds: Double)
    /// The object is in a state a killed writer left behind; run `recover(stagingDirectory:)`.
    case needsRecovery(objectID: String, reason: String)
    /// The builder was committed or discarded already.
    case builderClosed(objectID: String)
    /// A builder step used out of order (e.g. adopting content after files were added).
    case builderMisuse(objectID: String, reason: String)
    /// The staged content holds files that no logical path uses (OCFL E023); nothing was committed.
    case unregisteredContent(objectID: String, path: String, files: Int, registered: Int)
    /// A log record with that name exists; audit records are never overwritten.
    case logExists(path: String)
    /// A log record (`logs/…`) that does not decode as what its name says it is.
    case invalidLogRecord(path: String, reason: String)

    public var description: String {
        switch self {
        case .rootNotEmpty(let path):
            return "\(path): refusing to create an OCFL storage root in a non-empty directory"
        case .notAStorageRoot(let path, let reason):
            return "\(path): not an OCFL 1.1 storage root: \(reason)"
        case .unsupportedLayout(let path, let layout):
            return "\(path): storage layout '\(layout)' is not supported (only 0003-hash-and-id-n-tuple-storage-layout)"
        case .invalidObjectID(let id, let reason):
            return "object id '\(id)': \(reason)"
        case .objectNotFound(let id):
            return "object '\(id)' is not in the storage root"
        case .objectAlreadyExists(let id, let path):
            return "object '\(id)' already exists at \(path)"
        case .invalidInventory(let path, let reason):
            return "\(path): invalid OCFL inventory: \(reason)"
        case .inventoryDigestMismatch(let path, let expected, let actual):
            return "\(path): SHA-256 \(actual) does not match the sidecar's \(expected) (OCFL E060)"
        case .invalidLogicalPath(let path, let reason):
            return "logical path '\(path)': \(reason)"
        case .logicalPathConflict(let path, let existing):
            return "logical path '\(path)' conflicts with '\(existing)': one would be a directory of the other (OCFL E095)"
        case .logicalPathNotFound(let id, let path, let version):
            return "object '\(id)' v\(version) has no file '\(path)'"
        case .versionNotFound(let id, let version):
            return "object '\(id)' has no version v\(version)"
        case .contentDigestMismatch(let path, let expected, let actual):
            return "\(path): stored content is damaged: SHA-256 \(actual), inventory says \(expected)"
        case .sourceDigestMismatch(let source, let logicalPath, let expected, let actual):
            return "\(source) (for '\(logicalPath)'): SHA-256 \(actual) differs from the expected \(expected); nothing stored"
        case .unusableStagingDirectory(let path, let reason):
            return "staging directory \(path): \(reason)"
        case .lockTimeout(let path, let seconds):
            return "\(path): another writer held the storage lock for more than \(Int(seconds)) s"
        case .needsRecovery(let id, let reason):
            return "object '\(id)': \(reason); run recovery first"
        case .builderClosed(let id):
            return "the version builder for '\(id)' was already committed or discarded"
        case .builderMisuse(let id, let reason):
            return "the version builder for '\(id)': \(reason)"
        case .unregisteredContent(let id, let path, let files, let registered):
            return "object '\(id)': \(path) holds \(files) files but only \(registered) are in the version's state (OCFL E023); nothing committed"
        case .logExists(let path):
            return "\(path): a log record with this name exists; log records are never overwritten"
        case .invalidLogRecord(let path, let reason): return "\(path): \(reason)"
        }
    }
}
