import BevaraArchiveIO
@testable import BevaraStorage
import Foundation
import Testing

/// `InventorySummary` reads `id`, `head`, the head's `created` and the digest streamed. It must say
/// what the parsed inventory says, whatever the key order and escapes, and return nil for anything
/// the full parse would reject (or that it cannot tell apart), so that callers give the old errors.
@Suite struct InventorySummaryTests {
    private func write(_ text: String, _ box: StorageSandbox, _ name: String = "inventory.json") throws -> String {
        try FileManager.default.createDirectory(atPath: box.directory, withIntermediateDirectories: true)
        let path = box.directory + "/" + name
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    /// The summary, checked against the full parse of the same bytes.
    private func summaryAgreeingWithDecode(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> InventorySummary? {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let summary = InventorySummary.read(path: path)
        if let summary {
            let parsed = try InventoryCodec.decode(data, path: path)
            #expect(summary == InventorySummary(id: parsed.id, head: parsed.head, headCreated: parsed.versions[parsed.head]!.created,
                                                sha256: FileDigest.sha256(of: data)), sourceLocation: sourceLocation)
        }
        return summary
    }

    private static let v1 = #"{"created": "2026-01-01T10:00:00Z", "state": {"aa": ["a.txt"]}, "message": "m", "user": {"name": "N", "address": "mailto:n@x"}}"#
    private static let v2 = #"{"state": {"aa": ["a.txt"], "bb": ["b\n.txt"]}, "created": "2026-02-02T10:00:00+01:00"}"#

