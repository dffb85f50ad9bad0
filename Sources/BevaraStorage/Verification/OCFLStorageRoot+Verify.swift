import BevaraArchiveIO
import Foundation

extension OCFLStorageRoot {
    /// Re-reads every content file of every version and checks it against the manifest; checks
    /// the root and version inventories against their sidecars and the root against the head
    /// copy; lists files no manifest names and versions beyond the head. Empty means intact.
    public func verify(objectID: String) throws -> [StorageDamage] {
        guard objectExists(objectID) else { throw OCFLStorageError.objectNotFound(id: objectID) }
        let objectRoot = objectPath(for: objectID)
        var damage: [StorageDamage] = []
        let rootCheck = Self.checkInventory(in: objectRoot, label: InventoryCodec.fileName, damage: &damage)
        var inventory = rootCheck?.inventory
        let versionDirectories = DurableFiles.entries(of: objectRoot).compactMap(OCFLInventory.versionNumber).sorted()
        if inventory == nil {
            // Fall back on the newest version inventory that parses, to still check the content.
            for n in versionDirectories.reversed() {
                let dir = objectRoot + "/" + OCFLInventory.versionName(n)
                if let data = try? DurableFiles.readAll(dir + "/" + InventoryCodec.fileName),
                   let parsed = try? InventoryCodec.decode(data, path: dir) {
                    inventory = parsed
                    break
                }
            }
        }
        guard let inventory else { return damage }
        let head = inventory.headVersionNumber
        for n in 1...head {
            let name = OCFLInventory.versionName(n)
            let dir = objectRoot + "/" + name
            guard DurableFiles.isDirectory(dir) else { damage.append(.versionDirectoryMissing(version: name)); continue }
            let check = Self.checkInventory(in: dir, label: name + "/" + InventoryCodec.fileName, damage: &damage)
            if n == head, let rootData = rootCheck?.data, let headData = check?.data, rootData != headData {
                damage.append(.rootInventoryDiffersFromHead(head: name))
            }
        }
        for n in versionDirectories where n > head {
            damage.append(.uncommittedVersion(version: OCFLInventory.versionName(n)))
        }
        var listed: Set<String> = []
        for (digest, paths) in inventory.manifest.sorted(by: { $0.key < $1.key }) {
            for path in paths.sorted() {
                listed.insert(path)
                let full = objectRoot + "/" + path
                guard DurableFiles.isRegularFile(full) else { damage.append(.contentMissing(path: path)); continue }
                let actual = try FileDigest.sha256(path: full)
                if actual != digest.lowercased() {
                    damage.append(.contentDigestMismatch(path: path, expected: digest.lowercased(), actual: actual))
                }
            }
        }
        for n in 1...head {
            let content = OCFLInventory.versionName(n) + "/" + inventory.contentDirectoryName
            for file in DurableFiles.filesBelow(objectRoot + "/" + content) where !listed.contains(content + "/" + file) {
                damage.append(.unexpectedContent(path: content + "/" + file))
            }
        }
        return damage
    }

    /// Reads, sidecar-checks and parses `directory/inventory.json`, recording what is wrong.
    /// Returns the parsed inventory and bytes if it parses at all.
    static func checkInventory(in directory: String, label: String,
                               damage: inout [StorageDamage]) -> (inventory: OCFLInventory, data: Data)? {
        let path = directory + "/" + InventoryCodec.fileName
        guard let data = try? DurableFiles.readAll(path) else {
            damage.append(.inventoryUnreadable(path: label, reason: "missing or unreadable"))
            return nil
        }
        if let expected = InventoryCodec.declaredDigest(sidecarAt: directory + "/" + InventoryCodec.sidecarName) {
            let actual = FileDigest.sha256(of: data)
            if actual != expected { damage.append(.inventoryDigestMismatch(path: label, expected: expected, actual: actual)) }
        } else {
            damage.append(.inventorySidecarMissing(path: label + ".sha256"))
        }
        do {
            return (try InventoryCodec.decode(data, path: path), data)
        } catch {
            damage.append(.inventoryUnreadable(path: label, reason: "\(error)"))
            return nil
        }
    }
}
