import BevaraArchiveIO
import BevaraIngest
import Foundation
import Testing

/// The third-party packages their sources call valid (`../shared/corpus/eark/valid`, provenance
/// and eark-validator verdicts in its SOURCES.md), each received packed and unpacked.
///
/// Only one of them is a clean E-ARK SIP 2.x whose METS still matches its files: commons-ip's
/// SIP, asserted valid. The others are older or are not SIPs, and SOURCES.md documents where
/// they disagree with 2.1; for each, the test asserts exactly those findings, so a regression
/// that adds or loses a finding fails.
@Suite struct CorpusValidTests {
    /// Validates the corpus package both as given and in the other form: a folder is also packed
    /// into a tar and a zip; an archive is also extracted (by intake) and validated in place.
    func bothForms(_ name: String) throws -> [(form: String, validation: SIPValidation)] {
        let staging = try IntakeFixtures.temporaryFolder("corpus-valid")
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let source = IntakeFixtures.valid(name)
        var out = [("as published", try IntakeFixtures.validate(source, staging: staging))]
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            for format in [ArchiveWriter.Format.tar, .zip] {
                let archive = staging + "/\(name).\(format.rawValue)"
                try IntakeFixtures.pack(source, as: name, into: archive, format: format)
                out.append(("packed as \(format.rawValue)", try IntakeFixtures.validate(archive, staging: staging)))
            }
        } else {
            let package = try PackageIntake.open(source, stagingDirectory: staging)
            defer { package.cleanUp() }
            let unpacked = try PackageIntake.open(package.root, stagingDirectory: staging)
            #expect(!unpacked.extracted)
            out.append(("unpacked folder", try SIPValidator().validate(unpacked)))
        }
        return out
    }

    @Test func commonsIPSIPIsValid() throws {
        // SOURCES.md: written by commons-ip 2.9.0-SNAPSHOT in 2025 (SIP 2.2 profile URL, which
        // intake accepts alongside 2.1's); fixity OK. It has no Documentation group (CSIP60) and
        // no content type on its representation group (CSIP62): warnings only.
        for (form, v) in try bothForms("6ab98a90-1686-4c74-9855-b2793a6d164d.zip") {
            #expect(v.isValid, "\(form):\n\(IntakeFixtures.dump(v))")
            #expect(IntakeFixtures.ruleIDs(v, severity: .warning) == ["CSIP60", "CSIP62"], "\(form)")
            let d = try #require(v.description)
            #expect(d.objid == "6ab98a90-1686-4c74-9855-b2793a6d164d")
            #expect(d.oaisPackageType == "SIP")
            #expect(d.profile == "https://earksip.dilcis.eu/profile/E-ARK-SIP-v2-2-0.xml")
            #expect(d.agents.contains { $0.otherType == "SOFTWARE" && $0.name == "COMMONS-IP" && $0.notes.first?.value == "2.9.0-SNAPSHOT" })
            #expect(d.metadataRefs.map(\.path).contains("metadata/descriptive/ead_2002.xml"))
            #expect(d.metadataRefs.first { $0.kind == .dmd }?.mdType == "EAD")
            let rep = try #require(d.representations.first)
            #expect(d.representations.count == 1)
            #expect(rep.name == "tiff" && rep.metsPath == "representations/tiff/METS.xml")
            // The representation METS says data/…; intake normalises to the package root.
            let tiff = try #require(rep.files.first)
            #expect(tiff.path == "representations/tiff/data/file_example_TIFF_1MB.tiff")
            #expect(tiff.size == 1_131_930 && tiff.checksumType == "SHA-256" && tiff.mimeType == "image/tiff" && tiff.group == "Data")
            #expect(rep.metadataRefs.map(\.path) == ["representations/tiff/metadata/technical/file_example_TIFF_1MB.tiff.xml"])
        }
    }

    @Test func csipMinimalWithSchemasHasDriftedFixityAndOldProfile() throws {
        // SOURCES.md: "FAIL: xlink.xsd size/MD5 (line endings changed after the METS was written)";
        // eark-validator: SIP2 (its PROFILE is the pre-2.x `…/profile/CSIP.xml`) and CSIP82 (its
        // structMap is labelled "CSIP StructMap", 2.1 wants "CSIP").
        for (form, v) in try bothForms("minimal_IP_with_schemas.zip") {
            #expect(IntakeFixtures.ruleIDs(v) == ["SIP2", "CSIP82", "FIXITY-SIZE", "FIXITY-CHECKSUM"], "\(form):\n\(IntakeFixtures.dump(v))")
            #expect(v.findings("FIXITY-SIZE").map(\.path) == ["schemas/xlink.xsd"])
            #expect(v.findings("FIXITY-CHECKSUM").map(\.path) == ["schemas/xlink.xsd"])
            #expect(v.findings("FIXITY-SIZE").first?.message.contains("SIZE=8322, but the file has 8052 bytes") == true)
        }
    }

    @Test func corpusMinimalIPWithOneRepresentationMissesItsMetsXsd() throws {
        // SOURCES.md: "FAIL: METS says schemas/METS.xsd, the file is schemas/mets.xsd". Written for
        // CSIP 2.0.3, it declares the CSIP profile on a SIP (SIP2, a warning: a known profile, not
        // the SIP one) and no content information type (CSIP4, a SHOULD on the package METS).
        for (form, v) in try bothForms("minimal_IP_with_1_representation") {
            #expect(IntakeFixtures.ruleIDs(v) == ["FILE-MISSING"], "\(form):\n\(IntakeFixtures.dump(v))")
            #expect(v.findings("FILE-MISSING").map(\.path) == ["schemas/METS.xsd"])
            #expect(v.findings("FILE-UNREFERENCED").map(\.path) == ["schemas/mets.xsd"])
            #expect(Set(v.warnings.map(\.ruleID)).isSuperset(of: ["SIP2", "CSIP4"]))
            let rep = try #require(v.description?.representations.first)
            #expect(rep.name == "rep1" && rep.metsPath == nil)
            #expect(rep.files.map(\.path) == ["representations/rep1/data/plain_text_document.txt"])
        }
    }

    @Test func corpusSIPWithShouldMayItemsHasDriftedLineEndings() throws {
        // SOURCES.md: "FAIL: 7 size/SHA-256 mismatches (line endings)". Its TYPE is "OTHER",
        // not the vocabulary's "Other" (CSIP2, a warning here).
        for (form, v) in try bothForms("minimal_SIP_plus_mets_SHOULD_MAY_items") {
            #expect(IntakeFixtures.ruleIDs(v) == ["FIXITY-SIZE", "FIXITY-CHECKSUM"], "\(form):\n\(IntakeFixtures.dump(v))")
            #expect(v.counts["FIXITY-SIZE"] == 7 && v.counts["FIXITY-CHECKSUM"] == 7, "\(form)")
            let d = try #require(v.description)
            #expect(d.altRecordIDs.contains { $0.type == "SUBMISSIONAGREEMENT" })
            // Its representation has no METS; the root lists its files in Representations/rep1/data.
            #expect(d.representations.map(\.name) == ["rep1"])
            #expect(d.representations[0].files.contains { $0.path == "representations/rep1/data/archival_record_xyz123_Estonian_UAM_arh.xml" })
        }
    }

    @Test func rodaAIPIsNotASIP() throws {
        // SOURCES.md: a RODA-made **AIP** (OAISPACKAGETYPE=AIP, PROFILE="NOT_DEFINED") whose
        // fixity is OK; its aip.json is not referenced. As a submission it breaks SIP4 and SIP2.
        for (form, v) in try bothForms("733dc055-34be-4260-85c7-5549a7083031") {
            #expect(IntakeFixtures.ruleIDs(v) == ["SIP2", "SIP4"], "\(form):\n\(IntakeFixtures.dump(v))")
            #expect(v.findings("FILE-UNREFERENCED").map(\.path) == ["aip.json"])
            let d = try #require(v.description)
            #expect(d.representations.first?.files.first?.path == "representations/rep1/data/RODA-in.png")
            #expect(d.metadataRefs.count == 11)
        }
    }
}
