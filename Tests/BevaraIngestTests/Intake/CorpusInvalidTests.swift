import BevaraIngest
import Foundation
import Testing

/// Every third-party package its source calls invalid (`../shared/corpus/eark/invalid`; what
/// each breaks is in SOURCES.md) is rejected with the rule it was made to break.
@Suite struct CorpusInvalidTests {
    static let cases: [(name: String, rule: String, path: String)] = [
        ("minimal_IP_invmets.zip", "CSIP14", "METS.xml"),       // <namez> instead of the software agent's <name>
        ("minimal_IP_nocrtdt.zip", "CSIP7", "METS.xml"),        // metsHdr without CREATEDATE
        ("minimal_IP_noflscid.zip", "CSIP59", "METS.xml"),      // fileSec without ID
        ("minimal_IP_nomtshdr.zip", "CSIP117", "METS.xml"),     // no metsHdr (crashes eark-validator)
        ("minimal_IP_nopcktyp.zip", "CSIP9", "METS.xml"),       // no csip:OAISPACKAGETYPE
        ("mets-xml_mets_OBJID_attribute_not_exist", "CSIP1", "METS.xml"),
        ("file_missing_SIZE_attribute", "CSIP69", "METS.xml"), // crashes eark-validator (KeyError)
        ("sip_mets_PROFILE_value_incorrect", "SIP2", "METS.xml"),
        ("no_mets.tar.gz", "METS-MISSING", "METS.xml"),
        ("multi_dir.zip", "CSIPSTR1", ""),
    ]

    @Test(arguments: cases.map(\.name))
    func rejectedWithTheBrokenRule(_ name: String) throws {
        let expected = try #require(Self.cases.first { $0.name == name })
        let staging = try IntakeFixtures.temporaryFolder("corpus-invalid")
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let v = try IntakeFixtures.validate(IntakeFixtures.invalid(name), staging: staging)
        #expect(!v.isValid)
        let hits = v.findings(expected.rule).filter { $0.severity == .error }
        #expect(!hits.isEmpty, "\(name): expected \(expected.rule):\n\(IntakeFixtures.dump(v))")
        #expect(hits.allSatisfy { $0.package == name && $0.path == expected.path })
        #expect(IntakeFixtures.listing(staging).isEmpty, "staging copy removed by cleanUp")
    }

    @Test func missingSizeIsAFindingAndTheRestIsStillChecked() throws {
        // eark-validator crashes on this one (KeyError: 'SIZE'); intake reports CSIP69 and goes on.
        let staging = try IntakeFixtures.temporaryFolder("corpus-invalid")
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let v = try IntakeFixtures.validate(IntakeFixtures.invalid("file_missing_SIZE_attribute"), staging: staging)
        let finding = try #require(v.findings("CSIP69").first)
        #expect(finding.line == 56 && finding.message.contains("ID-root-mets-fileSec-fileGrp-Doc-file-doc1"))
        let doc = try #require(v.description?.files.first { $0.path == "documentation/Doc1.txt" })
        #expect(doc.size == nil && doc.checksum != nil)
        // Its checksum was still verified (no FIXITY finding for it) and its twin's known flaw found.
        #expect(!v.findings.contains { $0.path == "documentation/Doc1.txt" })
        #expect(v.findings("FILE-MISSING").map(\.path) == ["schemas/METS.xsd"])
    }

    @Test func badRODATwinNamesEveryAlteredAndMissingFile() throws {
        // SOURCES.md: eark-validator gives the -bad twin the same report as the good one; the
        // fixity check finds "1 missing file, 16 size and 17 checksum mismatches".
        let staging = try IntakeFixtures.temporaryFolder("corpus-invalid")
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let v = try IntakeFixtures.validate(IntakeFixtures.invalid("733dc055-34be-4260-85c7-5549a7083031-bad"), staging: staging)
        #expect(v.counts["FILE-MISSING"] == 1)
        #expect(v.findings("FILE-MISSING").first?.path == "metadata/descriptive/ead2002.xml")
        #expect(v.counts["FIXITY-SIZE"] == 16)
        #expect(v.counts["FIXITY-CHECKSUM"] == 17)
        // A checksum that differs only in its first hex digit is caught (comparison is case-insensitive otherwise).
        #expect(v.findings("FIXITY-CHECKSUM").contains { $0.path == "representations/rep1/data/RODA-in.png" })
    }
}
