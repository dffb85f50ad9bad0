import BevaraArchiveIO
@testable import BevaraStorage
import Foundation
import Testing

/// `headState(of:)` reads the head version in one streamed pass into a packed table: it must say
/// exactly what the parsed inventory says (path → digest, digest → first content path), in path
/// order, check the sidecar, and hand anything unusual to the full parse.
@Suite struct HeadStateTests {
    private func digest(_ text: String) -> String { FileDigest.sha256(of: Data(text.utf8)) }

    /// What the parsed inventory says of the head version, sorted by path bytes.
    private func expected(_ inventory: OCFLInventory) -> [OCFLHeadState.File] {
        inventory.state(of: inventory.headVersionNumber).map { path, digest in
            OCFLHeadState.File(logicalPath: path, digest: digest, contentPath: inventory.contentPath(for: digest)!)
        }.sorted { Array($0.logicalPath.utf8).lexicographicallyPrecedes(Array($1.logicalPath.utf8)) }
    }

    private func files(_ state: OCFLHeadState) throws -> [OCFLHeadState.File] {
        var out: [OCFLHeadState.File] = []
        try state.forEach { out.append($0) }
        return out
    }

    @Test func streamedHeadStateIsWhatTheParsedInventorySays() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        let id = "urn:uuid:\(UUID().uuidString.lowercased())"
        let odd = ["data/\"citat\" – åäö.txt", "data/semi;colon ' quote.txt", "data/emoji 📄.txt", "data/Z.txt",
                   "data/a/b.txt", "data/a.txt", "data/a-b.txt"]
        let v1 = try root.beginVersion(of: id, stagingDirectory: box.staging)
        for (i, path) in odd.enumerated() { try v1.addFile(logicalPath: path, data: Data("innehåll \(i % 5)".utf8)) }
        for i in 0..<300 { try v1.addFile(logicalPath: String(format: "representations/rep1/data/%04d.pdf", 299 - i), data: Data("fil \(i)".utf8)) }
        _ = try v1.commit(created: testDate, message: "Första", user: testUser)

        let state1 = try root.headState(of: id)
        let inventory1 = try root.inventory(of: id)
        #expect(state1.headVersion == 1 && state1.objectID == id && state1.count == odd.count + 300)
        #expect(try files(state1) == expected(inventory1))
        #expect(try files(try OCFLHeadState(inventory: inventory1)) == expected(inventory1))

        // An update: unchanged files keep their v1 content paths, a removed one is gone, new content is v2's.
        let v2 = try root.beginVersion(of: id, stagingDirectory: box.staging)
        try v2.inheritPreviousState()
        #expect(v2.removeFile(logicalPath: "data/Z.txt"))
        try v2.addFile(logicalPath: "data/ny.txt", data: Data("helt ny".utf8))
        try v2.addFile(logicalPath: "data/a.txt", data: Data("ändrad".utf8))
        _ = try v2.commit(created: testDate, message: "Andra", user: testUser)
        let state2 = try root.headState(of: id)
        let inventory2 = try root.inventory(of: id)
        #expect(state2.headVersion == 2)
        #expect(try files(state2) == expected(inventory2))
        #expect(try state2.file("data/Z.txt") == nil)
        #expect(try state2.file("data/ny.txt")?.contentPath == "v2/content/data/ny.txt")
        #expect(try state2.file("data/a.txt")?.digest == digest("ändrad"))
        #expect(try state2.file(odd[0])?.contentPath == "v1/content/" + odd[0])
        #expect(try state2.paths { $0.hasPrefix("data/a") } == ["data/a-b.txt", "data/a.txt", "data/a/b.txt"])

