import BevaraArchiveIO
import BevaraStorage
import Foundation
import Testing

@Suite struct VerifyTests {
    @Test func reportsExactlyTheDamagedAndTheMissingFile() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        let builder = try root.beginVersion(of: "urn:bevara:aip-v", stagingDirectory: box.staging)
        for i in 1...5 { try builder.addFile(logicalPath: "data/f\(i).txt", data: Data("file \(i)".utf8)) }
        _ = try builder.commit(created: testDate, message: "Ingest", user: testUser)
        let v2 = try root.beginVersion(of: "urn:bevara:aip-v", stagingDirectory: box.staging)
        try v2.inheritPreviousState()
        try v2.addFile(logicalPath: "data/f6.txt", data: Data("file 6".utf8))
        _ = try v2.commit(created: testDate, message: "Add", user: testUser)
        #expect(try root.verify(objectID: "urn:bevara:aip-v").isEmpty)

        let objectRoot = root.objectPath(for: "urn:bevara:aip-v")
        try box.flipByte(of: objectRoot + "/v1/content/data/f2.txt")
        try FileManager.default.removeItem(atPath: objectRoot + "/v2/content/data/f6.txt")
        try "stray".write(toFile: objectRoot + "/v1/content/data/extra.txt", atomically: false, encoding: .utf8)
        let damage = try root.verify(objectID: "urn:bevara:aip-v")
        let expectedDigest = FileDigest.sha256(of: Data("file 2".utf8))
        var flipped = Data("file 2".utf8)
        flipped[0] ^= 0xFF
        #expect(damage.count == 3)
        #expect(Set(damage) == [
            .contentDigestMismatch(path: "v1/content/data/f2.txt", expected: expectedDigest, actual: FileDigest.sha256(of: flipped)),
            .contentMissing(path: "v2/content/data/f6.txt"),
            .unexpectedContent(path: "v1/content/data/extra.txt"),
        ])
    }

    @Test func reportsInventoryProblems() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        let builder = try root.beginVersion(of: "urn:bevara:aip-w", stagingDirectory: box.staging)
        try builder.addFile(logicalPath: "a.txt", data: Data("a".utf8))
        _ = try builder.commit(created: testDate, message: "Ingest", user: testUser)
        let objectRoot = root.objectPath(for: "urn:bevara:aip-w")
        try FileManager.default.removeItem(atPath: objectRoot + "/v1/inventory.json.sha256")
        try "0000000000000000000000000000000000000000000000000000000000000000 inventory.json\n"
            .write(toFile: objectRoot + "/inventory.json.sha256", atomically: false, encoding: .utf8)
        let damage = try root.verify(objectID: "urn:bevara:aip-w")
        #expect(damage.count == 2)
        #expect(damage.contains(.inventorySidecarMissing(path: "v1/inventory.json.sha256")))
        #expect(damage.contains { if case .inventoryDigestMismatch(path: "inventory.json", _, _) = $0 { true } else { false } })
    }
}

