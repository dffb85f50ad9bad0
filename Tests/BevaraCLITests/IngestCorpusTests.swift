import Foundation
import Testing

/// Other producers' packages (`../shared/corpus/eark`) and hostile ones, through `bevara ingest`.
@Suite(.serialized) struct IngestCorpusTests {
    /// Each invalid corpus package and the rule it was made to break (see SOURCES.md there).
    static let invalid: [(name: String, rule: String)] = [
        ("minimal_IP_invmets.zip", "CSIP14"), ("minimal_IP_nocrtdt.zip", "CSIP7"), ("minimal_IP_noflscid.zip", "CSIP59"),
        ("minimal_IP_nomtshdr.zip", "CSIP117"), ("minimal_IP_nopcktyp.zip", "CSIP9"),
        ("mets-xml_mets_OBJID_attribute_not_exist", "CSIP1"), ("file_missing_SIZE_attribute", "CSIP69"),
        ("sip_mets_PROFILE_value_incorrect", "SIP2"), ("no_mets.tar.gz", "METS-MISSING"), ("multi_dir.zip", "CSIPSTR1"),
        ("733dc055-34be-4260-85c7-5549a7083031-bad", "FIXITY-CHECKSUM"),
    ]

    @Test func invalidPackagesAreRejectedNamingTheRuleAndNothingIsStored() throws {
        let archive = try ArchiveScenario.newArchive("corpus")
        defer { try? FileManager.default.removeItem(atPath: (archive as NSString).deletingLastPathComponent) }
        let corpus = repositoryRoot + "/../shared/corpus/eark/invalid/"
        let storageBefore = listing(archive + "/storage")
        let (r, outcomes) = try ArchiveScenario.ingest(archive, as: "arkivarie-uddevalla", Self.invalid.map { corpus + $0.name },
                                                       extra: ["--agreement", "EAV-UDD-SN-CSV"])
        #expect(r.status == 1)
        #expect(outcomes.count == Self.invalid.count)
        for (outcome, expected) in zip(outcomes, Self.invalid) {
            let findings = outcome["findings"] as? [String] ?? []
            #expect(outcome["status"] as? String == "rejected", "\(expected.name)")
            #expect(findings.contains { $0.contains("[\(expected.rule)]") }, "\(expected.name): \(findings.prefix(5))")
        }
        #expect(listing(archive + "/storage") == storageBefore)
        #expect(!listing(archive + "/staging").contains { $0.hasPrefix("intake-") })
    }

    /// One hostile entry each (beside a METS.xml): what it is, and the rule that must refuse it.
    static let hostile: [(entry: String, rule: String)] = [
        ("sip/../../escaped.txt", "PATH-UNSAFE"), ("/tmp/absolute-bevara.txt", "PATH-UNSAFE"), ("symlink:sip/link", "SYMLINK"),
    ]

    @Test(arguments: hostile.indices)
    func aHostileTarIsRejectedAndNothingLandsOutsideStaging(index: Int) throws {
        let (entry, rule) = Self.hostile[index]
        let archive = try ArchiveScenario.newArchive("hostile")
        let work = (archive as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: work) }
        // Python's tarfile writes the hostile entry (a test tool, not product code).
        let script = """
        import io, sys, tarfile
        with tarfile.open(sys.argv[1], "w") as t:
            info = tarfile.TarInfo("sip/METS.xml"); info.size = 7; t.addfile(info, io.BytesIO(b"<mets/>"))
            name = sys.argv[2]
            if name.startswith("symlink:"):
                link = tarfile.TarInfo(name[8:]); link.type = tarfile.SYMTYPE; link.linkname = "/etc/passwd"; t.addfile(link)
            else:
                info = tarfile.TarInfo(name); info.size = 3; t.addfile(info, io.BytesIO(b"out"))
        """
        let tar = work + "/hostile.tar"
        let made = try run("/usr/bin/python3", ["-c", script, tar, entry])
        try #require(made.status == 0, "\(made.stderr)")
        let outsideStaging = { listing(work).filter { !$0.hasPrefix("archive/staging") } }
        let before = outsideStaging()
        let (r, outcomes) = try ArchiveScenario.ingest(archive, as: "arkivarie-vanersborg", [tar],
                                                       extra: ["--agreement", "EAV-VBG-KS-CSV"])
        #expect(r.status == 1)
        let findings = outcomes.first?["findings"] as? [String] ?? []
        #expect(findings.contains { $0.contains("[\(rule)]") }, "\(findings)")
        #expect(outsideStaging() == before)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/absolute-bevara.txt"))
        #expect(!listing(archive + "/staging").contains { $0.hasPrefix("intake-") })
    }
}

/// A file whose bytes changed but whose size did not is caught by the SHA-256 computed while it is
/// copied into storage (ingest reads each file once), and nothing is stored.
@Suite struct IngestFixityTests {
    @Test func aSameSizeCorruptionIsRejectedAndNothingIsStored() throws {
        let archive = try ArchiveScenario.newArchive("fixity")
        let work = (archive as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: work) }
        let unpacked = work + "/sip"
        try FileManager.default.createDirectory(atPath: unpacked, withIntermediateDirectories: true)
        let untar = try run("/bin/tar", ["-xf", try ArchiveScenario.package("vbg.tar"), "-C", unpacked])
        try #require(untar.status == 0)
        let root = try #require(listing(unpacked).first { !$0.contains("/") })
        let victim = try #require(listing(unpacked + "/" + root).first { $0.hasSuffix(".pdf") })
        let path = unpacked + "/" + root + "/" + victim
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count / 2] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: path))

        let before = listing(archive + "/storage")
        let (r, outcomes) = try ArchiveScenario.ingest(archive, as: "arkivarie-vanersborg", [unpacked + "/" + root])
        #expect(r.status == 1)
        let findings = outcomes.first?["findings"] as? [String] ?? []
        #expect(findings.contains { $0.contains("[FIXITY-CHECKSUM]") && $0.contains((victim as NSString).lastPathComponent) },
                "\(findings)")
        #expect(listing(archive + "/storage") == before)
    }
}
