import BevaraArchiveIO
import Foundation

extension OCFLStorageRoot {
    /// Repairs whatever a killed writer left (see the type's documentation). Idempotent; call at
    /// the start of every write session. Takes the staging lock, so any unfinished work found in
    /// the staging directory belongs to a dead process. Never deletes committed content.
    public func recover(stagingDirectory: String) throws -> RecoveryReport {
        let staging = try prepareStaging(stagingDirectory)
        let lock = try StagingLock(stagingDirectory: staging, timeout: lockTimeout)
        defer { lock.release() }
        var report = RecoveryReport()
        let work = staging + "/" + Self.workDirectoryName
        for entry in DurableFiles.entries(of: work) {
            try FileManager.default.removeItem(atPath: work + "/" + entry)
            report.removedStagingEntries.append(work + "/" + entry)
        }
        for objectRoot in objectDirectories() {
            try recoverObject(at: objectRoot, staging: staging, report: &report)
        }
        report.removedEmptyDirectories = removeEmptyLayoutDirectories()
        return report
    }

    private func recoverObject(at objectRoot: String, staging: String, report: inout RecoveryReport) throws {
        removeDeadTemporaryLogs(in: objectRoot, report: &report)
        let inventoryPath = objectRoot + "/" + InventoryCodec.fileName
        if isIntact(objectRoot: objectRoot) { return }
        guard let rootData = try? DurableFiles.readAll(inventoryPath),
              let rootInventory = try? InventoryCodec.decode(rootData, path: inventoryPath) else {
            report.unresolved.append("\(inventoryPath): root inventory missing or unreadable")
            return
        }
        let head = rootInventory.headVersionNumber
        let highest = DurableFiles.entries(of: objectRoot).compactMap(OCFLInventory.versionNumber).max() ?? 0
        if highest < head {
            report.unresolved.append("\(objectRoot): inventory names \(rootInventory.head) but the highest version directory is v\(highest)")
            return
        }
        if highest > head {
            // A version was moved in but the root inventory not yet replaced: roll forward if the
            // version proves complete; anything unverifiable goes to quarantine.
            var committed = (inventory: rootInventory, data: rootData)
            var rolled: [Int] = []
            for k in (head + 1)...highest {
                if let next = verifiedUncommittedVersion(k, of: objectRoot, after: committed.inventory) {
                    committed = next
                    rolled.append(k)
                } else {
                    for q in k...highest { try quarantine(version: q, of: objectRoot, staging: staging, report: &report) }
                    break
                }
            }
            if !rolled.isEmpty {
                try writeRootInventory(committed.data, objectRoot: objectRoot, staging: staging)
                report.rolledForward += rolled.map { (rootInventory.id, $0) }
            }
            return
        }
        // highest == head: the root inventory must match its sidecar and the head's copy.
        let headDirectory = objectRoot + "/" + rootInventory.head
        let headCopy = try? InventoryCodec.readVerified(in: headDirectory)
        let sidecarDigest = InventoryCodec.declaredDigest(sidecarAt: objectRoot + "/" + InventoryCodec.sidecarName)
        let rootVerifies = sidecarDigest == FileDigest.sha256(of: rootData)
        switch (rootVerifies, headCopy) {
        case (true, let copy?) where copy.data == rootData:
            return
        case (false, let copy?) where copy.inventory.head == rootInventory.head && copy.inventory.id == rootInventory.id:
            // Killed between the inventory and sidecar renames (or a damaged root copy): the
            // head version's verified inventory is the committed truth.
            try writeRootInventory(copy.data, objectRoot: objectRoot, staging: staging)
            report.repairedInventories.append(copy.data == rootData ? objectRoot + "/" + InventoryCodec.sidecarName : inventoryPath)
        case (true, nil):
            report.unresolved.append("\(headDirectory)/inventory.json: head version inventory missing or not matching its sidecar")
        default:
            report.unresolved.append("\(inventoryPath): does not match its sidecar or the head version's copy")
        }
    }

    /// The common case, checked streamed instead of parsed (an inventory grows with its object):
    /// no version directory beyond the head, and the root inventory, its sidecar, the head
    /// version's copy and that copy's sidecar all name one digest — equal digests being the
    /// equal bytes the full check below compares. Anything else takes the full check.
    private func isIntact(objectRoot: String) -> Bool {
        guard let root = InventorySummary.read(path: objectRoot + "/" + InventoryCodec.fileName),
              let headNumber = OCFLInventory.versionNumber(root.head),
              DurableFiles.entries(of: objectRoot).compactMap(OCFLInventory.versionNumber).max() == headNumber,
              InventoryCodec.declaredDigest(sidecarAt: objectRoot + "/" + InventoryCodec.sidecarName) == root.sha256
        else { return false }
        let headDirectory = objectRoot + "/" + root.head
        return InventoryCodec.declaredDigest(sidecarAt: headDirectory + "/" + InventoryCodec.sidecarName) == root.sha256
            && (try? FileDigest.sha256(path: headDirectory + "/" + InventoryCodec.fileName)) == root.sha256
    }

