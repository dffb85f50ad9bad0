import BevaraArchiveIO
import BevaraStorage
import Foundation
import Testing

/// Kills a write at each failpoint (in process: the builder does no cleanup, as after SIGKILL),
/// then checks that `recover` leaves a valid root whose content is intact and whose head is the
/// last version that was fully on disk, and that a second recovery finds nothing to do.
@Suite struct CrashRecoveryTests {
    private static let v1Files = ["METS.xml": "<mets v1/>", "data/a.txt": "alpha", "data/b.txt": "beta"]

    private func writeV1(_ root: OCFLStorageRoot, _ box: StorageSandbox, id: String) throws {
        let builder = try root.beginVersion(of: id, stagingDirectory: box.staging)
        for (path, text) in Self.v1Files.sorted(by: { $0.key < $1.key }) { try builder.addFile(logicalPath: path, data: Data(text.utf8)) }
        _ = try builder.commit(created: testDate, message: "Ingest", user: testUser)
    }

    /// Builds v2 (METS changed, b removed, c added) and crashes it at `point`.
    private func crashV2(_ root: OCFLStorageRoot, _ box: StorageSandbox, id: String, at point: String) throws {
        let builder = try root.beginVersion(of: id, stagingDirectory: box.staging)
        try builder.inheritPreviousState()
        try builder.addFile(logicalPath: "METS.xml", data: Data("<mets v2/>".utf8))
        builder.removeFile(logicalPath: "data/b.txt")
        try builder.addFile(logicalPath: "data/c.txt", from: box.source("c.txt", "gamma"))
        Failpoint.armInProcess(point, subject: id)
        defer { Failpoint.disarm(point, subject: id) }
        #expect(throws: Failpoint.SimulatedCrash(point: point)) {
            _ = try builder.commit(created: testDate, message: "Update", user: testUser)
        }
    }

    private func expectContent(_ root: OCFLStorageRoot, id: String, version: Int, _ files: [String: String],
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let inventory = try root.inventory(of: id)
        #expect(inventory.headVersionNumber == version, sourceLocation: sourceLocation)
        #expect(Set(inventory.state(of: version).keys) == Set(files.keys), sourceLocation: sourceLocation)
        for (path, text) in files {
            let read = try root.withVerifiedFile(objectID: id, logicalPath: path) { try String(contentsOfFile: $0, encoding: .utf8) }
            #expect(read == text, sourceLocation: sourceLocation)
        }
        #expect(try root.verify(objectID: id).isEmpty, sourceLocation: sourceLocation)
    }

    private func recoverTwice(_ root: OCFLStorageRoot, _ box: StorageSandbox) throws -> RecoveryReport {
        let report = try root.recover(stagingDirectory: box.staging)
        #expect(report.unresolved.isEmpty, "\(report)")
        let again = try root.recover(stagingDirectory: box.staging)
        #expect(again.wasClean, "second recovery: \(again)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.staging + "/ocfl-work").isEmpty)
        return report
    }

    @Test(arguments: ["storage.before-move", "storage.after-object-move", "storage.before-cleanup"])
    func newObjectKilledAt(_ point: String) throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        let id = "urn:uuid:\(UUID().uuidString.lowercased())"
        let builder = try root.beginVersion(of: id, stagingDirectory: box.staging)
        for (path, text) in Self.v1Files { try builder.addFile(logicalPath: path, data: Data(text.utf8)) }
        Failpoint.armInProcess(point, subject: id)
        defer { Failpoint.disarm(point, subject: id) }
        #expect(throws: Failpoint.SimulatedCrash(point: point)) {
            _ = try builder.commit(created: testDate, message: "Ingest", user: testUser)
        }
        let report = try recoverTwice(root, box)
        #expect(report.removedStagingEntries.count == 1)
        if point == "storage.before-move" {
            #expect(!root.objectExists(id))
            try expectValidOCFL(box.rootPath, objects: 0)
        } else {
            try expectContent(root, id: id, version: 1, Self.v1Files)
            try expectValidOCFL(box.rootPath, objects: 1)
        }
    }

    @Test(arguments: ["storage.before-move", "storage.after-version-move", "storage.after-inventory-replace", "storage.before-cleanup"])
    func newVersionKilledAt(_ point: String) throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        let id = "urn:uuid:\(UUID().uuidString.lowercased())"
        try writeV1(root, box, id: id)
        try crashV2(root, box, id: id, at: point)

        if point == "storage.after-version-move" {
            #expect {
                _ = try root.beginVersion(of: id, stagingDirectory: box.staging)
            } throws: { error in
                if case OCFLStorageError.needsRecovery(id, _) = error { true } else { false }
            }
        }
        if point == "storage.after-inventory-replace" {
            // Readers see the new head even before recovery: the head version's sidecar vouches for it.
            #expect(try root.inventory(of: id).head == "v2")
        }
        let report = try recoverTwice(root, box)
        let v2Files = ["METS.xml": "<mets v2/>", "data/a.txt": "alpha", "data/c.txt": "gamma"]
        switch point {
        case "storage.before-move":
            try expectContent(root, id: id, version: 1, Self.v1Files)
        case "storage.after-version-move":
            #expect(report.rolledForward.map(\.version) == [2])
            try expectContent(root, id: id, version: 2, v2Files)
        case "storage.after-inventory-replace":
            #expect(report.repairedInventories == [root.objectPath(for: id) + "/inventory.json.sha256"])
            try expectContent(root, id: id, version: 2, v2Files)
        default:
            try expectContent(root, id: id, version: 2, v2Files)
        }
        #expect(try root.withVerifiedFile(objectID: id, logicalPath: "data/b.txt", version: 1) { try box.read($0) } == "beta")
        try expectValidOCFL(box.rootPath, objects: 1)

        // The object takes further versions after recovery.
        let next = try root.beginVersion(of: id, stagingDirectory: box.staging)
        try next.inheritPreviousState()
        try next.addFile(logicalPath: "data/d.txt", data: Data("delta".utf8))
        let number = try next.commit(created: testDate, message: "After recovery", user: testUser)
        #expect(number == (point == "storage.before-move" ? 2 : 3))
        try expectValidOCFL(box.rootPath, objects: 1)
    }

    /// A version directory that does not verify (here: its new content was damaged after the
    /// kill) is never committed and never deleted: it moves to the staging quarantine.
    @Test func unverifiableUncommittedVersionIsQuarantinedNotDeleted() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        let id = "urn:bevara:aip-quarantine"
        try writeV1(root, box, id: id)
        try crashV2(root, box, id: id, at: "storage.after-version-move")
        try box.flipByte(of: root.objectPath(for: id) + "/v2/content/data/c.txt")
        let report = try root.recover(stagingDirectory: box.staging)
        #expect(report.rolledForward.isEmpty)
        #expect(report.quarantined.count == 1)
        let quarantined = try #require(report.quarantined.first)
        #expect(box.files(below: quarantined).contains("content/data/c.txt"))
        try expectContent(root, id: id, version: 1, Self.v1Files)
        try expectValidOCFL(box.rootPath, objects: 1)
    }

    /// States made directly on disk: empty layout directories of a writer killed before its
    /// rename, temporary log files of dead and of live processes.
    @Test func removesEmptyLayoutDirectoriesAndDeadTemporaryLogs() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        try writeV1(root, box, id: "urn:bevara:aip-logs")
        let empty = box.rootPath + "/abc/def/012"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let logs = root.objectPath(for: "urn:bevara:aip-logs") + "/logs"
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        // PID 2^22+1 is above Linux's pid_max: no such process.
        try "half".write(toFile: logs + "/.bevara-tmp-4194305-x", atomically: false, encoding: .utf8)
        try "mine".write(toFile: logs + "/.bevara-tmp-\(getpid())-y", atomically: false, encoding: .utf8)
        let report = try root.recover(stagingDirectory: box.staging)
        #expect(report.removedEmptyDirectories == [box.rootPath + "/abc", empty, box.rootPath + "/abc/def"].sorted())
        #expect(report.removedTemporaryFiles == [logs + "/.bevara-tmp-4194305-x"])
        #expect(FileManager.default.fileExists(atPath: logs + "/.bevara-tmp-\(getpid())-y"))
        #expect(report.unresolved.isEmpty)
        try expectContent(root, id: "urn:bevara:aip-logs", version: 1, Self.v1Files)
        try expectValidOCFL(box.rootPath, objects: 1)
    }

    /// A root inventory replaced by garbage (not a crash state, but damage) is restored from the
    /// head version's verified copy.
    @Test func damagedRootInventoryIsRestoredFromTheHeadCopy() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        try writeV1(root, box, id: "urn:bevara:aip-root")
        let inventoryPath = root.objectPath(for: "urn:bevara:aip-root") + "/inventory.json"
        try "{}".write(toFile: inventoryPath, atomically: false, encoding: .utf8)
        let report = try root.recover(stagingDirectory: box.staging)
        #expect(report.unresolved.count == 1, "unparseable root inventory needs a person: \(report)")
        // A parseable but wrong root inventory (stale copy) is repaired.
        let head = try Data(contentsOf: URL(fileURLWithPath: root.objectPath(for: "urn:bevara:aip-root") + "/v1/inventory.json"))
        var stale = head
        stale.append(0x0A)
        try stale.write(to: URL(fileURLWithPath: inventoryPath))
        let second = try root.recover(stagingDirectory: box.staging)
        #expect(second.repairedInventories == [inventoryPath])
        try expectContent(root, id: "urn:bevara:aip-root", version: 1, Self.v1Files)
        try expectValidOCFL(box.rootPath, objects: 1)
    }
}
