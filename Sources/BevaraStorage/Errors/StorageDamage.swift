import Foundation

/// One problem `OCFLStorageRoot.verify(objectID:)` found in a stored object. Paths are relative
/// to the object root (`v2/content/…`, `inventory.json`).
public enum StorageDamage: Hashable, Sendable, CustomStringConvertible {
    case inventoryUnreadable(path: String, reason: String)
    case inventorySidecarMissing(path: String)
    case inventoryDigestMismatch(path: String, expected: String, actual: String)
    /// The root inventory is not byte-identical to the head version's copy (OCFL E064).
    case rootInventoryDiffersFromHead(head: String)
    case versionDirectoryMissing(version: String)
    /// A `vN` directory beyond the inventory's head: a write was interrupted; recovery rolls it forward.
    case uncommittedVersion(version: String)
    case contentMissing(path: String)
    case contentDigestMismatch(path: String, expected: String, actual: String)
    /// A file in a content directory that the manifest does not list (OCFL E023).
    case unexpectedContent(path: String)

    public var description: String {
        switch self {
        case .inventoryUnreadable(let path, let reason): return "\(path): unreadable inventory: \(reason)"
        case .inventorySidecarMissing(let path): return "\(path): sidecar digest file missing"
        case .inventoryDigestMismatch(let path, let expected, let actual):
            return "\(path): SHA-256 \(actual) does not match the sidecar's \(expected)"
        case .rootInventoryDiffersFromHead(let head): return "inventory.json differs from \(head)/inventory.json"
        case .versionDirectoryMissing(let version): return "\(version)/: version directory missing"
        case .uncommittedVersion(let version): return "\(version)/: version beyond the inventory's head (interrupted write)"
        case .contentMissing(let path): return "\(path): content file missing"
        case .contentDigestMismatch(let path, let expected, let actual):
            return "\(path): SHA-256 \(actual), inventory says \(expected)"
        case .unexpectedContent(let path): return "\(path): file not listed in the manifest"
        }
    }

    /// The path the damage is at, relative to the object root.
    public var path: String {
        switch self {
        case .inventoryUnreadable(let path, _), .inventorySidecarMissing(let path), .inventoryDigestMismatch(let path, _, _),
             .contentMissing(let path), .contentDigestMismatch(let path, _, _), .unexpectedContent(let path):
            return path
        case .rootInventoryDiffersFromHead: return "inventory.json"
        case .versionDirectoryMissing(let version), .uncommittedVersion(let version): return version + "/"
        }
    }

    /// What is wrong, without the path.
    public var problem: String {
        let text = description
        let prefix = path + ": "
        return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }
}