    /// The inventory of `v<k>` if that directory is a complete successor of `committed`: its
    /// inventory matches its sidecar, is headed `v<k>`, keeps every earlier version and manifest
    /// entry unchanged, and every new content file exists with the right digest.
    private func verifiedUncommittedVersion(_ k: Int, of objectRoot: String,
                                            after committed: OCFLInventory) -> (inventory: OCFLInventory, data: Data)? {
        let name = OCFLInventory.versionName(k)
        guard k == committed.headVersionNumber + 1,
              let candidate = try? InventoryCodec.readVerified(in: objectRoot + "/" + name),
              candidate.inventory.head == name, candidate.inventory.id == committed.id else { return nil }
        for (version, block) in committed.versions where candidate.inventory.versions[version] != block { return nil }
        for (digest, paths) in committed.manifest {
            guard let now = candidate.inventory.manifest[digest], Set(paths).isSubset(of: Set(now)) else { return nil }
        }
        var listed: Set<String> = []
        for (digest, paths) in candidate.inventory.manifest {
            for path in paths where path.hasPrefix(name + "/") {
                listed.insert(path)
                guard let actual = try? FileDigest.sha256(path: objectRoot + "/" + path), actual == digest else { return nil }
            }
        }
        let content = name + "/" + candidate.inventory.contentDirectoryName
        for file in DurableFiles.filesBelow(objectRoot + "/" + content) where !listed.contains(content + "/" + file) {
            return nil
        }
        return candidate
    }

    /// Replaces the root inventory, then its sidecar (OCFL: sidecar last), each via a fsynced
    /// temporary in staging and a rename.
    private func writeRootInventory(_ data: Data, objectRoot: String, staging: String) throws {
        let temporary = staging + "/" + Self.workDirectoryName + "/recovery-" + UUID().uuidString
        try DurableFiles.replace(objectRoot + "/" + InventoryCodec.fileName, with: data, temporary: temporary)
        try DurableFiles.replace(objectRoot + "/" + InventoryCodec.sidecarName, with: InventoryCodec.sidecar(for: data), temporary: temporary)
    }

    /// Moves an unverifiable version directory out of the object, into `<staging>/quarantine/`.
    private func quarantine(version: Int, of objectRoot: String, staging: String, report: inout RecoveryReport) throws {
        let name = OCFLInventory.versionName(version)
        let quarantine = staging + "/" + Self.quarantineDirectoryName
        try DurableFiles.makeDirectories(quarantine, below: staging)
        let stamp = Int(Date().timeIntervalSince1970)
        let destination = quarantine + "/" + (objectRoot as NSString).lastPathComponent + "-\(name)-\(stamp)-" + UUID().uuidString.prefix(8)
        try DurableFiles.move(objectRoot + "/" + name, to: destination)
        try Durability.syncDirectory(objectRoot)
        report.quarantined.append(destination)
    }

    /// `logs/.bevara-tmp-<pid>-…` files whose process is gone.
    private func removeDeadTemporaryLogs(in objectRoot: String, report: inout RecoveryReport) {
        let logs = objectRoot + "/logs"
        for file in DurableFiles.filesBelow(logs) {
            let name = (file as NSString).lastPathComponent
            guard name.hasPrefix(Self.temporaryPrefix) else { continue }
            let rest = name.dropFirst(Self.temporaryPrefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]) else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }
            if unlink(logs + "/" + file) == 0 { report.removedTemporaryFiles.append(logs + "/" + file) }
        }
    }

    /// Empty directories between the root and the objects (a writer killed after creating the
    /// layout's parents but before its rename); OCFL forbids them (E073). Never enters an object.
    private func removeEmptyLayoutDirectories() -> [String] {
        var removed: [String] = []
        func prune(_ dir: String) -> Bool {
            let names = DurableFiles.entries(of: dir)
            if names.contains(Self.objectDeclarationName) { return false }
            var empty = true
            for name in names {
                let child = dir + "/" + name
                if DurableFiles.isDirectory(child), prune(child), rmdir(child) == 0 {
                    removed.append(child)
                } else {
                    empty = false
                }
            }
            return empty
        }
        for name in DurableFiles.entries(of: path) where name != "extensions" {
            let child = path + "/" + name
            if DurableFiles.isDirectory(child), prune(child), rmdir(child) == 0 { removed.append(child) }
        }
        return removed.sorted()
    }
}
