import Foundation
import Testing

/// `bevara archive init`, `ingest`, `status` end to end on the fixtures' SIPs, judged by
/// ocfl-py and the E-ARK validator's XSD and fixity checks.
@Suite(.serialized) struct IngestCommandTests {
    @Test func bothFixturesAndAnUpdateMakeAValidStorageRootAndValidAIPs() throws {
        let archive = try ArchiveScenario.newArchive("ingest")
        defer { try? FileManager.default.removeItem(atPath: (archive as NSString).deletingLastPathComponent) }
        let vbg = try ArchiveScenario.package("vbg.tar"), thn = try ArchiveScenario.package("thn.zip")

        let (first, firstOut) = try ArchiveScenario.ingest(archive, as: "arkivarie-vanersborg", [vbg])
        #expect(first.status == 0, "\(first.stderr)\n\(first.stdout)")
        #expect(firstOut.first?["status"] as? String == "archived")
        #expect(firstOut.first?["organisationID"] as? String == "vanersborg")
        #expect(firstOut.first?["version"] as? Int == 1)

        // An archivist ingests only for their own organisation.
        let (wrongOrg, wrongOut) = try ArchiveScenario.ingest(archive, as: "arkivarie-vanersborg", [thn])
        #expect(wrongOrg.status == 1)
        #expect(wrongOut.first?["status"] as? String == "rejected")
        #expect((wrongOut.first?["findings"] as? [String])?.first?.contains("trollhattan") == true, "\(wrongOut)")
        let (thnRun, thnOut) = try ArchiveScenario.ingest(archive, as: "arkivarie-trollhattan", [thn])
        #expect(thnRun.status == 0, "\(thnRun.stderr)\n\(thnRun.stdout)")
        #expect(thnOut.first?["organisationID"] as? String == "trollhattan")

        // The same SIP again changes nothing.
        let before = listing(archive + "/storage")
        let (again, againOut) = try ArchiveScenario.ingest(archive, as: "arkivarie-vanersborg", [vbg])
        #expect(again.status == 0)
        #expect(againOut.first?["status"] as? String == "already-archived")
        #expect(listing(archive + "/storage") == before)

        // An update: the same package id with changed content becomes version 2.
        let objid = try #require(firstOut.first?["objectID"] as? String)
        let work = try temporaryFolder("update")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let export = try copyFixture("vanersborg-ks-csv", to: work)
        let cases = export + "/arenden.csv"
        let text = try String(contentsOfFile: cases, encoding: .utf8)
        try text.replacingOccurrences(of: "Ansökan om bygglov", with: "Ansökan om bygglov (rättad)")
            .write(toFile: cases, atomically: true, encoding: .utf8)
        let updated = work + "/update.tar"
        let pkg = try bevara(["package", "--agreement", "EAV-VBG-KS-CSV", "--id", objid, "--out", updated, export])
        try #require(pkg.status == 0, "\(pkg.stderr)")
        let (update, updateOut) = try ArchiveScenario.ingest(archive, as: "arkivarie-vanersborg", [updated])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(updateOut.first?["status"] as? String == "archived")
        #expect(updateOut.first?["version"] as? Int == 2)

        let ocfl = try ArchiveScenario.validateOCFL(archive + "/storage")
        #expect(ocfl.status == 0, "\(ocfl.stdout)\n\(ocfl.stderr)")

        // Each AIP's head state: METS and PREMIS valid, every size and checksum right.
        let objects = try ArchiveScenario.objects(archive + "/storage")
        #expect(objects.count == 2)
        for object in objects {
            let target = work + "/aip-\(UUID().uuidString)"
            try ArchiveScenario.materialiseHead(objectRoot: object.root, inventory: object.inventory, into: target)
            let v = try validateSIP([target])
            let lines = v.stdout.split(whereSeparator: \.isNewline).map(String.init)
            #expect(lines.contains { $0.hasPrefix("PASS fixity") }, "\(v.stdout)")
            #expect(lines.contains { $0.hasPrefix("PASS xsd") }, "\(v.stdout)")
        }

        let status = try bevara(["status", "--archive", archive, "--json"])
        #expect(status.status == 0, "\(status.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [[String: Any]])
        #expect(Set(rows.compactMap { $0["organisationID"] as? String }) == ["vanersborg", "trollhattan"])
        #expect(rows.allSatisfy { $0["packages"] as? Int == 1 })
    }

    @Test func aPackageNamingNoKnownAgreementNeedsOneAndAPackageWithNeitherIsRefused() throws {
        let archive = try ArchiveScenario.newArchive("agreement")
        defer { try? FileManager.default.removeItem(atPath: (archive as NSString).deletingLastPathComponent) }
        let corpus = repositoryRoot + "/../shared/corpus/eark/valid/6ab98a90-1686-4c74-9855-b2793a6d164d.zip"
        let (refused, refusedOut) = try ArchiveScenario.ingest(archive, as: "arkivarie-uddevalla", [corpus])
        #expect(refused.status == 1)
        #expect((refusedOut.first?["findings"] as? [String])?.first?.contains("--agreement") == true, "\(refusedOut)")
        let (taken, _) = try ArchiveScenario.ingest(archive, as: "arkivarie-uddevalla", [corpus], extra: ["--agreement", "EAV-UDD-SN-CSV"])
        #expect(taken.status == 0, "\(taken.stderr)\n\(taken.stdout)")
        let ocfl = try ArchiveScenario.validateOCFL(archive + "/storage")
        #expect(ocfl.status == 0, "\(ocfl.stdout)")
    }
}

/// A virus-check event is recorded only when a configured scanner really ran.
@Suite struct VirusScanTests {
    @Test func theEventIsRecordedOnlyWhenAScannerIsConfigured() throws {
        let archive = try ArchiveScenario.newArchive("virus")
        defer { try? FileManager.default.removeItem(atPath: (archive as NSString).deletingLastPathComponent) }
        let vbg = try ArchiveScenario.package("vbg.tar")
        func premisOfHead() throws -> String {
            let object = try #require(try ArchiveScenario.objects(archive + "/storage").first)
            let files = listing(object.root).filter { $0.contains("bevara-ingest-v") }
            return try files.map { try String(contentsOfFile: object.root + "/" + $0, encoding: .utf8) }.joined()
        }
        let (plain, _) = try ArchiveScenario.ingest(archive, as: "arkivarie-vanersborg", [vbg])
        try #require(plain.status == 0, "\(plain.stderr)")
        #expect(try !premisOfHead().contains("virus check"))

        // A stand-in scanner with clamscan's exit codes: 0 clean, 1 found.
        let config = archive + "/bevara-archive.yaml"
        let text = try String(contentsOfFile: config, encoding: .utf8)
        try (text + "virusScanner: \"sh -c 'grep -rq EICAR-STANDARD-ANTIVIRUS \\\"$0\\\" && exit 1 || exit 0'\"\n")
            .write(toFile: config, atomically: true, encoding: .utf8)
        let thn = try ArchiveScenario.package("thn.zip")
        let (scanned, out) = try ArchiveScenario.ingest(archive, as: "arkivarie-trollhattan", [thn])
        #expect(scanned.status == 0, "\(scanned.stderr)\(out)")
        let objects = try ArchiveScenario.objects(archive + "/storage")
        let premis = try objects.flatMap { object in
            try listing(object.root).filter { $0.contains("bevara-ingest-v") }
                .map { try String(contentsOfFile: object.root + "/" + $0, encoding: .utf8) }
        }
        #expect(premis.filter { $0.contains("virus check") }.count == 1)
    }
}