    @Test func readsWhatBevaraWrites() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        let id = "urn:x:\"citat\"/åäö \\ 📄"
        let v1 = try root.beginVersion(of: id, stagingDirectory: box.staging)
        try v1.addFile(logicalPath: "data/\"q\" å 📄.txt", data: Data("a".utf8))
        _ = try v1.commit(created: testDate, message: "m", user: testUser)
        let summary = try #require(try summaryAgreeingWithDecode(root.objectPath(for: id) + "/inventory.json"))
        #expect(summary.id == id && summary.head == "v1")
        #expect(try root.objectIDs() == [id])
        #expect(try root.headVersionCreated(of: id) == summary.headCreated)
    }

    /// Keys in any order (`versions` before `head`, `id` last), escapes in keys and values.
    @Test(arguments: [
        #"{"versions": {"v2": \#(v2), "v1": \#(v1)}, "manifest": {"aa": ["v1/content/a.txt"], "bb": ["v2/content/b"]}, "head": "v2", "digestAlgorithm": "sha256", "type": "https://ocfl.io/1.1/spec/#inventory", "id": "urn:\u00e5\"x\"\/\ud83d\udcc4"}"#,
        #"{"id": "a\\b", "type": "t", "digestAlgorithm": "sha256", "head": "v1", "contentDirectory": "c", "fixity": {"md5": {"x": ["v1/c/a.txt"]}}, "manifest": {}, "versions": {"v1": \#(v1)}, "extra": [1, {"k": null}]}"#,
        #"  {"head":"v1","versions":{"v1":\#(v1)},"id":"\u0041","manifest":{"aa":["v1/content/a.txt"]},"type":"t","digestAlgorithm":"sha256"}  "#,
    ])
    func keyOrderAndEscapes(_ text: String) throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let summary = try #require(try summaryAgreeingWithDecode(try write(text, box)))
        #expect(summary.head == "v1" || summary.headCreated == "2026-02-02T10:00:00+01:00")
    }

    /// Damaged or unusual: nil, and the full parse rejects these too.
    @Test(arguments: [
        "",
        "{}",
        #"{"id": "x", "type": "t", "digestAlgorithm": "sha256", "head": "v1", "manifest": {}, "versions": {"v1": \#(v1)}"#,
        #"{"id": "x", "type": "t", "digestAlgorithm": "sha256", "head": "v1", "manifest": {}, "versions": {"v1": \#(v1)}} x"#,
        #"{"id": "x", "type": "t", "digestAlgorithm": "md5", "head": "v1", "manifest": {}, "versions": {"v1": \#(v1)}}"#,
        #"{"id": "x", "type": "t", "digestAlgorithm": "sha256", "head": "v2", "manifest": {}, "versions": {"v1": \#(v1)}}"#,
        #"{"id": "x", "type": "t", "digestAlgorithm": "sha256", "head": "v2", "manifest": {}, "versions": {"v2": \#(v2)}}"#,
        #"{"id": 5, "type": "t", "digestAlgorithm": "sha256", "head": "v1", "manifest": {}, "versions": {"v1": \#(v1)}}"#,
        #"{"id": "x", "type": "t", "digestAlgorithm": "sha256", "head": "v1", "manifest": {"aa": "p"}, "versions": {"v1": \#(v1)}}"#,
        #"{"id": "x", "type": "t", "digestAlgorithm": "sha256", "head": "v1", "versions": {"v1": \#(v1)}}"#,
        #"{"id": "x", "type": "t", "digestAlgorithm": "sha256", "head": "v1", "manifest": {}, "versions": {"v1": {"state": {}}}}"#,
        #"{"id": "x", "type": "t", "digestAlgorithm": "sha256", "head": "v1", "manifest": {}, "versions": {"v1": {"created": "c", "state": {}, "user": {"address": "a"}}}}"#,
        #"{"id": "x\u00", "type": "t", "digestAlgorithm": "sha256", "head": "v1", "manifest": {}, "versions": {"v1": \#(v1)}}"#,
    ])
    func damagedIsNilAndRejectedByTheFullParse(_ text: String) throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let path = try write(text, box)
        #expect(InventorySummary.read(path: path) == nil)
        #expect(throws: OCFLStorageError.self) { try InventoryCodec.decode(Data(text.utf8), path: path) }
    }

    /// What the token reader cannot tell from valid JSON the parse accepts (`null` optionals, a
    /// repeated key) is nil too: the caller parses it.
    @Test(arguments: [
        #"{"id": "x", "type": "t", "digestAlgorithm": "sha256", "head": "v1", "contentDirectory": null, "manifest": {}, "versions": {"v1": \#(v1)}}"#,
        #"{"id": "x", "id": "y", "type": "t", "digestAlgorithm": "sha256", "head": "v1", "manifest": {}, "versions": {"v1": \#(v1)}}"#,
    ])
    func unusualIsNil(_ text: String) throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        #expect(InventorySummary.read(path: try write(text, box)) == nil)
    }

    /// Damaged root inventories: `objectIDs()` and `headVersionCreated(of:)` give the errors they
    /// gave before (from the full parse), recovery reports what it reported.
    @Test func damagedRootInventoryGivesTheOldErrors() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        let id = "urn:bevara:aip-damaged"
        let v1 = try root.beginVersion(of: id, stagingDirectory: box.staging)
        try v1.addFile(logicalPath: "a.txt", data: Data("a".utf8))
        _ = try v1.commit(created: testDate, message: "m", user: testUser)
        let inventoryPath = root.objectPath(for: id) + "/inventory.json"
        let good = try box.read(inventoryPath)

        // Truncated: no id for objectIDs, unreadable for recovery.
        try String(good.dropLast(5)).write(toFile: inventoryPath, atomically: false, encoding: .utf8)
        #expect(throws: OCFLStorageError.invalidInventory(path: inventoryPath, reason: "no 'id'")) { try root.objectIDs() }
        #expect(throws: OCFLStorageError.self) { try root.headVersionCreated(of: id) }
        let report = try root.recover(stagingDirectory: box.staging)
        #expect(report.unresolved == [inventoryPath + ": root inventory missing or unreadable"])

        // Valid JSON, sidecar disagrees: headVersionCreated fails as inventory(of:) does.
        try good.replacingOccurrences(of: "\"message\" : \"m\"", with: "\"message\" : \"x\"")
            .write(toFile: inventoryPath, atomically: false, encoding: .utf8)
        var old: (any Error)?
        do { _ = try root.inventory(of: id) } catch { old = error }
        var new: (any Error)?
        do { _ = try root.headVersionCreated(of: id) } catch { new = error }
        #expect(old != nil && "\(String(describing: old))" == "\(String(describing: new))")
    }

    /// An intact-looking root (matches its sidecar) whose head copy is a different, self-consistent
    /// inventory is still reported, not taken for intact.
    @Test func headCopyThatDiffersIsStillReported() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        let id = "urn:bevara:aip-headcopy"
        let v1 = try root.beginVersion(of: id, stagingDirectory: box.staging)
        try v1.addFile(logicalPath: "a.txt", data: Data("a".utf8))
        _ = try v1.commit(created: testDate, message: "m", user: testUser)
        let objectRoot = root.objectPath(for: id)
        #expect(try root.recover(stagingDirectory: box.staging).wasClean)
        let other = try box.read(objectRoot + "/v1/inventory.json").replacingOccurrences(of: "\"message\" : \"m\"", with: "\"message\" : \"x\"")
        try other.write(toFile: objectRoot + "/v1/inventory.json", atomically: false, encoding: .utf8)
        try InventoryCodec.sidecar(for: Data(other.utf8)).write(to: URL(fileURLWithPath: objectRoot + "/v1/inventory.json.sha256"))
        let report = try root.recover(stagingDirectory: box.staging)
        #expect(report.unresolved == [objectRoot + "/inventory.json: does not match its sidecar or the head version's copy"])
        // Head copy's sidecar wrong: reported as before.
        try "0000 inventory.json\n".write(toFile: objectRoot + "/v1/inventory.json.sha256", atomically: false, encoding: .utf8)
        let second = try root.recover(stagingDirectory: box.staging)
        #expect(second.unresolved == [objectRoot + "/v1/inventory.json: head version inventory missing or not matching its sidecar"])
    }
}
