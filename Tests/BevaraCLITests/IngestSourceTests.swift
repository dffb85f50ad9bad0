import BevaraArchiveIO
import Foundation
import Testing

/// Ingest takes a `.tar`/`.zip` apart in staging and adopts that folder as the AIP's content; a
/// SIP given as a folder is the producer's own and must be copied, never moved or changed.
@Suite(.serialized) struct IngestSourceTests {
    /// Every regular file below `root` with its SHA-256.
    private func digests(_ root: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for path in listing(root) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory),
                  !isDirectory.boolValue else { continue }
            out[path] = try FileDigest.sha256(path: root + "/" + path)
        }
        return out
    }

    @Test func aFolderSIPIsCopiedAndLeftExactlyAsItWas() throws {
        let archive = try ArchiveScenario.newArchive("ingest-folder")
        let work = (archive as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: work) }
        let sip = work + "/vbg-sip"
        let made = try bevara(["package", "--agreement", "EAV-VBG-KS-CSV", "--out", sip,
                               repositoryRoot + "/fixtures/vanersborg-ks-csv"])
        try #require(made.status == 0, "\(made.stderr)")
        let before = try digests(sip)
        try #require(before.count > 10)

        let (run, out) = try ArchiveScenario.ingest(archive, as: "arkivarie-vanersborg", [sip])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(out.first?["status"] as? String == "archived")
        #expect(try digests(sip) == before, "the producer's folder changed")

        // The AIP holds every file of the folder, byte for byte.
        let objects = try ArchiveScenario.objects(archive + "/storage")
        try #require(objects.count == 1)
        let head = work + "/head"
        try ArchiveScenario.materialiseHead(objectRoot: objects[0].root, inventory: objects[0].inventory, into: head)
        let stored = try digests(head)
        for (path, digest) in before where path != "METS.xml" {
            #expect(stored[path] == digest, "\(path)")
        }
    }

    @Test func anUnpackedArchiveLeavesNothingInStaging() throws {
        let archive = try ArchiveScenario.newArchive("ingest-tar")
        defer { try? FileManager.default.removeItem(atPath: (archive as NSString).deletingLastPathComponent) }
        let (run, _) = try ArchiveScenario.ingest(archive, as: "arkivarie-vanersborg", [try ArchiveScenario.package("vbg.tar")])
        #expect(run.status == 0, "\(run.stderr)")
        let leftovers = listing(archive + "/staging").filter { entry in
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: archive + "/staging/" + entry, isDirectory: &isDirectory)
            return !isDirectory.boolValue && !entry.hasSuffix(".lock")
        }
        #expect(leftovers.isEmpty, "\(leftovers.prefix(5))")
        #expect(try ArchiveScenario.validateOCFL(archive + "/storage").status == 0)
    }
}
