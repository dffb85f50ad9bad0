import BevaraArchiveIO
import BevaraIngest
import Foundation
import Testing

/// Validation of SIPs written by `TestSIP`: a clean one in every form, then one broken thing at a
/// time (lies in the METS, hostile XML, unsafe hrefs, links in a submitted folder).
@Suite struct SIPValidationTests {
    /// Writes the SIP into a fresh folder named after its OBJID and validates it in place.
    func validate(_ sip: TestSIP, tweak: (String) throws -> Void = { _ in }) throws -> SIPValidation {
        let work = try IntakeFixtures.temporaryFolder("sip")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let root = work + "/" + sip.objid
        try sip.write(to: root)
        try tweak(root)
        return try IntakeFixtures.validate(root, staging: work + "/staging")
    }

    @Test func cleanSIPIsValidWithNoFindings() throws {
        let v = try validate(TestSIP())
        #expect(v.isValid && v.findings.isEmpty, "\(IntakeFixtures.dump(v))")
        let d = try #require(v.description)
        #expect(d.objid == "uuid-0b6c2c0e-test" && d.label == "Test delivery" && d.type == "Datasets")
        #expect(d.contentInformationType == "citserms_v2_1" && d.oaisPackageType == "SIP" && d.recordStatus == "NEW")
        #expect(d.createDate == "2026-11-23T10:00:00+01:00")
        #expect(d.altRecordID("SUBMISSIONAGREEMENT") == "EAV-TEST-1")
        #expect(d.agents.map(\.name) == ["Test packager", "Vänersborgs kommun"])
        #expect(d.agents[1].notes == [.init(type: "IDENTIFICATIONCODE", value: "ORG:2120001637")])
        #expect(d.files.map(\.path) == ["documentation/readme.txt", "schemas/mets.xsd", "representations/rep1/METS.xml"])
        #expect(d.files.map(\.group) == ["Documentation", "Schemas", "Representations/rep1"])
        let rep = try #require(d.representations.first)
        #expect(rep.name == "rep1" && rep.metsPath == "representations/rep1/METS.xml")
        #expect(rep.files.map(\.path) == ["representations/rep1/data/a.txt", "representations/rep1/data/b.txt"])
        #expect(rep.files[0].size == 6 && rep.files[0].checksumType == "SHA-256" && rep.files[0].group == "Data")
        #expect(d.allFiles.count == 5)
    }

    @Test(arguments: [ArchiveWriter.Format.tar, .zip])
    func cleanSIPIsValidPacked(_ format: ArchiveWriter.Format) throws {
        let work = try IntakeFixtures.temporaryFolder("sip-packed")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let sip = TestSIP()
        try sip.write(to: work + "/folder")
        try IntakeFixtures.pack(work + "/folder", as: sip.objid, into: work + "/sip.\(format.rawValue)", format: format)
        let package = try PackageIntake.open(work + "/sip.\(format.rawValue)", stagingDirectory: work + "/staging")
        #expect(package.layout == .singleFolder(sip.objid) && package.root.hasSuffix("/" + sip.objid))
        let v = try SIPValidator().validate(package)
        #expect(v.isValid && v.findings.isEmpty, "\(IntakeFixtures.dump(v))")
        package.cleanUp()
        #expect(IntakeFixtures.listing(work + "/staging").isEmpty)
    }

    @Test(arguments: ["MD5", "SHA-1", "SHA-384", "SHA-512"])
    func otherChecksumTypesAreVerified(_ type: String) throws {
        var sip = TestSIP()
        sip.checksumType = type
        #expect(try validate(sip).isValid)
        sip.checksumLies = ["representations/rep1/data/a.txt": String(repeating: "0", count: 32)]
        let v = try validate(sip)
        #expect(v.findings("FIXITY-CHECKSUM").map(\.path) == ["representations/rep1/data/a.txt"])
    }

    @Test func metsThatLiesAboutSizeAndChecksumIsAnErrorNamingTheFile() throws {
        var sip = TestSIP()
        sip.sizeLies = ["representations/rep1/data/a.txt": "999"]
        sip.checksumLies = ["representations/rep1/data/b.txt": String(repeating: "ab", count: 32)]
        let v = try validate(sip)
        #expect(!v.isValid)
        #expect(IntakeFixtures.ruleIDs(v) == ["FIXITY-SIZE", "FIXITY-CHECKSUM"], "\(IntakeFixtures.dump(v))")
        let size = try #require(v.findings("FIXITY-SIZE").first)
        #expect(size.path == "representations/rep1/data/a.txt" && size.package == sip.objid)
        #expect(size.message.contains("representations/rep1/METS.xml line") && size.message.contains("SIZE=999, but the file has 6 bytes"))
        let checksum = try #require(v.findings("FIXITY-CHECKSUM").first)
        #expect(checksum.path == "representations/rep1/data/b.txt")
        #expect(checksum.message.contains("SHA-256 abab"))
    }

