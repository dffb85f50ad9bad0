import BevaraArchiveIO
import BevaraStorage
import Foundation
import Testing

@Suite struct VersionBuilderTests {
    /// v1 (with a duplicate), v2 (inherit, change, remove, add), v3 (re-add old bytes): states,
    /// manifest, deduplication on disk, reads of every version, and ocfl-py's verdict.
    @Test func threeVersionsWithDeduplicationValidate() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        let id = "urn:uuid:\(UUID().uuidString.lowercased())"

        let v1 = try root.beginVersion(of: id, stagingDirectory: box.staging)
        #expect(v1.versionNumber == 1)
        let mets = try v1.addFile(logicalPath: "METS.xml", from: box.source("METS.xml", "<mets/>"))
        #expect(mets.size == 7)
        #expect(mets.sha256 == FileDigest.sha256(of: Data("<mets/>".utf8)))
        try v1.addFile(logicalPath: "representations/rep1/data/brev.pdf", from: box.source("brev.pdf", "PDF one"),
                       expectedSHA256: FileDigest.sha256(of: Data("PDF one".utf8)).uppercased())
        try v1.addFile(logicalPath: "representations/rep1/data/kopia.pdf", from: box.source("kopia.pdf", "PDF one"))
        try v1.addFile(logicalPath: "metadata/preservation/premis.xml", data: Data("<premis v1/>".utf8))
        #expect(try v1.commit(created: testDate, message: "Ingest", user: testUser) == 1)

        let objectRoot = root.objectPath(for: id)
        #expect(root.objectExists(id))
        #expect(box.files(below: objectRoot + "/v1/content").count == 3, "the duplicate PDF is stored once")
        var inventory = try root.inventory(of: id)
        #expect(inventory.head == "v1")
        #expect(inventory.digestAlgorithm == "sha256")
        #expect(inventory.versions["v1"]?.user == .init(name: "Arkivarie Test", address: "mailto:arkiv@example.org"))
        // Milliseconds, so versions made within one second keep their order (reindex relies on it).
        #expect(inventory.versions["v1"]?.created == "2026-09-21T14:13:20.000Z")
        let pdfDigest = FileDigest.sha256(of: Data("PDF one".utf8))
        #expect(inventory.versions["v1"]?.state[pdfDigest] == ["representations/rep1/data/brev.pdf", "representations/rep1/data/kopia.pdf"])

