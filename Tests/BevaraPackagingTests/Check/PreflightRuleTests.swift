import BevaraModel
import BevaraPackaging
import BevaraProfiles
import Foundation
import Testing

/// One broken export per preflight rule: each test asserts the rule id, that the message names
/// the file (and line where there is one), and the verdict.
@Suite struct PreflightRuleTests {
    @Test func cleanExportPasses() throws {
        let e = try PreflightExport()
        let report = try e.check()
        #expect(report.errors == 0, "\(report.text())")
        #expect(report.passed)
        #expect(report.totals.cases == 2 && report.totals.records == 3 && report.totals.fileReferences == 3)
        #expect(report.totals.filesOnDisk == 3)
        // Only the expected warning: the parties' organisation numbers are placeholders.
        #expect(Set(report.findings.map(\.rule)) == ["agreement.organisation-number"], "\(report.text())")
    }

    @Test func missingFile() throws {
        let e = try PreflightExport()
        e.fileRows.append(["R2", "ks-2021-1/bilaga.pdf", "Bilaga.pdf"])
        let report = try e.check()
        let f = try #require(report.findings("file.missing").first)
        #expect(f.severity == .error)
        #expect(f.location.file == "filer.csv" && f.location.line == 5)
        #expect(f.message.contains("filer/ks-2021-1/bilaga.pdf"))
        #expect(!report.passed)
    }

