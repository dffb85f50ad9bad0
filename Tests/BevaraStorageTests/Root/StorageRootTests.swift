import BevaraArchiveIO
@testable import BevaraStorage
import Foundation
import Testing

@Suite struct StorageRootTests {
    @Test func createWritesDeclarationLayoutAndConfigThenOpens() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        #expect(try box.read(box.rootPath + "/0=ocfl_1.1") == "ocfl_1.1\n")
        let layout = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: box.rootPath + "/ocfl_layout.json"))) as? [String: String]
        #expect(layout?["extension"] == "0003-hash-and-id-n-tuple-storage-layout")
        let config = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath:
            box.rootPath + "/extensions/0003-hash-and-id-n-tuple-storage-layout/config.json"))) as? [String: Any]
        #expect(config?["digestAlgorithm"] as? String == "sha256")
        #expect(config?["tupleSize"] as? Int == 3)
        #expect(config?["numberOfTuples"] as? Int == 3)
        #expect(box.files(below: box.directory).allSatisfy { !$0.contains(".bevara-partial-") })
        let reopened = try OCFLStorageRoot(opening: box.rootPath)
        #expect(reopened.objectPath(for: "urn:uuid:x") == root.objectPath(for: "urn:uuid:x"))
        #expect(try reopened.objectIDs().isEmpty)
        try expectValidOCFL(box.rootPath, objects: 0)
    }

    @Test func createAcceptsAnEmptyDirectoryAndRefusesANonEmptyOne() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        try FileManager.default.createDirectory(atPath: box.rootPath, withIntermediateDirectories: false)
        _ = try box.makeRoot()
        #expect(throws: OCFLStorageError.rootNotEmpty(path: box.rootPath)) { try box.makeRoot() }
        #expect(throws: OCFLStorageError.rootNotEmpty(path: box.sources)) {
            try box.source("a.txt", "x")
            _ = try OCFLStorageRoot.create(at: box.sources)
        }
    }

    @Test func openRefusesMissingDeclarationAndUnsupportedLayout() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        #expect {
            _ = try OCFLStorageRoot(opening: box.sources)
        } throws: { error in
            guard case OCFLStorageError.notAStorageRoot(let path, let reason) = error else { return false }
            return path == box.sources && reason.contains("0=ocfl_1.1")
        }
        _ = try box.makeRoot()
        let layoutFile = box.rootPath + "/ocfl_layout.json"
        try #"{"extension": "0004-hashed-n-tuple-storage-layout", "description": "x"}"#
            .write(toFile: layoutFile, atomically: true, encoding: .utf8)
        #expect(throws: OCFLStorageError.unsupportedLayout(path: layoutFile, layout: "0004-hashed-n-tuple-storage-layout")) {
            _ = try OCFLStorageRoot(opening: box.rootPath)
        }
    }

    /// The object paths must be the ones ocfl-py computes for the same layout, or another OCFL
    /// tool would not find our objects by id.
    @Test func objectPathsMatchOcflPy() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        let ids = ["urn:uuid:6f1e0d2c-1f4b-4a8e-9b8e-2d4c1a0b9e77", "uuid-ÅÄÖ åäö/ärende 12", "plain_id-1",
                   "urn:x:" + String(repeating: "long-", count: 30)]
        let script = """
        import sys
        from ocfl.layout_0003_hash_and_id_n_tuple import Layout_0003_Hash_And_Id_N_Tuple
        layout = Layout_0003_Hash_And_Id_N_Tuple()
        for line in sys.argv[1:]:
            print(layout.identifier_to_path(line))
        """
        let result = try run(repositoryRoot + "/.venv-validators/bin/python", ["-c", script] + ids)
        #expect(result.status == 0, "\(result.output)")
        let expected = result.output.split(separator: "\n").map { box.rootPath + "/" + $0 }
        #expect(ids.map(root.objectPath(for:)) == expected)
    }
}
