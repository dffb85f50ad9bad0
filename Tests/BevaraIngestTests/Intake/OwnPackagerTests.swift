import BevaraIngest
import BevaraTestSupport
import Foundation
import Testing

/// A SIP written by Bevara's own packager (`bevara package`, run as the built binary on the
/// committed Vänersborg fixture) is received and validated without a single finding.
@Suite struct OwnPackagerTests {
    /// Runs the built `bevara` with the repository's profiles and schemas; fails the test on a non-zero exit.
    static func runBevara(_ arguments: [String]) throws {
        let result = try bevara(arguments)
        #expect(result.status == 0, "bevara \(arguments.joined(separator: " ")) failed: \(result.stderr)")
    }

    func package(into out: String) throws {
        try Self.runBevara(["package", "--profile", "generic-csv", "--agreement", "EAV-VBG-KS-CSV", "--out", out,
                            IntakeFixtures.repositoryRoot + "/fixtures/vanersborg-ks-csv"])
    }

    @Test(arguments: ["tar", "zip", "folder"])
    func ownSIPIsValid(_ form: String) throws {
        #expect(FileManager.default.isExecutableFile(atPath: bevaraBinary), "build the package first: \(bevaraBinary)")
        let work = try IntakeFixtures.temporaryFolder("own")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let out = work + "/sip" + (form == "folder" ? "" : "." + form)
        try package(into: out)
        var progressBytes: Int64 = 0
        let package = try PackageIntake.open(out, stagingDirectory: work + "/staging")
        defer { package.cleanUp() }
        let v = try SIPValidator().validate(package) { progressBytes += $0 }
        let d = try #require(v.description)
        #expect(v.isValid, "\(IntakeFixtures.dump(v))")
        if form == "folder" {
            // A folder package takes the name given with --out ("sip"), not the OBJID: CSIPSTR2
            // (a SHOULD) notices. In a tar or zip the top folder is the OBJID, so nothing is found.
            #expect(v.findings.map(\.ruleID) == ["CSIPSTR2"], "\(IntakeFixtures.dump(v))")
            #expect(v.findings.first?.message.contains(d.objid) == true)
        } else {
            #expect(v.findings.isEmpty, "\(IntakeFixtures.dump(v))")
        }
        #expect(d.oaisPackageType == "SIP" && d.profile == "https://earksip.dilcis.eu/profile/E-ARK-SIP.xml")
        #expect(d.altRecordID("SUBMISSIONAGREEMENT") == "EAV-VBG-KS-CSV")
        #expect(d.objid.hasPrefix("uuid-"))
        // 48 content files (the packager's own count) are among the representation's files.
        let representationFiles = d.representations.flatMap(\.files)
        #expect(representationFiles.filter { $0.path.contains("/data/") }.count >= 48)
        #expect(representationFiles.allSatisfy { $0.checksumType == "SHA-256" && $0.size != nil })
        // Every byte of every referenced file went through the fixity pass.
        var sizes: [String: Int64] = [:]
        for file in d.allFiles { sizes[file.path] = file.size }
        for reference in d.metadataRefs + d.representations.flatMap(\.metadataRefs) { sizes[reference.path] = reference.size }
        let referencedBytes: Int64 = sizes.values.reduce(0, +)
        #expect(progressBytes == referencedBytes)
    }
}