    /// Unreferenced files are found per folder from one query each: in the root, beside
    /// referenced files, in a subfolder between them, in folders sharing a name prefix.
    @Test func unreferencedFilesEverywhereInTheTree() throws {
        let e = try PreflightExport()
        e.contents["los.txt"] = "i roten"
        e.contents["ks-2021-1/a-kvar.txt"] = "bredvid"
        e.contents["ks-2021-1/under/djup.txt"] = "i en undermapp"
        e.contents["ks-2021-10/beslut.txt"] = "samma namn som en refererad fil, annan mapp"
        e.fileRows.append(["R3", "ks-2021-2/under/bilaga.txt", "Bilaga.txt"])
        e.contents["ks-2021-2/under/bilaga.txt"] = "refererad i en undermapp"
        let report = try e.check()
        let shown = Set(report.findings("file.unreferenced").map(\.location.file))
        #expect(shown == ["filer/los.txt", "filer/ks-2021-1/a-kvar.txt", "filer/ks-2021-1/under/djup.txt",
                          "filer/ks-2021-10/beslut.txt"], "\(report.text())")
        #expect(report.passed)
    }

    @Test func unreferencedFileIsAWarning() throws {
        let e = try PreflightExport()
        e.contents["ks-2021-2/kvarglomd.txt"] = "ingen pekar hit"
        let report = try e.check()
        let f = try #require(report.findings("file.unreferenced").first)
        #expect(f.severity == .warning)
        #expect(f.location.file == "filer/ks-2021-2/kvarglomd.txt")
        #expect(report.passed)
    }

    @Test func manifestChecksumMismatch() throws {
        let e = try PreflightExport()
        try e.write()
        // Change a file after the manifest was written; keep the old manifest.
        e.writeManifest = false
        e.contents["ks-2021-1/beslut.txt"] = "Beslut: bygglov avslås\n"
        let report = try e.check()
        let f = try #require(report.findings("file.checksum-mismatch").first, "\(report.text())")
        #expect(f.location.file == "SHA256SUMS" && f.location.line == 2)
        #expect(f.message.contains("filer/ks-2021-1/beslut.txt"))
        #expect(!report.passed)
    }

    @Test func manifestListsMissingFile() throws {
        let e = try PreflightExport()
        try e.write()
        try FileManager.default.removeItem(atPath: e.root + "/filer/ks-2021-2/remissvar.txt")
        e.contents["ks-2021-2/remissvar.txt"] = nil
        e.writeManifest = false
        let report = try e.check()
        #expect(report.findings("manifest.missing-file").first?.message.contains("filer/ks-2021-2/remissvar.txt") == true)
        #expect(report.findings("file.missing").count == 1)
    }

    @Test func duplicateDiarienummer() throws {
        let e = try PreflightExport()
        e.cases.append(["KS 2021/0001", "Samma ärende igen", "Pågående", "2021-03-02", ""])
        let report = try e.check()
        let f = try #require(report.findings("case.duplicate-diarienummer").first)
        #expect(f.message.contains("arenden.csv:2") && f.message.contains("arenden.csv:4"))
        #expect(!report.passed)
    }

    @Test func sameNumberInTwoDiariaIsFine() throws {
        let e = try PreflightExport()
        e.cases.append(["BUN 2021/1", "Skolskjuts", "Pågående", "2021-03-02", ""])
        let report = try e.check()
        #expect(report.findings("case.duplicate-diarienummer").isEmpty)
    }

    @Test func duplicateRecordID() throws {
        let e = try PreflightExport()
        e.records.append(["R2", "KS 2021/2", "Kopia", "2021-05-03", "Inkommande", "", ""])
        let report = try e.check()
        let f = try #require(report.findings("record.duplicate-id").first)
        #expect(f.message.contains("handlingar.csv:3") && f.message.contains("handlingar.csv:5"))
    }

    @Test func recordForUnknownCase() throws {
        let e = try PreflightExport()
        e.records.append(["R9", "KS 2020/99", "Vilse", "2021-05-03", "Inkommande", "", ""])
        let report = try e.check()
        let f = try #require(report.findings("record.unknown-case").first)
        #expect(f.location.file == "handlingar.csv" && f.location.line == 5)
        #expect(f.message.contains("KS 2020/99"))
    }

    @Test func invalidDate() throws {
        let e = try PreflightExport()
        e.cases[1][3] = "2021-13-45"
        let report = try e.check()
        let f = try #require(report.findings("date.invalid").first, "\(report.text())")
        #expect(f.location.file == "arenden.csv" && f.location.line == 3)
        #expect(f.message.contains("2021-13-45"))
        #expect(!report.passed)
    }

    @Test func undecodableCSV() throws {
        let e = try PreflightExport()
        try e.write()
        // A Windows-1252 "Ö" (0xD6) in a file the profile declares UTF-8.
        var bytes = Array("Diarienummer;Arendemening;Status;Registrerad;Avslutad;ArendeID;Klass;KlassText;Enhet;Handlaggare;Sekretess;Lagrum;AldreDiarienummer\nKS 2021/1;".utf8)
        bytes += [0xD6] + Array("versiktsplan;Avslutat;2021-03-01;;;;;;;;;\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: e.root + "/arenden.csv"))
        let report = try Preflight(profile: try profileLibrary.profile("generic-csv"), agreement: nil, organisation: nil)
            .run(exportRoot: e.root, catalog: try ExportCatalog(), readContent: true)
        let f = try #require(report.findings("csv.encoding").first, "\(report.text())")
        #expect(f.location.file == "arenden.csv" && f.location.line == 2)
        #expect(!report.passed)
    }

    @Test func zeroByteFile() throws {
        let e = try PreflightExport()
        e.contents["ks-2021-1/beslut.txt"] = ""
        let report = try e.check()
        let f = try #require(report.findings("file.zero-byte").first)
        #expect(f.severity == .error)
        #expect(f.message.contains("filer/ks-2021-1/beslut.txt"))
    }

    @Test func unsafeFileNameIsAPortabilityWarning() throws {
        let e = try PreflightExport()
        e.fileRows[0][2] = "Ansökan: del 1?.txt"
        let report = try e.check()
        let f = try #require(report.findings("file.name-portability").first)
        #expect(f.severity == .warning)
        #expect(f.message.contains("Ansökan: del 1?.txt"))
    }

    @Test func formatOutsideTheAgreement() throws {
        let e = try PreflightExport()
        // Lysekil's agreement accepts only PDF/A, plain text and XML: a PNG is refused.
        e.contents["ks-2021-1/karta.png"] = String(decoding: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE], as: UTF8.self)
        e.fileRows.append(["R1", "ks-2021-1/karta.png", "Karta.png"])
        let report = try e.check(agreement: "EAV-LYS-KS-CSV")
        let f = try #require(report.findings("file.format-not-accepted").first, "\(report.text())")
        #expect(f.location.file == "filer/ks-2021-1/karta.png")
        #expect(f.message.contains("EAV-LYS-KS-CSV"))
    }

    @Test func pathTraversalIsRefusedAndNothingOutsideIsRead() throws {
        let e = try PreflightExport()
        let outside = (e.root as NSString).deletingLastPathComponent + "/bevara-secret-\(UUID().uuidString).txt"
        try "hemligt".write(toFile: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        e.fileRows.append(["R1", "../../" + (outside as NSString).lastPathComponent, "x.txt"])
        let report = try e.check()
        let f = try #require(report.findings("file.unsafe-path").first)
        #expect(f.location.file == "filer.csv" && f.location.line == 5)
        #expect(f.message.contains("'..' segment"))
    }

    @Test func symlinkPointingOutsideIsRefused() throws {
        let e = try PreflightExport()
        try e.write()
        try FileManager.default.createSymbolicLink(atPath: e.root + "/filer/ks-2021-1/passwd.txt", withDestinationPath: "/etc/passwd")
        e.fileRows.append(["R1", "ks-2021-1/passwd.txt", "passwd.txt"])
        let report = try e.check()
        let symlinks = report.findings("file.symlink")
        #expect(symlinks.contains { $0.location.file == "filer.csv" && $0.message.contains("/etc/passwd") })
        #expect(symlinks.contains { $0.location.file == "filer/ks-2021-1/passwd.txt" })
        #expect(!report.passed)
    }

    @Test func agreementForAnotherProfile() throws {
        let e = try PreflightExport()
        let report = try e.check(agreement: "EAV-THN-KS-FGS", profile: "generic-csv")
        #expect(report.findings("agreement.profile-mismatch").first?.message.contains("fgs-arendehantering") == true)
    }

    @Test func secrecyWithoutLegalReferenceIsAWarning() throws {
        let e = try PreflightExport()
        e.records[0][5] = "Ja"
        let report = try e.check()
        let f = try #require(report.findings("secrecy.no-legal-reference").first)
        #expect(f.severity == .warning && f.location.line == 2)
    }
}
