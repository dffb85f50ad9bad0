import BevaraArchiveIO
import Foundation

extension OCFLStorageRoot {
    /// The head version's files of object `id`, verified against the inventory's sidecar.
    ///
    /// Read in one streamed pass into a packed table (`OCFLHeadState`), never holding the
    /// inventory's bytes or its parsed dictionaries: for reading every file of a large object.
    /// With `scratchFolder` (a path that must not exist yet; the caller names it so its own
    /// sweep of leftovers finds it), the files are kept on disk there instead, and the folder is
    /// deleted with the returned state (at once if the inventory is read into the table). An
    /// inventory the streamed pass cannot take (its sidecar disagrees while an update is being
    /// completed, unusual key order, damage) goes through `inventory(of:)`, with its checks and errors.
    public func headState(of id: String, scratchFolder: String? = nil) throws -> OCFLHeadState {
        try headState(of: id, scratch: scratchFolder.map { HeadStateReader.Scratch(folder: $0) })
    }

    func headState(of id: String, scratch: HeadStateReader.Scratch?) throws -> OCFLHeadState {
        let objectRoot = objectPath(for: id)
        guard objectExists(id) else { throw OCFLStorageError.objectNotFound(id: id) }
        let path = objectRoot + "/" + InventoryCodec.fileName
        if let expected = InventoryCodec.declaredDigest(sidecarAt: objectRoot + "/" + InventoryCodec.sidecarName) {
            // On disk if the inventory allows (nil: it does not), else in the table; anything
            // wrong with the inventory is left to the full parse below to report.
            let read = try? scratch.flatMap { try HeadStateReader.read(path: path, scratch: $0) }
                ?? HeadStateReader.read(path: path)
            if let read, read.sha256 == expected, read.state.objectID == id { return read.state }
        }
        return try OCFLHeadState(inventory: inventory(of: id))
    }

    /// Streams a file of the head state through SHA-256 and, only if it matches, calls `body`
    /// with its absolute path (which `body` must only read).
    public func withVerifiedFile<T>(_ file: OCFLHeadState.File, objectID: String, _ body: (String) throws -> T) throws -> T {
        try verified(objectPath(for: objectID) + "/" + file.contentPath, sha256: file.digest, body)
    }

    /// Resolves a logical path of a version (head if nil) to its digest and absolute content path.
    public func locate(objectID: String, logicalPath: String, version: Int? = nil) throws -> (path: String, sha256: String) {
        try locate(in: try inventory(of: objectID), objectID: objectID, logicalPath: logicalPath, version: version)
    }

    /// As `locate(objectID:logicalPath:version:)`, with an inventory the caller already read (one
    /// parse for a whole object, not one per file).
    public func locate(in inventory: OCFLInventory, objectID: String, logicalPath: String,
                       version: Int? = nil) throws -> (path: String, sha256: String) {
        let number = version ?? inventory.headVersionNumber
        guard inventory.versions[OCFLInventory.versionName(number)] != nil else {
            throw OCFLStorageError.versionNotFound(objectID: objectID, version: number)
        }
        guard let digest = inventory.digest(of: logicalPath, version: number) else {
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
                                    version: Int? = nil, _ body: (String) throws -> T) throws -> T {
        let located = try locate(in: inventory, objectID: objectID, logicalPath: logicalPath, version: version)
        return try verified(located.path, sha256: located.sha256, body)
    }

    /// Hashes the file at `path` and calls `body` with it only if its SHA-256 is `sha256`.
    private func verified<T>(_ path: String, sha256 expected: String, _ body: (String) throws -> T) throws -> T {
        let actual = try FileDigest.sha256(path: path)
        guard actual == expected else {
            throw OCFLStorageError.contentDigestMismatch(path: path, expected: expected, actual: actual)
        }
        return try body(path)
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
