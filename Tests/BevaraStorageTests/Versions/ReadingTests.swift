import BevaraArchiveIO
import BevaraStorage
import Foundation
import Testing

@Suite struct ReadingTests {
    private func storeOne(_ box: StorageSandbox) throws -> (OCFLStorageRoot, String) {
        let root = try box.makeRoot()
        let builder = try root.beginVersion(of: "urn:bevara:aip-1", stagingDirectory: box.staging)
        try builder.addFile(logicalPath: "data/brev.txt", data: Data("Hej från Vänersborg".utf8))
        _ = try builder.commit(created: testDate, message: "Ingest", user: testUser)
        return (root, root.objectPath(for: "urn:bevara:aip-1") + "/v1/content/data/brev.txt")
    }

    @Test func verifiedReadDetectsAFlippedByte() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let (root, stored) = try storeOne(box)
        #expect(try root.withVerifiedFile(objectID: "urn:bevara:aip-1", logicalPath: "data/brev.txt") { $0 } == stored)
        try box.flipByte(of: stored, at: 3)
        var bodyRan = false
        #expect {
            try root.withVerifiedFile(objectID: "urn:bevara:aip-1", logicalPath: "data/brev.txt") { _ in bodyRan = true }
        } throws: { error in
            guard case OCFLStorageError.contentDigestMismatch(let path, let expected, _) = error else { return false }
            return path == stored && expected == FileDigest.sha256(of: Data("Hej från Vänersborg".utf8))
        }
        #expect(!bodyRan)
    }

    @Test func copyVerifiedCopiesAndDeletesADamagedCopy() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let (root, stored) = try storeOne(box)
        let good = box.directory + "/out.txt"
        let copied = try root.copyVerified(objectID: "urn:bevara:aip-1", logicalPath: "data/brev.txt", to: good)
        #expect(try box.read(good) == "Hej från Vänersborg")
        #expect(copied.size == Int64("Hej från Vänersborg".utf8.count))
        try box.flipByte(of: stored)
        let bad = box.directory + "/bad.txt"
        #expect(throws: OCFLStorageError.self) {
            try root.copyVerified(objectID: "urn:bevara:aip-1", logicalPath: "data/brev.txt", to: bad)
        }
        #expect(!FileManager.default.fileExists(atPath: bad))
    }

    @Test func missingPathsVersionsAndObjectsAreTypedErrors() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let (root, _) = try storeOne(box)
        #expect(throws: OCFLStorageError.logicalPathNotFound(objectID: "urn:bevara:aip-1", path: "nope", version: 1)) {
            try root.withVerifiedFile(objectID: "urn:bevara:aip-1", logicalPath: "nope") { _ in }
        }
        #expect(throws: OCFLStorageError.versionNotFound(objectID: "urn:bevara:aip-1", version: 2)) {
            try root.withVerifiedFile(objectID: "urn:bevara:aip-1", logicalPath: "data/brev.txt", version: 2) { _ in }
        }
        #expect(throws: OCFLStorageError.objectNotFound(id: "urn:bevara:aip-2")) { try root.inventory(of: "urn:bevara:aip-2") }
    }

    @Test func inventoryWithAWrongSidecarIsRefused() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let (root, _) = try storeOne(box)
        let objectRoot = root.objectPath(for: "urn:bevara:aip-1")
        // Damage both copies' agreement: change the root inventory's bytes (a trailing space).
        let inventoryPath = objectRoot + "/inventory.json"
        var data = try Data(contentsOf: URL(fileURLWithPath: inventoryPath))
        data.append(0x20)
        try data.write(to: URL(fileURLWithPath: inventoryPath))
        #expect {
            try root.inventory(of: "urn:bevara:aip-1")
        } throws: { error in
            guard case OCFLStorageError.inventoryDigestMismatch(let path, _, _) = error else { return false }
            return path == inventoryPath
        }
    }

    @Test func logsAreWrittenOnceAndKeepTheObjectValid() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let (root, _) = try storeOne(box)
        try root.appendLog(objectID: "urn:bevara:aip-1", name: "fixity/2026-11-23.json", data: Data(#"{"ok":true}"#.utf8))
        #expect(throws: OCFLStorageError.logExists(path: root.objectPath(for: "urn:bevara:aip-1") + "/logs/fixity/2026-11-23.json")) {
            try root.appendLog(objectID: "urn:bevara:aip-1", name: "fixity/2026-11-23.json", data: Data("other".utf8))
        }
        #expect(try root.logNames(objectID: "urn:bevara:aip-1") == ["fixity/2026-11-23.json"])
        #expect(try box.read(root.objectPath(for: "urn:bevara:aip-1") + "/logs/fixity/2026-11-23.json") == #"{"ok":true}"#)
        #expect(throws: OCFLStorageError.self) { try root.appendLog(objectID: "urn:bevara:aip-1", name: "../escape", data: Data()) }
        try expectValidOCFL(box.rootPath, objects: 1)
    }
}
