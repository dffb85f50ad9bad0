import BevaraArchiveIO
import BevaraStorage
import Foundation
import Testing

/// The inventory is streamed to disk at commit rather than built and encoded in memory: it must
/// still be exactly the object's content (manifest, every version's state, user, message), with
/// JSON escaping right for names with quotes and non-ASCII letters (and a message with a backslash), identical bytes
/// in the root and head copies, and a sidecar digest over those very bytes.
@Suite struct StreamedInventoryTests {
    private func digest(_ text: String) -> String { FileDigest.sha256(of: Data(text.utf8)) }

    @Test func streamedInventoryHoldsEveryVersionAndEscapesNames() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        let id = "urn:uuid:\(UUID().uuidString.lowercased())"
        let odd = "data/\"citat\" – åäö.txt"
        let v1 = try root.beginVersion(of: id, stagingDirectory: box.staging)
        try v1.addFile(logicalPath: odd, data: Data("ett".utf8))
        try v1.addFile(logicalPath: "data/a.txt", data: Data("samma".utf8))
        try v1.addFile(logicalPath: "data/b.txt", data: Data("samma".utf8))
        _ = try v1.commit(created: testDate, message: "Första \"leveransen\" \\ del 1", user: testUser)

        let v2 = try root.beginVersion(of: id, stagingDirectory: box.staging)
        try v2.inheritPreviousState()
        try v2.addFile(logicalPath: "data/c.txt", data: Data("nytt".utf8))
        #expect(v2.removeFile(logicalPath: "data/a.txt"))
        _ = try v2.commit(created: testDate, message: "Andra", user: testUser)

        let inventory = try root.inventory(of: id)
        #expect(inventory.head == "v2" && inventory.id == id && inventory.digestAlgorithm == "sha256")
        #expect(inventory.manifest == [digest("ett"): ["v1/content/" + odd], digest("samma"): ["v1/content/data/a.txt"],
                                       digest("nytt"): ["v2/content/data/c.txt"]])
        #expect(inventory.state(of: 1) == [odd: digest("ett"), "data/a.txt": digest("samma"), "data/b.txt": digest("samma")])
        #expect(inventory.state(of: 2) == [odd: digest("ett"), "data/b.txt": digest("samma"), "data/c.txt": digest("nytt")])
        #expect(inventory.versions["v1"]?.message == "Första \"leveransen\" \\ del 1")
        #expect(inventory.versions["v2"]?.user?.name == testUser.name)

        let object = root.objectPath(for: id)
        let rootBytes = try Data(contentsOf: URL(fileURLWithPath: object + "/inventory.json"))
        let headBytes = try Data(contentsOf: URL(fileURLWithPath: object + "/v2/inventory.json"))
        #expect(rootBytes == headBytes, "the root inventory is the head version's copy")
        let sidecar = try box.read(object + "/inventory.json.sha256")
        #expect(sidecar == FileDigest.sha256(of: rootBytes) + " inventory.json\n")
        // Still the layout JSONEncoder pretty-printed: two-space indent and `"key" : value`.
        let text = String(decoding: rootBytes, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"digestAlgorithm\" : \"sha256\",\n  \"head\" : \"v2\",\n"))
        #expect(text.hasSuffix("\n}\n"))
        try expectValidOCFL(box.rootPath, objects: 1)
    }
}
