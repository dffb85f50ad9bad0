import BevaraArchiveIO
import Foundation

extension OCFLStorageRoot {
    /// Starts a new version of `id` (v1 if the object does not exist yet), staged under
    /// `stagingDirectory` (same file system as the root, outside it; created if missing).
    /// Takes the staging lock, waiting up to `lockTimeout` for another writer.
    /// Throws `needsRecovery` if a killed writer left the object unfinished.
    public func beginVersion(of id: String, stagingDirectory: String) throws -> OCFLVersionBuilder {
        try beginVersion(of: id, stagingDirectory: stagingDirectory, scratchLimit: 4096)
    }

    /// `scratchLimit`: entries each of the builder's scratch maps keeps in memory (tests make it
    /// tiny so that every lookup goes through the run files).
    func beginVersion(of id: String, stagingDirectory: String, scratchLimit: Int) throws -> OCFLVersionBuilder {
        try Self.validateObjectID(id)
        let staging = try prepareStaging(stagingDirectory)
        let lock = try StagingLock(stagingDirectory: staging, timeout: lockTimeout)
        var previous: OCFLInventory?
        let objectRoot = objectPath(for: id)
        if objectExists(id) {
            let current = try verifiedInventory(of: id)
            let versionDirectories = DurableFiles.entries(of: objectRoot).compactMap(OCFLInventory.versionNumber)
            if let highest = versionDirectories.max(), highest > current.inventory.headVersionNumber {
                lock.release()
                throw OCFLStorageError.needsRecovery(objectID: id, reason: "v\(highest) exists beyond the inventory's head \(current.inventory.head)")
            }
            previous = current.inventory
        } else if DurableFiles.exists(objectRoot) {
            lock.release()
            throw OCFLStorageError.needsRecovery(objectID: id, reason: "\(objectRoot) exists but holds no OCFL object declaration")
        }
        let work = staging + "/" + Self.workDirectoryName + "/" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: false)
            return try OCFLVersionBuilder(root: self, objectID: id, previous: previous, lock: lock, workDirectory: work,
                                          scratchLimit: scratchLimit)
        } catch {
            try? FileManager.default.removeItem(atPath: work)
            lock.release()
            throw error
        }
    }
}
