import BevaraArchiveIO
import BevaraStorage
import Foundation
import Testing

/// `adoptContent` + `addAdoptedFile`: a staged folder becomes the version's content in one rename;
/// files are hashed in place, renamed only when their logical path differs (never over another
/// file), deduplicated against the version and earlier ones; unregistered files stop the commit.
@Suite struct AdoptedContentTests {
    private func folder(_ box: StorageSandbox, _ name: String, _ files: [String: String]) throws -> String {
        for (path, text) in files { try box.source(name + "/" + path, text) }
        return box.sources + "/" + name
    }

    private func digest(_ text: String) -> String { FileDigest.sha256(of: Data(text.utf8)) }

    @Test func adoptedFolderBecomesTheContentAndValidates() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        let id = "urn:uuid:\(UUID().uuidString.lowercased())"
        // The SIP's own submission/METS.xml is where its root METS.xml would go: neither may be lost on disk.
        let sip = try folder(box, "sip", ["METS.xml": "<mets root/>", "submission/METS.xml": "<mets own/>",
                                          "data/a/b/brev.pdf": "%PDF one", "data/kopia.pdf": "%PDF one"])
        let v1 = try root.beginVersion(of: id, stagingDirectory: box.staging)
        _ = try v1.adoptContent(from: sip)
        #expect(!FileManager.default.fileExists(atPath: sip), "the folder was moved, not copied")
        let letter = try v1.addAdoptedFile(relativePath: "data/a/b/brev.pdf", as: "data/a/b/brev.pdf",
                                           expectedSHA256: digest("%PDF one").uppercased())
        #expect(letter.size == 8 && letter.sha256 == digest("%PDF one") && letter.head == Array("%PDF one".utf8))
        try v1.addAdoptedFile(relativePath: "data/kopia.pdf", as: "data/kopia.pdf")
        try v1.addAdoptedFile(relativePath: "METS.xml", as: "submission/METS.xml")
        try v1.addAdoptedFile(relativePath: "submission/METS.xml", as: "submission/sip-METS.xml")
        try v1.addFile(logicalPath: "METS.xml", data: Data("<mets aip/>".utf8))
        #expect(try v1.commit(created: testDate, message: "Ingest", user: testUser) == 1)

