import BevaraArchiveIO
import BevaraStorage
import Foundation
import Testing

/// `addFile(logicalPath:movingFrom:)`: the staged source is moved, not copied; it is hashed on the
/// way (a wrong declared digest refuses it); duplicates are stored once; the object validates.
@Suite struct MovedFileTests {
    @Test func movedFilesLeaveTheirFolderAndValidate() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        let id = "urn:uuid:\(UUID().uuidString.lowercased())"
        let builder = try root.beginVersion(of: id, stagingDirectory: box.staging)
        let letter = try box.source("brev.pdf", "%PDF-1.4 one")
        let copy = try box.source("kopia.pdf", "%PDF-1.4 one")
        let digest = FileDigest.sha256(of: Data("%PDF-1.4 one".utf8))

        let stored = try builder.addFile(logicalPath: "representations/rep1/data/a/b/brev.pdf", movingFrom: letter,
                                         expectedSHA256: digest.uppercased())
        #expect(stored.size == 12 && stored.sha256 == digest)
        #expect(stored.head == Array("%PDF-1.4 one".utf8), "the head comes from the one read")
        try builder.addFile(logicalPath: "representations/rep1/data/kopia.pdf", movingFrom: copy)
        #expect(!FileManager.default.fileExists(atPath: letter) && !FileManager.default.fileExists(atPath: copy))
        try builder.addFile(logicalPath: "METS.xml", data: Data("<mets/>".utf8))
        #expect(try builder.commit(created: testDate, message: "Ingest", user: testUser) == 1)

        let objectRoot = root.objectPath(for: id)
        #expect(box.files(below: objectRoot + "/v1/content").count == 2, "the duplicate is stored once")
        #expect(try root.withVerifiedFile(objectID: id, logicalPath: "representations/rep1/data/kopia.pdf") {
            try String(contentsOfFile: $0, encoding: .utf8)
        } == "%PDF-1.4 one")
        try expectValidOCFL(box.rootPath, objects: 1)
    }

    @Test func movedFileWithTheWrongDigestIsRefused() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        let id = "urn:uuid:\(UUID().uuidString.lowercased())"
        let builder = try root.beginVersion(of: id, stagingDirectory: box.staging)
        let source = try box.source("brev.pdf", "changed after validation")
        #expect(throws: OCFLStorageError.self) {
            try builder.addFile(logicalPath: "representations/rep1/data/brev.pdf", movingFrom: source,
                                expectedSHA256: FileDigest.sha256(of: Data("as declared".utf8)))
        }
        #expect(builder.currentState.isEmpty)
        builder.discard()
        #expect(!root.objectExists(id))
    }
}
