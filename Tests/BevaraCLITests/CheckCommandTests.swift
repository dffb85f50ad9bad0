import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test(arguments: [("vanersborg-ks-csv", "EAV-VBG-KS-CSV"), ("trollhattan-ks-fgs", "EAV-THN-KS-FGS")])
    func bundledFixturesPass(fixture: String, agreement: String) throws {
        let r = try bevara(["check", "--agreement", agreement, "--json", "fixtures/" + fixture])
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(report?["passed"] as? Bool == true)
        #expect(report?["contentVerified"] as? Bool == true)
        let totals = report?["totals"] as? [String: Any]
        #expect((totals?["cases"] as? Int ?? 0) >= 3)
        // The fixtures exercise secrecy and protected identity; nothing else should be an error.
        #expect(report?["errors"] as? Int == 0)
    }

    @Test func errorsExitOneAndNameFileAndRule() throws {
        let dir = try temporaryFolder("check")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let export = try copyFixture("vanersborg-ks-csv", to: dir)
        // Add a stray file nobody references and a duplicate case.
        try "glömd".write(toFile: export + "/filer/glomd.txt", atomically: true, encoding: .utf8)
        var cases = try String(contentsOfFile: export + "/arenden.csv", encoding: .utf8)
        // The fixture's CSV uses CRLF, which Swift treats as one Character.
        let firstCase = String(cases.split(whereSeparator: \.isNewline)[1])
        cases += firstCase + "\r\n"
        try cases.write(toFile: export + "/arenden.csv", atomically: true, encoding: .utf8)
        let r = try bevara(["check", "--agreement", "EAV-VBG-KS-CSV", export])
        #expect(r.status == 1)
        #expect(r.stdout.contains("error [case.duplicate-diarienummer] arenden.csv:2"), "\(r.stdout)")
        #expect(r.stdout.contains("warning [file.unreferenced] filer/glomd.txt"), "\(r.stdout)")
        #expect(r.stdout.contains("FAILED"))
    }

    @Test func unknownAgreementIsAConfigurationError() throws {
        let r = try bevara(["check", "--agreement", "NO-SUCH", "fixtures/vanersborg-ks-csv"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("NO-SUCH"))
    }
}