        #expect(box.files(below: root.objectPath(for: id) + "/v1/content").count == 4, "the duplicate PDF is stored once")
        func read(_ path: String) throws -> String {
            try root.withVerifiedFile(objectID: id, logicalPath: path) { try String(contentsOfFile: $0, encoding: .utf8) }
        }
        #expect(try read("submission/METS.xml") == "<mets root/>")
        #expect(try read("submission/sip-METS.xml") == "<mets own/>")
        #expect(try read("METS.xml") == "<mets aip/>")
        #expect(try read("data/kopia.pdf") == "%PDF one")
        try expectValidOCFL(box.rootPath, objects: 1)
    }

    @Test func secondVersionKeepsOnlyNewBytesAndPrunesEmptyFolders() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        let id = "urn:uuid:\(UUID().uuidString.lowercased())"
        let v1 = try root.beginVersion(of: id, stagingDirectory: box.staging)
        _ = try v1.adoptContent(from: try folder(box, "one", ["data/x/same.txt": "same", "data/old.txt": "old"]))
        try v1.addAdoptedFile(relativePath: "data/x/same.txt", as: "data/x/same.txt")
        try v1.addAdoptedFile(relativePath: "data/old.txt", as: "data/old.txt")
        _ = try v1.commit(created: testDate, message: "v1", user: testUser)

        let v2 = try root.beginVersion(of: id, stagingDirectory: box.staging)
        _ = try v2.adoptContent(from: try folder(box, "two", ["data/x/same.txt": "same", "data/new.txt": "new"]))
        try v2.addAdoptedFile(relativePath: "data/x/same.txt", as: "data/x/same.txt")
        try v2.addAdoptedFile(relativePath: "data/new.txt", as: "data/new.txt")
        #expect(try v2.commit(created: testDate, message: "v2", user: testUser) == 2)
        #expect(box.files(below: root.objectPath(for: id) + "/v2/content") == ["data/new.txt"])
        #expect(try root.inventory(of: id).state(of: 2) == ["data/x/same.txt": digest("same"), "data/new.txt": digest("new")])
        try expectValidOCFL(box.rootPath, objects: 1)
    }

    @Test func wrongDigestUnregisteredFilesAndMisuseAreRefused() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        let id = "urn:uuid:\(UUID().uuidString.lowercased())"
        let builder = try root.beginVersion(of: id, stagingDirectory: box.staging)
        #expect(throws: OCFLStorageError.self) { try builder.addAdoptedFile(relativePath: "a.txt", as: "a.txt") }
        _ = try builder.adoptContent(from: try folder(box, "sip", ["a.txt": "changed", "b.txt": "never registered"]))
        do {
            try builder.addAdoptedFile(relativePath: "a.txt", as: "a.txt", expectedSHA256: digest("declared"))
            Issue.record("a file with another digest than declared was accepted")
        } catch OCFLStorageError.sourceDigestMismatch(_, let logicalPath, let expected, let actual) {
            #expect(logicalPath == "a.txt" && expected == digest("declared") && actual == digest("changed"))
        }
        try builder.addAdoptedFile(relativePath: "a.txt", as: "a.txt")
        #expect(throws: OCFLStorageError.self) { _ = try builder.adoptContent(from: box.sources) }
        do {
            _ = try builder.commit(created: testDate, message: "v1", user: testUser)
            Issue.record("a version with an unregistered file was committed")
        } catch OCFLStorageError.unregisteredContent(_, _, let files, let registered) {
            #expect(files == 2 && registered == 1)
        }
        #expect(!root.objectExists(id))
    }

    /// The variant that takes the digest the writer of the file computed: the declared digest is
    /// checked against the given one, and deduplication and renaming work as with hashing in
    /// place; the version validates.
    @Test func aWrittenDigestIsUsedWithoutReadingTheFile() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        let id = "urn:uuid:\(UUID().uuidString.lowercased())"
        let builder = try root.beginVersion(of: id, stagingDirectory: box.staging)
        let sip = try folder(box, "sip", ["METS.xml": "<mets/>", "data/a.txt": "one", "data/b.txt": "one", "data/c.txt": "two"])
        _ = try builder.adoptContent(from: sip)
        do {
            try builder.addAdoptedFile(relativePath: "data/c.txt", as: "data/c.txt", writtenSHA256: digest("two"),
                                       expectedSHA256: digest("declared"))
            Issue.record("a written digest other than the declared one was accepted")
        } catch OCFLStorageError.sourceDigestMismatch(_, let logicalPath, let expected, let actual) {
            #expect(logicalPath == "data/c.txt" && expected == digest("declared") && actual == digest("two"))
        }
        try builder.addAdoptedFile(relativePath: "data/a.txt", as: "data/a.txt", writtenSHA256: digest("one").uppercased(),
                                   expectedSHA256: digest("one"))
        try builder.addAdoptedFile(relativePath: "data/b.txt", as: "data/b.txt", writtenSHA256: digest("one"))
        try builder.addAdoptedFile(relativePath: "data/c.txt", as: "data/c.txt", writtenSHA256: digest("two"))
        try builder.addAdoptedFile(relativePath: "METS.xml", as: "submission/METS.xml", writtenSHA256: digest("<mets/>"))
        try builder.addFile(logicalPath: "METS.xml", data: Data("<mets aip/>".utf8))
        #expect(try builder.commit(created: testDate, message: "v1", user: testUser) == 1)
        #expect(box.files(below: root.objectPath(for: id) + "/v1/content").count == 4, "b.txt's bytes are stored once")
        #expect(try root.inventory(of: id).state(of: 1) == [
            "data/a.txt": digest("one"), "data/b.txt": digest("one"), "data/c.txt": digest("two"),
            "submission/METS.xml": digest("<mets/>"), "METS.xml": digest("<mets aip/>")])
        try expectValidOCFL(box.rootPath, objects: 1)
    }
}
