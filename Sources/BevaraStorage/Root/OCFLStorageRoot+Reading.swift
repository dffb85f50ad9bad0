import BevaraArchiveIO
import Foundation

extension OCFLStorageRoot {
    /// Resolves a logical path of a version (head if nil) to its digest and absolute content path.
    public func locate(objectID: String, logicalPath: String, version: Int? = nil) throws -> (path: String, sha256: String) {
        try locate(in: try inventory(of: objectID), objectID: objectID, logicalPath: logicalPath, version: version)
    }

    /// As `locate(objectID:logicalPath:version:)`, with an inventory the caller already read (one
    /// parse for a whole object, not one per file). A caller reading many files of one version
    /// passes that version's `state` too: building it costs a pass over the whole inventory.
    public func locate(in inventory: OCFLInventory, objectID: String, logicalPath: String,
                       version: Int? = nil, state: [String: String]? = nil) throws -> (path: String, sha256: String) {
        let number = version ?? inventory.headVersionNumber
        guard inventory.versions[OCFLInventory.versionName(number)] != nil else {
            throw OCFLStorageError.versionNotFound(objectID: objectID, version: number)
        }
        let found = if let state { state[logicalPath] } else { inventory.digest(of: logicalPath, version: number) }
        guard let digest = found else {
            throw OCFLStorageError.logicalPathNotFound(objectID: objectID, path: logicalPath, version: number)
        }
        guard let contentPath = inventory.contentPath(for: digest) else {
            throw OCFLStorageError.invalidInventory(path: objectPath(for: objectID) + "/" + InventoryCodec.fileName,
                                                    reason: "digest \(digest) of '\(logicalPath)' is not in the manifest")
        }
        return (objectPath(for: objectID) + "/" + contentPath, digest)
    }

    /// Streams the stored file through SHA-256 and, only if it matches the inventory, calls `body`
    /// with its absolute path. `body` must only read the file.
    public func withVerifiedFile<T>(objectID: String, logicalPath: String, version: Int? = nil,
                                    _ body: (String) throws -> T) throws -> T {
        try withVerifiedFile(in: try inventory(of: objectID), objectID: objectID, logicalPath: logicalPath,
                             version: version, body)
    }

    /// As `withVerifiedFile(objectID:logicalPath:version:_:)`, with an inventory the caller already read.
    public func withVerifiedFile<T>(in inventory: OCFLInventory, objectID: String, logicalPath: String,
                                    version: Int? = nil, state: [String: String]? = nil,
                                    _ body: (String) throws -> T) throws -> T {
        let located = try locate(in: inventory, objectID: objectID, logicalPath: logicalPath, version: version, state: state)
        let actual = try FileDigest.sha256(path: located.path)
        guard actual == located.sha256 else {
            throw OCFLStorageError.contentDigestMismatch(path: located.path, expected: located.sha256, actual: actual)
        }
        return try body(located.path)
    }

    /// Copies a stored file to `destination` (which must not exist), hashing while copying; on a
    /// digest mismatch the destination is deleted and `contentDigestMismatch` thrown. The copy is
    /// not fsynced (the caller syncs its output once).
    @discardableResult
    public func copyVerified(objectID: String, logicalPath: String, version: Int? = nil,
                             to destination: String) throws -> (size: Int64, sha256: String) {
        let located = try locate(objectID: objectID, logicalPath: logicalPath, version: version)
        let copied = try FileCopier.copyHashing(from: located.path, to: destination)
        guard copied.sha256 == located.sha256 else {
            unlink(destination)
            throw OCFLStorageError.contentDigestMismatch(path: located.path, expected: located.sha256, actual: copied.sha256)
        }
        return (copied.size, copied.sha256)
    }
}