    @Test func missingSizeIsAFindingNotACrash() throws {
        var sip = TestSIP()
        sip.omitSize = ["representations/rep1/data/a.txt"]
        let v = try validate(sip)
        #expect(IntakeFixtures.ruleIDs(v) == ["CSIP69"], "\(IntakeFixtures.dump(v))")
        #expect(v.findings("CSIP69").first?.path == "representations/rep1/METS.xml")
        #expect(v.description?.representations.first?.files.first?.size == nil)
    }

    @Test func externalEntityIsRefusedBeforeParsing() throws {
        var sip = TestSIP()
        sip.rootPrologue = "<!DOCTYPE mets [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
        let v = try validate(sip)
        #expect(v.description == nil && !v.isValid)
        let finding = try #require(v.findings("XML-ENTITY").first)
        #expect(finding.path == "METS.xml" && finding.line == 2)
    }

    @Test func billionLaughsIsRefusedWithoutExpanding() throws {
        var sip = TestSIP()
        var entities = "<!ENTITY lol0 \"lol\">\n"
        for i in 1...9 { entities += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">\n" }
        sip.rootPrologue = "<!DOCTYPE mets [\n\(entities)]>\n"
        let started = Date()
        let v = try validate(sip)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(v.findings("XML-ENTITY").map(\.path) == ["METS.xml"])
        #expect(v.description == nil)
    }

    @Test func entityInARepresentationMETSIsRefusedToo() throws {
        let v = try validate(TestSIP()) { root in
            let path = root + "/representations/rep1/METS.xml"
            var text = try String(contentsOfFile: path, encoding: .utf8)
            text = text.replacingOccurrences(of: "?>\n<mets", with: "?>\n<!DOCTYPE mets SYSTEM \"http://example.org/evil.dtd\">\n<mets")
            try text.write(toFile: path, atomically: false, encoding: .utf8)
        }
        #expect(v.findings("XML-ENTITY").map(\.path) == ["representations/rep1/METS.xml"])
        // The root METS's checksum for the changed file is wrong too, and is reported as such.
        #expect(v.findings("FIXITY-CHECKSUM").map(\.path) == ["representations/rep1/METS.xml"])
    }

    @Test func malformedMETSIsReportedWithItsLine() throws {
        let v = try validate(TestSIP()) { root in
            try Data("<?xml version=\"1.0\"?>\n<mets xmlns=\"http://www.loc.gov/METS/\">\n<metsHdr>\n</mets>\n".utf8)
                .write(to: URL(fileURLWithPath: root + "/METS.xml"))
        }
        let finding = try #require(v.findings("XML-MALFORMED").first)
        #expect(finding.path == "METS.xml" && finding.line == 4)
        #expect(v.description == nil)
    }

    @Test func notMETSIsMalformed() throws {
        let v = try validate(TestSIP()) { root in
            try Data("<?xml version=\"1.0\"?>\n<html><body/></html>\n".utf8).write(to: URL(fileURLWithPath: root + "/METS.xml"))
        }
        #expect(v.findings("XML-MALFORMED").first?.message.contains("not a METS document") == true)
    }

    @Test(arguments: ["../../../../etc/passwd", "/etc/passwd", "http://example.org/a.txt", "file:///etc/passwd"])
    func unsafeHrefIsRefused(_ href: String) throws {
        var sip = TestSIP()
        sip.hrefs = ["data/a.txt": href]
        let v = try validate(sip)
        let finding = try #require(v.findings("PATH-UNSAFE").first, "\(IntakeFixtures.dump(v))")
        #expect(finding.path == "representations/rep1/METS.xml" && finding.message.contains(href))
        // The file the href should have named is then unreferenced.
        #expect(v.findings("FILE-UNREFERENCED").map(\.path) == ["representations/rep1/data/a.txt"])
    }

    @Test func percentEncodedHrefNamesTheFile() throws {
        var sip = TestSIP()
        sip.dataFiles = [("data/Beslut 2024 å.txt", Array("beslut\n".utf8))]
        sip.hrefs = ["data/Beslut 2024 å.txt": "data/Beslut%202024%20%C3%A5.txt"]
        let v = try validate(sip)
        #expect(v.isValid && v.findings.isEmpty, "\(IntakeFixtures.dump(v))")
        #expect(v.description?.representations.first?.files.first?.path == "representations/rep1/data/Beslut 2024 å.txt")
    }

