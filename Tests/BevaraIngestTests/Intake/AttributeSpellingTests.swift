import BevaraIngest
import Foundation
import Testing

/// Validation reads SIZE, CHECKSUM, CHECKSUMTYPE and hrefs through fast paths for the usual
/// spelling; these pin down that the unusual spellings third-party producers write are still
/// read as before: padded numbers, lower-case or unhyphenated checksum types, `+` for a space.
@Suite struct AttributeSpellingTests {
    func validate(_ sip: TestSIP) throws -> SIPValidation {
        let work = try IntakeFixtures.temporaryFolder("spelling")
        defer { try? FileManager.default.removeItem(atPath: work) }
        try sip.write(to: work + "/" + sip.objid)
        var validator = SIPValidator()
        validator.severityOverrides = ["CSIP72": .warning]  // "sha256" is not the schema's spelling
        let package = try PackageIntake.open(work + "/" + sip.objid, stagingDirectory: work + "/staging")
        return try validator.validate(package)
    }

    @Test func paddedSizeIsReadAndChecked() throws {
        var sip = TestSIP()
        sip.sizeLies = ["representations/rep1/data/a.txt": " 6\t"]
        let v = try validate(sip)
        #expect(v.isValid && v.findings.isEmpty, "\(IntakeFixtures.dump(v))")
        sip.sizeLies = ["representations/rep1/data/a.txt": " 7 "]
        let lie = try validate(sip)
        #expect(lie.findings("FIXITY-SIZE").map(\.path) == ["representations/rep1/data/a.txt"])
        #expect(lie.findings("FIXITY-SIZE").first?.message.contains("SIZE=7, but the file has 6 bytes") == true)
    }

    @Test(arguments: ["sha256", "SHA256", "sha-256", "md5", "Sha-1"])
    func lenientChecksumTypesAreStillVerified(_ type: String) throws {
        var sip = TestSIP()
        sip.checksumType = type
        let v = try validate(sip)
        #expect(v.errorCount == 0, "\(IntakeFixtures.dump(v))")
        #expect(v.findings("FIXITY-UNSUPPORTED").isEmpty)
        sip.checksumLies = ["representations/rep1/data/b.txt": String(repeating: "0", count: 32)]
        let lie = try validate(sip)
        #expect(lie.findings("FIXITY-CHECKSUM").map(\.path) == ["representations/rep1/data/b.txt"])
    }

    @Test func formEncodedHrefStillFindsTheFile() throws {
        var sip = TestSIP()
        sip.dataFiles = [("data/Beslut 2024.txt", Array("beslut\n".utf8))]
        sip.hrefs = ["data/Beslut 2024.txt": "data/Beslut+2024.txt"]
        let v = try validate(sip)
        #expect(v.isValid && v.findings.isEmpty, "\(IntakeFixtures.dump(v))")
        #expect(v.description?.representations.first?.files.first?.path == "representations/rep1/data/Beslut 2024.txt")
    }

    @Test func aMissingFileWithAPlainHrefIsStillReported() throws {
        var sip = TestSIP()
        sip.hrefs = ["data/a.txt": "data/absent.txt"]
        let v = try validate(sip)
        #expect(v.findings("FILE-MISSING").map(\.path) == ["representations/rep1/data/absent.txt"], "\(IntakeFixtures.dump(v))")
    }
}