        // Reading a file through the state verifies it.
        let file = try #require(try state2.file("data/ny.txt"))
        #expect(try root.withVerifiedFile(file, objectID: id) { try String(contentsOfFile: $0, encoding: .utf8) } == "helt ny")
        try box.flipByte(of: root.objectPath(for: id) + "/" + file.contentPath)
        #expect(throws: OCFLStorageError.self) { try root.withVerifiedFile(file, objectID: id) { _ in } }
    }

    @Test func aSidecarThatDisagreesGoesThroughTheFullChecks() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        let id = "urn:uuid:\(UUID().uuidString.lowercased())"
        let v1 = try root.beginVersion(of: id, stagingDirectory: box.staging)
        try v1.addFile(logicalPath: "a.txt", data: Data("a".utf8))
        _ = try v1.commit(created: testDate, message: "m", user: testUser)
        let inventoryPath = root.objectPath(for: id) + "/inventory.json"
        var text = try box.read(inventoryPath)
        text = text.replacingOccurrences(of: "\"message\" : \"m\"", with: "\"message\" : \"x\"")
        try text.write(toFile: inventoryPath, atomically: false, encoding: .utf8)
        #expect(throws: OCFLStorageError.self) { _ = try root.headState(of: id) }
    }

    /// The streamed reader on inventories Bevara never writes: escapes, other key orders, fixity.
    @Test func readerFollowsJSONAndDeclinesWhatItCannotStream() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        try FileManager.default.createDirectory(atPath: box.sources, withIntermediateDirectories: true)
        let d1 = String(repeating: "a", count: 64), d2 = String(repeating: "B", count: 64)
        func read(_ json: String) throws -> HeadStateReader.Result? {
            let path = box.sources + "/inventory-\(UUID().uuidString).json"
            try json.write(toFile: path, atomically: false, encoding: .utf8)
            return try HeadStateReader.read(path: path)
        }
        let json = """
            {"id":"o","type":"https://ocfl.io/1.1/spec/#inventory","digestAlgorithm":"sha256","head":"v2",
             "fixity":{"md5":{"x":["v1/content/a"]}},"contentDirectory":"content",
             "manifest":{"\(d2)":["v2/content/b\\u00e5\\ud83d\\udcc4","v1/content/zz"],"\(d1)":["v1/content/a\\\\\\"\\/"]},
             "versions":{"v2":{"created":"2026-01-01T00:00:00Z","state":{"\(d1)":["a\\\\\\"/", "kopia"],"\(d2)":["b"]},
                               "user":{"name":"N","address":null},"extra":[1,2.5e3,true,false,null,{"k":[]}]},
                         "v1":{"created":"2026-01-01T00:00:00Z","state":{"\(d1)":["a"]}}}}
            """
        let result = try #require(try read(json))
        #expect(result.sha256 == FileDigest.sha256(of: Data(json.utf8)))
        #expect(try files(result.state) == [
            OCFLHeadState.File(logicalPath: "a\\\"/", digest: d1, contentPath: "v1/content/a\\\"/"),
            OCFLHeadState.File(logicalPath: "b", digest: d2.lowercased(), contentPath: "v1/content/zz"),
            OCFLHeadState.File(logicalPath: "kopia", digest: d1, contentPath: "v1/content/a\\\"/"),
        ])
        // `versions` before `head`: declined, the caller parses the whole inventory.
        #expect(try read(#"{"id":"o","digestAlgorithm":"sha256","manifest":{},"versions":{"v1":{"state":{}}},"head":"v1"}"#) == nil)
        // Broken or inconsistent inventories are refused.
        for broken in [#"{"id":"o","head":"v1","manifest":{}"#, #"{"id":"o" "head":"v1"}"#,
                       #"{"id":"o","digestAlgorithm":"md5","head":"v1","manifest":{},"versions":{"v1":{"state":{}}}}"#,
                       #"{"id":"o","digestAlgorithm":"sha256","head":"v2","manifest":{},"versions":{"v2":{"state":{}}}}"#,
                       #"{"id":"o","digestAlgorithm":"sha256","head":"v1","manifest":{},"versions":{"v1":{"state":{"\#(d1)":["a"]}}}}"#,
                       #"{"id":"o","digestAlgorithm":"sha256","head":"v1","manifest":{},"versions":{"v1":{"state":{}}}} x"#,
                       #"{"id":"o","digestAlgorithm":"sha256","head":"v1","manifest":{"\#(d1)":["a\#u{01}"]},"versions":{"v1":{"state":{}}}}"#] {
            #expect(throws: OCFLStorageError.self, "\(broken)") { _ = try read(broken) }
        }
    }
}