    @Test func missingAndUnreferencedFilesAreReported() throws {
        let v = try validate(TestSIP()) { root in
            try FileManager.default.removeItem(atPath: root + "/representations/rep1/data/b.txt")
            try Data("stray".utf8).write(to: URL(fileURLWithPath: root + "/representations/rep1/data/stray.txt"))
        }
        #expect(v.findings("FILE-MISSING").map(\.path) == ["representations/rep1/data/b.txt"])
        let stray = try #require(v.findings("FILE-UNREFERENCED").first)
        #expect(stray.path == "representations/rep1/data/stray.txt" && stray.severity == .warning)
    }

    @Test func missingRepresentationMETSIsReported() throws {
        let v = try validate(TestSIP()) { root in
            try FileManager.default.removeItem(atPath: root + "/representations/rep1/METS.xml")
        }
        #expect(v.findings("FILE-MISSING").map(\.path) == ["representations/rep1/METS.xml"])
        #expect(v.findings("FILE-UNREFERENCED").map(\.path) == ["representations/rep1/data/a.txt", "representations/rep1/data/b.txt"])
    }

    @Test func csipAttributesInTheWrongNamespaceGetAHint() throws {
        let v = try validate(TestSIP()) { root in
            let path = root + "/METS.xml"
            let text = try String(contentsOfFile: path, encoding: .utf8)
                .replacingOccurrences(of: "https://DILCIS.eu/XML/METS/CSIPExtensionMETS", with: "https://dilcis.eu/XML/METS/CSIPExtensionMETS")
            try text.write(toFile: path, atomically: false, encoding: .utf8)
        }
        let finding = try #require(v.findings("CSIP9").first, "\(IntakeFixtures.dump(v))")
        #expect(finding.message.contains("https://dilcis.eu/XML/METS/CSIPExtensionMETS") && finding.message.contains("case-sensitive"))
        #expect(v.findings("CSIP16").count == 1)  // the software version note's csip:NOTETYPE is gone too
    }

    @Test func submittedFolderWithLinksAndDevicesIsRefusedListingEveryProblem() throws {
        let work = try IntakeFixtures.temporaryFolder("sip-links")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let root = work + "/pkg"
        try TestSIP().write(to: root)
        try FileManager.default.createSymbolicLink(atPath: root + "/representations/rep1/data/passwd", withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: root + "/documentation/up", withDestinationPath: "..")
        #expect(mkfifo(root + "/documentation/pipe", 0o644) == 0)
        let error = #expect(throws: IntakeError.self) {
            _ = try PackageIntake.open(root, stagingDirectory: work + "/staging")
        }
        guard case .refused(let findings) = error else {
            Issue.record("expected a refusal, got \(String(describing: error))")
            return
        }
        #expect(findings.map(\.ruleID).sorted() == ["SPECIAL-FILE", "SYMLINK", "SYMLINK"])
        #expect(Set(findings.map(\.path)) == ["representations/rep1/data/passwd", "documentation/up", "documentation/pipe"])
        #expect(findings.allSatisfy { $0.package == "pkg" })
    }

    @Test func findingsAreCappedPerRuleButCounted() throws {
        var sip = TestSIP()
        sip.dataFiles = (0..<30).map { ("data/f\($0).txt", Array("x\($0)\n".utf8)) }
        sip.omitSize = Set((0..<30).map { "representations/rep1/data/f\($0).txt" })
        let work = try IntakeFixtures.temporaryFolder("sip-cap")
        defer { try? FileManager.default.removeItem(atPath: work) }
        try sip.write(to: work + "/" + sip.objid)
        let package = try PackageIntake.open(work + "/" + sip.objid, stagingDirectory: work)
        let v = try SIPValidator(maxFindingsPerRule: 10).validate(package)
        #expect(v.counts["CSIP69"] == 30)
        #expect(v.findings("CSIP69").count == 11)  // ten, then one saying more were left out
        #expect(v.findings("CSIP69").last?.message.contains("were not listed") == true)
    }

    @Test func severityOverridesApply() throws {
        var sip = TestSIP()
        sip.omitSize = ["representations/rep1/data/a.txt"]
        let work = try IntakeFixtures.temporaryFolder("sip-override")
        defer { try? FileManager.default.removeItem(atPath: work) }
        try sip.write(to: work + "/" + sip.objid)
        let package = try PackageIntake.open(work + "/" + sip.objid, stagingDirectory: work)
        let v = try SIPValidator(severityOverrides: ["CSIP69": .warning]).validate(package)
        #expect(v.isValid && v.findings("CSIP69").first?.severity == .warning)
    }
}
