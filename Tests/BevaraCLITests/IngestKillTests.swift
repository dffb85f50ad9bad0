import Foundation
import Testing

/// An ingest killed with SIGKILL at any point leaves a valid storage root and an index that agrees
/// with it; running the same command again completes the ingest with nothing lost or doubled.
@Suite(.serialized) struct IngestKillTests {
    @Test(arguments: ["ingest.between-files@3", "ingest.after-storage", "ingest.during-index"])
    func killedIngestIsCompletedByTheRerun(failpoint: String) throws {
        let archive = try ArchiveScenario.newArchive("kill")
        defer { try? FileManager.default.removeItem(atPath: (archive as NSString).deletingLastPathComponent) }
        let vbg = try ArchiveScenario.package("vbg.tar")

        let (killed, _) = try ArchiveScenario.ingest(archive, as: "arkivarie-vanersborg", [vbg],
                                                     environment: ["BEVARA_FAILPOINT": failpoint])
        #expect(killed.status == killedBySIGKILL, "\(killed.stderr)")

        // Right after the kill: storage valid, and the index lists only what storage holds.
        let ocfl = try ArchiveScenario.validateOCFL(archive + "/storage")
        #expect(ocfl.status == 0, "\(ocfl.stdout)\n\(ocfl.stderr)")
        let stored = try ArchiveScenario.objects(archive + "/storage")
        let indexed = try statusPackages(archive)
        #expect(indexed <= stored.count)
        if failpoint.hasPrefix("ingest.between-files") { #expect(stored.isEmpty) } else { #expect(stored.count == 1) }

        let (rerun, rerunOut) = try ArchiveScenario.ingest(archive, as: "arkivarie-vanersborg", [vbg])
        #expect(rerun.status == 0, "\(rerun.stderr)\n\(rerun.stdout)")
        let expected = failpoint.hasPrefix("ingest.between-files") ? "archived" : "index-completed"
        #expect(rerunOut.first?["status"] as? String == expected, "\(rerunOut)")
        #expect(try statusPackages(archive) == 1)

        // One object, one version, each file once; staging holds nothing but the lock.
        let objects = try ArchiveScenario.objects(archive + "/storage")
        try #require(objects.count == 1)
        let inventory = objects[0].inventory
        #expect(inventory["head"] as? String == "v1")
        let manifest = try #require(inventory["manifest"] as? [String: [String]])
        let contentFiles = listing(objects[0].root + "/v1/content").filter {
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: objects[0].root + "/v1/content/" + $0, isDirectory: &isDir)
            return !isDir.boolValue
        }
        #expect(contentFiles.count == manifest.values.reduce(0) { $0 + $1.count })
        // Staging keeps only lock files and empty work folders.
        let leftovers = listing(archive + "/staging").filter { entry in
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: archive + "/staging/" + entry, isDirectory: &isDir)
            return !entry.hasSuffix(".lock") && !isDir.boolValue
        }
        #expect(leftovers.isEmpty, "\(leftovers.prefix(5))")
        let (third, thirdOut) = try ArchiveScenario.ingest(archive, as: "arkivarie-vanersborg", [vbg])
        #expect(third.status == 0)
        #expect(thirdOut.first?["status"] as? String == "already-archived")
        #expect(try ArchiveScenario.validateOCFL(archive + "/storage").status == 0)
    }

    private func statusPackages(_ archive: String) throws -> Int {
        let r = try bevara(["status", "--archive", archive, "--json"])
        let rows = (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [[String: Any]] ?? []
        return rows.reduce(0) { $0 + ($1["packages"] as? Int ?? 0) }
    }
}

/// `bevara audit` reports exactly the damaged file, by AIP and path.
@Suite struct AuditCommandTests {
    @Test func aFlippedByteIsReportedExactly() throws {
        let archive = try ArchiveScenario.newArchive("audit")
        defer { try? FileManager.default.removeItem(atPath: (archive as NSString).deletingLastPathComponent) }
        let (ingested, _) = try ArchiveScenario.ingest(archive, as: "arkivarie-vanersborg", [try ArchiveScenario.package("vbg.tar")])
        try #require(ingested.status == 0, "\(ingested.stderr)")

        let clean = try bevara(["audit", "--archive", archive, "--as", "admin", "--json"])
        #expect(clean.status == 0, "\(clean.stdout)\n\(clean.stderr)")

        let object = try #require(try ArchiveScenario.objects(archive + "/storage").first)
        let victim = try #require(listing(object.root + "/v1/content").first { $0.hasSuffix(".pdf") })
        let path = object.root + "/v1/content/" + victim
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: path))

        let damaged = try bevara(["audit", "--archive", archive, "--as", "admin", "--json"])
        #expect(damaged.status == 1, "\(damaged.stdout)\n\(damaged.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(damaged.stdout.utf8)) as? [String: Any])
        let damage = try #require(report["damage"] as? [[String: Any]])
        #expect(damage.count == 1, "\(damage)")
        #expect((damage.first?["path"] as? String).map { victim.hasSuffix($0) || $0.hasSuffix(victim) } == true, "\(damage)")

        // Recently audited AIPs are skipped with --older-than.
        let skipped = try bevara(["audit", "--archive", archive, "--as", "admin", "--older-than", "1", "--json"])
        let skippedReport = try JSONSerialization.jsonObject(with: Data(skipped.stdout.utf8)) as? [String: Any]
        #expect(skippedReport?["objectsSkipped"] as? Int == 1)
    }
}