        let v2 = try root.beginVersion(of: id, stagingDirectory: box.staging)
        #expect(v2.versionNumber == 2)
        try v2.inheritPreviousState()
        try v2.addFile(logicalPath: "metadata/preservation/premis.xml", data: Data("<premis v2/>".utf8))
        #expect(v2.removeFile(logicalPath: "representations/rep1/data/kopia.pdf"))
        #expect(!v2.removeFile(logicalPath: "no/such/file"))
        try v2.addFile(logicalPath: "representations/rep2/data/brev.pdf", from: box.source("brev2.pdf", "PDF one"))
        #expect(try v2.commit(created: testDate.addingTimeInterval(60), message: "Migration", user: (name: "Bevara", address: "urn:bevara:system")) == 2)
        #expect(box.files(below: objectRoot + "/v2/content") == ["metadata/preservation/premis.xml"],
                "only the changed PREMIS is new content; the re-added PDF is deduplicated")

        let v3 = try root.beginVersion(of: id, stagingDirectory: box.staging)
        try v3.inheritPreviousState()
        try v3.addFile(logicalPath: "metadata/preservation/premis.xml", data: Data("<premis v1/>".utf8))
        try v3.addFile(logicalPath: "documentation/readme.txt", data: Data("läs mig".utf8))
        #expect(try v3.commit(created: testDate.addingTimeInterval(120), message: "Rollback of PREMIS", user: testUser) == 3)
        #expect(box.files(below: objectRoot + "/v3/content") == ["documentation/readme.txt"])

        inventory = try root.inventory(of: id)
        #expect(inventory.versions["v2"]?.user?.address == "urn:bevara:system", "a URI address is kept as given")
        #expect(inventory.headVersionNumber == 3)
        #expect(inventory.manifest.count == 5)
        #expect(Set(inventory.state(of: 2).keys) == ["METS.xml", "metadata/preservation/premis.xml",
                                                     "representations/rep1/data/brev.pdf", "representations/rep2/data/brev.pdf"])
        #expect(inventory.state(of: 3).count == 5)
        #expect(inventory.state(of: 4).isEmpty)
        let readV2 = try root.withVerifiedFile(objectID: id, logicalPath: "metadata/preservation/premis.xml", version: 2) { try box.read($0) }
        let readHead = try root.withVerifiedFile(objectID: id, logicalPath: "metadata/preservation/premis.xml") { try box.read($0) }
        #expect(readV2 == "<premis v2/>")
        #expect(readHead == "<premis v1/>")
        #expect(try root.objectIDs() == [id])
        #expect(try root.verify(objectID: id).isEmpty)
        #expect(box.files(below: box.staging + "/ocfl-work").isEmpty)
        try expectValidOCFL(box.rootPath, objects: 1)
    }

    @Test func expectedDigestMismatchStoresNothing() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        let builder = try root.beginVersion(of: "urn:bevara:obj-1", stagingDirectory: box.staging)
        let wrong = String(repeating: "0", count: 64)
        #expect {
            try builder.addFile(logicalPath: "a.txt", from: box.source("a.txt", "hello"), expectedSHA256: wrong)
        } throws: { error in
            guard case OCFLStorageError.sourceDigestMismatch(_, "a.txt", wrong, let actual) = error else { return false }
            return actual == FileDigest.sha256(of: Data("hello".utf8))
        }
        #expect(try builder.currentState.isEmpty)
        try builder.addFile(logicalPath: "b.txt", data: Data("b".utf8))
        builder.discard()
        #expect(!root.objectExists("urn:bevara:obj-1"))
        #expect(box.files(below: box.rootPath).allSatisfy { !$0.hasPrefix("0") || $0 == "0=ocfl_1.1" })
        #expect(box.files(below: box.staging + "/ocfl-work").isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.staging + "/ocfl-work").isEmpty)
        #expect(throws: OCFLStorageError.builderClosed(objectID: "urn:bevara:obj-1")) {
            try builder.addFile(logicalPath: "c.txt", data: Data())
        }
        try expectValidOCFL(box.rootPath, objects: 0)
    }

    @Test func refusesUnsafeAndConflictingLogicalPaths() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        let builder = try root.beginVersion(of: "urn:bevara:obj-2", stagingDirectory: box.staging)
        defer { builder.discard() }
        for bad in ["../x", "/etc/passwd", "a//b", "a/./b", "a/", "", "e\u{301}.txt"] {
            #expect(throws: OCFLStorageError.self) { try builder.addFile(logicalPath: bad, data: Data("x".utf8)) }
        }
        try builder.addFile(logicalPath: "a/b.txt", data: Data("1".utf8))
        #expect(throws: OCFLStorageError.logicalPathConflict(path: "a", existing: "a/b.txt")) {
            try builder.addFile(logicalPath: "a", data: Data("2".utf8))
        }
        #expect(throws: OCFLStorageError.logicalPathConflict(path: "a/b.txt/c", existing: "a/b.txt")) {
            try builder.addFile(logicalPath: "a/b.txt/c", data: Data("3".utf8))
        }
        #expect(try builder.currentState.keys.sorted() == ["a/b.txt"])
    }

    /// Replacing a path within one version must not leave the old bytes as unreferenced content
    /// (E023), and must keep bytes another path still uses.
    @Test func replacingWithinAVersionKeepsOnlyReferencedContent() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        let builder = try root.beginVersion(of: "urn:bevara:obj-3", stagingDirectory: box.staging)
        try builder.addFile(logicalPath: "x/a.txt", data: Data("old".utf8))
        try builder.addFile(logicalPath: "y/copy.txt", data: Data("old".utf8))
        try builder.addFile(logicalPath: "x/a.txt", data: Data("new".utf8))
        try builder.addFile(logicalPath: "gone/b.txt", data: Data("gone".utf8))
        builder.removeFile(logicalPath: "gone/b.txt")
        _ = try builder.commit(created: testDate, message: "m", user: testUser)
        let inventory = try root.inventory(of: "urn:bevara:obj-3")
        #expect(inventory.manifest.count == 2)
        #expect(try root.withVerifiedFile(objectID: "urn:bevara:obj-3", logicalPath: "y/copy.txt") { try box.read($0) } == "old")
        #expect(try root.withVerifiedFile(objectID: "urn:bevara:obj-3", logicalPath: "x/a.txt") { try box.read($0) } == "new")
        #expect(try root.verify(objectID: "urn:bevara:obj-3").isEmpty)
        try expectValidOCFL(box.rootPath, objects: 1)
    }

    @Test func oneWriterAtATime() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        root.lockTimeout = 0.2
        let first = try root.beginVersion(of: "urn:bevara:obj-4", stagingDirectory: box.staging)
        #expect(throws: OCFLStorageError.lockTimeout(path: box.staging + "/.bevara-storage.lock", seconds: 0.2)) {
            _ = try root.beginVersion(of: "urn:bevara:obj-5", stagingDirectory: box.staging)
        }
        #expect(throws: OCFLStorageError.self) { _ = try root.recover(stagingDirectory: box.staging) }
        first.discard()
        let second = try root.beginVersion(of: "urn:bevara:obj-5", stagingDirectory: box.staging)
        second.discard()
    }

    @Test func stagingMustBeOutsideTheRoot() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        #expect(throws: OCFLStorageError.unusableStagingDirectory(path: box.rootPath + "/tmp", reason: "must be outside the storage root")) {
            _ = try root.beginVersion(of: "urn:bevara:obj", stagingDirectory: box.rootPath + "/tmp")
        }
    }
}
