import BevaraModel
@testable import BevaraProfiles
import Foundation
import Testing

/// The generic-csv profile end to end: tables → catalog → streamed cases.
@Suite struct GenericCSVReaderTests {
    static let caseHeader = "Diarienummer;ArendeID;Arendemening;Status;Registrerad;Avslutad;Klass;KlassText;Enhet;Handlaggare;Sekretess;Lagrum;AldreDiarienummer"
    static let recordHeader = "HandlingID;Diarienummer;Lopnummer;Handlingstyp;Riktning;Datum;Rubrik;Avsandare;Mottagare;Sekretess;Lagrum;SekretessText"
    static let partyHeader = "Diarienummer;HandlingID;Namn;IDnummer;Organisation;Adress;Roll;SkyddadIdentitet"
    static let fileHeader = "HandlingID;Sokvag;Filnamn;SHA256"

    /// An export with the four tables; each argument is the data rows of one table.
    func export(cases: [String], records: [String] = [], parties: [String] = [], files: [String] = []) throws -> TempExport {
        let export = try TempExport()
        try export.write("arenden.csv", ([Self.caseHeader] + cases).joined(separator: "\n") + "\n")
        try export.write("handlingar.csv", ([Self.recordHeader] + records).joined(separator: "\n") + "\n")
        try export.write("parter.csv", ([Self.partyHeader] + parties).joined(separator: "\n") + "\n")
        try export.write("filer.csv", ([Self.fileHeader] + files).joined(separator: "\n") + "\n")
        return export
    }

    @Test func readsAllFourTablesIntoTheCatalog() throws {
        let export = try self.export(
            cases: [
                "KS 2021/123;A-77;Bygglov för fritidshus;Avslutat;2021-05-12;2022-03-01 14:05;2.4.1;Bygglov;Bygg- och miljö;Märta Åberg;Ja;OSL 21 kap. 3 §;KS 2021-000123",
                "KS 2021/124;;\"Remiss; \"\"Ny\"\" översiktsplan\";Pågående;2021-06;;;;;;Nej;;",
            ],
            records: [
                "KS 2021/123:1;KS 2021/123;1;Ansökan;Inkommande;2021-05-10;Ansökan om bygglov;Sören Näslund;;Ja;OSL 21 kap. 3 §;Skyddad adress",
                "KS 2021/123:2;KS 2021/0123;2;Beslut;U;2022-03-01;Beslut om bygglov;;Sören Näslund | Lantmäteriet;;;",
            ],
            parties: [
                "KS 2021/123;;Sören Näslund;196504121234;;Storgatan 1, 451 30 Uddevalla;Sökande;Ja",
                "KS 2021/123;KS 2021/123:2;Lantmäteriet;202100-4888;Lantmäteriet;;Mottagare;",
            ],
            files: [
                "KS 2021/123:1;KS_2021_123\\1_ansokan.pdf;Ansökan bygglov.pdf;ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789",
                "KS 2021/123:2;KS_2021_123/2_beslut.pdf;;",
            ])
        let result = try readExport(export, profile: try repoProfile("generic-csv"))
        #expect(result.findings.findings.isEmpty, "\(result.findings.findings)")
        // Parties: the three names in the records' sender and recipient columns, and the case's
        // table row; the decision's table row for Lantmäteriet merges into the name it already has.
        #expect(result.counts == ExportCatalog.Counts(cases: 2, records: 2, parties: 4, fileReferences: 2))

        let c = try #require(result.case("KS 2021/123"))
        #expect(c.systemID == "A-77")
        #expect(c.title == "Bygglov för fritidshus")
        #expect(c.status == .closed)
        #expect(c.opened == PartialDate(year: 2021, month: 5, day: 12, original: "2021-05-12"))
        #expect(c.closed == PartialDate(year: 2022, month: 3, day: 1, hour: 14, minute: 5, original: "2022-03-01 14:05"))
        #expect(c.classification == Classification(code: "2.4.1", text: "Bygglov"))
        #expect(c.unit == "Bygg- och miljö" && c.officer == "Märta Åberg")
        #expect(c.secrecy == [SecrecyMarking(kind: .secrecy, legalReference: "OSL 21 kap. 3 §")])
        #expect(c.extraIDs == [ExtraID(type: "Äldre diarienummer", value: "KS 2021-000123")])
        #expect(c.source == SourceLocation(file: "arenden.csv", line: 2))
        let applicant = try #require(c.parties.first)
        #expect(c.parties.count == 1)
        #expect(applicant.name == "Sören Näslund" && applicant.role == .applicant && applicant.protectedIdentity)
        #expect(applicant.identityNumber?.canonical == "196504121234")
        #expect(applicant.address == "Storgatan 1, 451 30 Uddevalla")
        #expect(applicant.source == SourceLocation(file: "parter.csv", line: 2))

        let records = result.records("KS 2021/123")
        #expect(records.map(\.id) == ["KS 2021/123:1", "KS 2021/123:2"])
        let application = records[0]
        #expect(application.runningNumber == 1 && application.type == "Ansökan" && application.direction == .incoming)
        #expect(application.date == PartialDate(year: 2021, month: 5, day: 10, original: "2021-05-10"))
        #expect(application.parties.map(\.name) == ["Sören Näslund"] && application.parties[0].role == .sender)
        #expect(application.secrecy == [SecrecyMarking(kind: .secrecy, legalReference: "OSL 21 kap. 3 §", explanation: "Skyddad adress")])
        // The files table is joined onto its record, path separators normalised.
        #expect(application.files.map(\.path) == ["KS_2021_123/1_ansokan.pdf"])
        #expect(application.files[0].originalName == "Ansökan bygglov.pdf")
        #expect(application.files[0].declaredChecksum == Checksum(algorithm: .sha256, value: "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"))
        #expect(application.files[0].source == SourceLocation(file: "filer.csv", line: 2))
        // The decision's case number is written differently but finds its case by search key;
        // the recipient list is split on the profile's list separator; the parties table's row for
        // Lantmäteriet completes the recipient of that name (its number), not a second copy.
        let decision = records[1]
        #expect(decision.caseNumber.verbatim == "KS 2021/0123" && decision.direction == .outgoing)
        #expect(decision.parties.map(\.name) == ["Sören Näslund", "Lantmäteriet"])
        #expect(decision.parties.map(\.role) == [.recipient, .recipient])
        #expect(decision.parties[1].identityNumber?.kind == .organisationsnummer)
        #expect(decision.parties[1].source == SourceLocation(file: "parter.csv", line: 3))
        #expect(decision.files.map(\.originalName) == ["2_beslut.pdf"] && decision.files[0].declaredChecksum == nil)
        #expect(decision.files.map(\.path) == ["KS_2021_123/2_beslut.pdf"])  // no `\`: kept as given

        let second = try #require(result.case("KS 2021/124"))
        #expect(second.title == "Remiss; \"Ny\" översiktsplan")
        #expect(second.status == .open && second.opened?.precision == .month)
        #expect(second.secrecy.isEmpty && second.classification == nil && second.unit == nil && second.extraIDs.isEmpty)
    }

    @Test func windows1252ExportDeclaredWindows1252ReadsSwedishLetters() throws {
        let export = try self.export(cases: ["KS 2021/1;;Ärende;Pågående;;;;;;;;;"])
        try export.write("parter.csv", bytes: windows1252(Self.partyHeader + "\nKS 2021/1;;Åsa Ödqvist;;;Skärgårdsvägen 2;Part;\n"))
        try export.write("arenden.csv", bytes: windows1252(Self.caseHeader + "\nKS 2021/1;;Ärende om tillstånd;Pågående;;;;;;;;;\n"))
        var profile = try repoProfile("generic-csv")
        profile.csv?.encoding = "windows-1252"
        let result = try readExport(export, profile: profile)
        #expect(result.findings.findings.isEmpty, "\(result.findings.findings)")
        #expect(result.case("KS 2021/1")?.title == "Ärende om tillstånd")
        #expect(result.case("KS 2021/1")?.parties.map(\.name) == ["Åsa Ödqvist"])
        #expect(result.case("KS 2021/1")?.parties.first?.address == "Skärgårdsvägen 2")
    }

    @Test func windows1252BytesDeclaredUTF8AreAnEncodingErrorWithFileLineAndOffset() throws {
        let export = try self.export(cases: ["KS 2021/1;;Ärende;Pågående;;;;;;;;;"])
        let before = Self.partyHeader + "\nKS 2021/1;;Kalle Anka;;;;;\nKS 2021/1;;"
        try export.write("parter.csv", bytes: windows1252(before + "Åsa Ödqvist;;;;;\nKS 2021/1;;Sist;;;;;\n"))
        let result = try readExport(export, profile: try repoProfile("generic-csv"))
        let errors = result.rules("csv.encoding")
        #expect(errors.count == 1)
        #expect(errors.first?.location == SourceLocation(file: "parter.csv", line: 3))
        #expect(errors.first?.message == "parter.csv is not valid UTF-8 at byte offset \(before.utf8.count) (line 3): an invalid UTF-8 sequence (0xC5 0x73); the rest of the file was not read")
        // Rows before the bad byte were read; nothing after it.
        #expect(result.case("KS 2021/1")?.parties.map(\.name) == ["Kalle Anka"])
    }

    @Test func utf8ByteOrderMarkIsSkipped() throws {
        let export = try self.export(cases: [])
        try export.write("arenden.csv", bytes: [0xEF, 0xBB, 0xBF] + Array((Self.caseHeader + "\nKS 2021/9;;Öppet ärende;Öppet;;;;;;;;;\n").utf8))
        let result = try readExport(export, profile: try repoProfile("generic-csv"))
        #expect(result.findings.findings.isEmpty, "\(result.findings.findings)")
        #expect(result.case("KS 2021/9")?.title == "Öppet ärende")
    }

    @Test func currencyDelimiterFromTheProfile() throws {
        let export = try TempExport()
        let header = Self.caseHeader.replacingOccurrences(of: ";", with: "¤")
        try export.write("arenden.csv", header + "\nKS 2016/448¤¤Möte; protokoll¤Avslutat¤NULL¤NULL¤NULL¤NULL¤NULL¤NULL¤NULL¤NULL¤NULL\n")
        try export.write("handlingar.csv", Self.recordHeader.replacingOccurrences(of: ";", with: "¤") + "\n")
        try export.write("parter.csv", Self.partyHeader.replacingOccurrences(of: ";", with: "¤") + "\n")
        try export.write("filer.csv", Self.fileHeader.replacingOccurrences(of: ";", with: "¤") + "\n")
        var profile = try repoProfile("generic-csv")
        profile.csv?.delimiter = "¤"
        let result = try readExport(export, profile: profile)
        #expect(result.findings.findings.isEmpty, "\(result.findings.findings)")
        let c = try #require(result.case("KS 2016/448"))
        #expect(c.title == "Möte; protokoll" && c.status == .closed)
        #expect(c.opened == nil && c.unit == nil && c.officer == nil && c.classification == nil && c.extraIDs.isEmpty)
    }

    @Test func nullTokensAreNoValueAndEmptyRequiredFieldsSkipTheRow() throws {
        let export = try self.export(cases: [
            "KS 2021/1;NULL;Riktigt ärende;NULL;NULL;NULL;NULL;NULL;NULL;NULL;NULL;NULL;NULL",
            "KS 2021/2;;NULL;Öppet;;;;;;;;;",
            "NULL;;Utan nummer;Öppet;;;;;;;;;",
        ], records: [
            "NULL;KS 2021/1;;;;;Utan id;;;;;",
        ])
        let result = try readExport(export, profile: try repoProfile("generic-csv"))
        let c = try #require(result.case("KS 2021/1"))
        #expect(c.systemID == nil && c.status == .unknown("") && c.opened == nil && c.unit == nil && c.secrecy.isEmpty)
        #expect(result.counts.cases == 1 && result.counts.records == 0)
        let missing = result.rules("metadata.missing")
        #expect(missing.map(\.location) == [SourceLocation(file: "arenden.csv", line: 3), SourceLocation(file: "arenden.csv", line: 4),
                                            SourceLocation(file: "handlingar.csv", line: 2)])
        #expect(missing.map(\.message) == [
            "required column Arendemening (title) is empty in the cases table; row skipped",
            "required column Diarienummer (diarienummer) is empty in the cases table; row skipped",
            "required column HandlingID (id) is empty in the records table; row skipped",
        ])
    }

    @Test func syntaxErrorRowIsReportedWithItsLineAndOtherRowsAreRead() throws {
        let export = try self.export(cases: [
            "KS 2021/1;;Första;Öppet;;;;;;;;;",
            "KS 2021/2;;För få fält;Öppet",
            "KS 2021/3;;\"Citat\" slut;Öppet;;;;;;;;;",
            "KS 2021/4;;\"Flera\nrader\";Öppet;;;;;;;;;",
            "KS 2021/5;;Sista;Öppet;;;;;;;;;",
        ])
        let result = try readExport(export, profile: try repoProfile("generic-csv"))
        #expect(result.cases.map(\.0.diarienummer.verbatim) == ["KS 2021/1", "KS 2021/4", "KS 2021/5"])
        #expect(result.case("KS 2021/4")?.title == "Flera\nrader")
        #expect(result.case("KS 2021/5")?.source == SourceLocation(file: "arenden.csv", line: 7))
        let syntax = result.rules("csv.syntax")
        #expect(syntax.map(\.location) == [SourceLocation(file: "arenden.csv", line: 3), SourceLocation(file: "arenden.csv", line: 4)])
        #expect(syntax.map(\.message) == [
            "row has 4 fields but the header has 13; row skipped",
            "field 3 has ' ' after its closing quote (a quote inside a quoted field must be doubled); row skipped",
        ])
    }

    @Test func missingColumnStopsThatTableOnly() throws {
        let export = try self.export(cases: [], records: ["KS 2021/1:1;KS 2021/1;1;;;;Rubrik;;;;;"])
        try export.write("arenden.csv", "Diarienummer;Status\nKS 2021/1;Öppet\n")
        var profile = try repoProfile("generic-csv")
        profile.tables?.cases.columns = ["diarienummer": "Diarienummer", "title": "Arendemening", "status": "Status", "unit": "Enhet"]
        let result = try readExport(export, profile: profile)
        #expect(result.counts.cases == 0 && result.counts.records == 1)
        let missing = result.rules("csv.missing-column")
        #expect(missing.map(\.location) == [SourceLocation(file: "arenden.csv", line: 1), SourceLocation(file: "arenden.csv", line: 1)])
        #expect(missing.map(\.message) == [
            "arenden.csv has no column 'Arendemening' (field 'title' in tables.cases maps to it); the cases table was not read",
            "arenden.csv has no column 'Enhet' (field 'unit' in tables.cases maps to it); the cases table was not read",
        ])
    }

    @Test func unmappedValuesAreKeptAndWarned() throws {
        let export = try self.export(
            cases: ["KS 2021/1;;Ärende;Pågånde;;;;;;;;;"],
            records: ["KS 2021/1:1;KS 2021/1;ett;;Okänd;;Rubrik;;;;;"],
            parties: ["KS 2021/1;;Någon;;;;Ombud;", "KS 2021/1;;Utan roll;;;;;", "KS 2021/1;KS 2021/1:1;Handlingens part;;;;;"])
        let result = try readExport(export, profile: try repoProfile("generic-csv"))
        #expect(result.case("KS 2021/1")?.status == .unknown("Pågånde"))
        #expect(result.records("KS 2021/1").first?.direction == .unknown)
        #expect(result.records("KS 2021/1").first?.runningNumber == nil)
        // Empty role: counterpart for a case party, other for a record's party (no warning).
        #expect(result.case("KS 2021/1")?.parties.map(\.role) == [.other, .counterpart])
        #expect(result.records("KS 2021/1").first?.parties.map(\.role) == [.other])
        let unmapped = result.rules("value.unmapped")
        #expect(unmapped.allSatisfy { $0.severity == .warning })
        #expect(unmapped.map(\.location) == [SourceLocation(file: "arenden.csv", line: 2), SourceLocation(file: "handlingar.csv", line: 2),
                                             SourceLocation(file: "parter.csv", line: 2)])
        #expect(unmapped.map(\.message) == [
            "Status 'Pågånde' is not in the profile's values.status map; kept as unknown status 'Pågånde'",
            "Riktning 'Okänd' is not in the profile's values.direction map; the record's direction is unknown",
            "Roll 'Ombud' is not in the profile's values.partyRole map; the party's role is 'other'",
        ])
        #expect(result.rules("value.invalid").map(\.message) == ["Lopnummer 'ett' is not a whole number; the running number was left out"])
    }

    @Test func invalidDateIsAnErrorAndTheRowIsStillRead() throws {
        let export = try self.export(
            cases: ["KS 2021/1;;Ärende;Öppet;2021-02-30;12/5/2022;;;;;;;"],
            records: ["KS 2021/1:1;KS 2021/1;1;;I;2021-05-10T25:00:00;Rubrik;;;;;"])
        let result = try readExport(export, profile: try repoProfile("generic-csv"))
        #expect(result.case("KS 2021/1")?.opened == nil && result.case("KS 2021/1")?.closed == nil)
        #expect(result.records("KS 2021/1").first?.date == nil)
        let invalid = result.rules("date.invalid")
        #expect(invalid.allSatisfy { $0.severity == .error })
        #expect(invalid.map(\.location) == [SourceLocation(file: "arenden.csv", line: 2), SourceLocation(file: "arenden.csv", line: 2),
                                            SourceLocation(file: "handlingar.csv", line: 2)])
        #expect(invalid.map(\.message) == [
            "Registrerad '2021-02-30' is not a valid date: day 30 does not exist in 2021-02",
            "Avslutad '12/5/2022' is not a valid date: matches none of the accepted formats (yyyy-MM-dd'T'HH:mm:ss, yyyy-MM-dd HH:mm:ss, yyyy-MM-dd HH:mm, yyyy-MM-dd, yyyy-MM, yyyy)",
            "Datum '2021-05-10T25:00:00' is not a valid date: hour 25 is out of range",
        ])
    }

    @Test func mojibakeIsWarnedWithLineAndColumn() throws {
        let export = try self.export(cases: ["KS 2021/1;;Bygglov i GÃ¶teborg;Öppet;;;;;Ã…mÃ¥l;;;;"])
        let result = try readExport(export, profile: try repoProfile("generic-csv"))
        let warnings = result.rules("csv.mojibake")
        #expect(warnings.map(\.severity) == [.warning, .warning])
        #expect(warnings.map(\.location) == [SourceLocation(file: "arenden.csv", line: 2), SourceLocation(file: "arenden.csv", line: 2)])
        #expect(warnings.map(\.message) == [
            "column 3 (Arendemening) contains 'Ã¶' where 'ö' was probably meant, typical of UTF-8 text encoded twice",
            "column 9 (Enhet) contains 'Ã¥' where 'å' was probably meant, typical of UTF-8 text encoded twice",
        ])
        #expect(result.case("KS 2021/1")?.title == "Bygglov i GÃ¶teborg")
    }

    @Test func invalidIdentityNumberIsWarnedWithoutShowingIt() throws {
        let export = try self.export(cases: ["KS 2021/1;;Ärende;Öppet;;;;;;;;;"],
                                     parties: ["KS 2021/1;;Person Ett;19650412-1238;;;;", "KS 2021/1;;Person Två;196504123;;;;"])
        let result = try readExport(export, profile: try repoProfile("generic-csv"))
        let warnings = result.rules("party.identity-number")
        #expect(warnings.map(\.location) == [SourceLocation(file: "parter.csv", line: 2), SourceLocation(file: "parter.csv", line: 3)])
        #expect(warnings.map(\.message) == [
            "IDnummer '19650412-****' (masked in this report, not in the export) is not a valid personnummer or organisationsnummer: its check digit is wrong; kept as delivered",
            "IDnummer '196504***' (masked in this report, not in the export) is not a valid personnummer or organisationsnummer: it has 9 digits, not 10 or 12; kept as delivered",
        ])
        #expect(!warnings.contains { $0.message.contains("1238") })
        #expect(result.case("KS 2021/1")?.parties.first?.identityNumber?.raw == "19650412-1238")
    }

    /// A sender named in handlingar.csv and described in parter.csv (with the protected-identity
    /// flag) is one party, flagged: never a second, unflagged copy of the name that a disclosure
    /// would show.
    @Test func aRecordsNamedPartyTakesTheFlagFromThePartiesTable() throws {
        let export = try self.export(
            cases: ["KS 2022/17;;Medborgarförslag;Avslutat;;;;;;;;;"],
            records: ["KS 2022/17:1;KS 2022/17;1;Skrivelse;Inkommande;2022-01-19;Medborgarförslag;Linnéa  Sjöberg;;Ja;OSL 21 kap. 3 §;",
                      "KS 2022/17:2;KS 2022/17;2;Skrivelse;Utgående;2022-02-01;Svar;;Linnéa Sjöberg;;;"],
            parties: ["KS 2022/17;KS 2022/17:1;Linnéa Sjöberg;19901103-****;;;;Ja",
                      "KS 2022/17;KS 2022/17:2;Linnéa Sjöberg;19901103-****;;;Mottagare;Ja",
                      "KS 2022/17;KS 2022/17:2;Ombudet;;;;Övrig;Nej"])
        let result = try readExport(export, profile: try repoProfile("generic-csv"))
        let records = result.records("KS 2022/17")
        #expect(records.map { $0.parties.map(\.name) } == [["Linnéa Sjöberg"], ["Linnéa Sjöberg", "Ombudet"]])
        #expect(records[0].parties[0].role == .sender && records[0].parties[0].protectedIdentity)
        #expect(records[1].parties[0].role == .recipient && records[1].parties[0].protectedIdentity)
        let linnea = records.flatMap(\.parties).filter { $0.name.hasPrefix("Linnéa") }
        #expect(linnea.count == 2 && linnea.allSatisfy { $0.protectedIdentity })
        #expect(result.counts.parties == 3)
        #expect(result.findings.findings.isEmpty, "\(result.findings.findings)")
    }

    /// A protected party's number delivered masked is how it should be: no warning, and not the
    /// "check digit is wrong" a malformed number gets. Masked for an unprotected party: a warning
    /// that says the digits were withheld.
    @Test func maskedNumberOfAProtectedPartyIsNotAWarning() throws {
        let export = try self.export(cases: ["KS 2022/17;;Ärende;Öppet;;;;;;;;;"],
                                     parties: ["KS 2022/17;;Linnéa Sjöberg;19901103-****;;;Sökande;Ja",
                                               "KS 2022/17;;Göran Källström;780623-XXXX;;;Part;Nej"])
        let result = try readExport(export, profile: try repoProfile("generic-csv"))
        let parties = try #require(result.case("KS 2022/17")).parties
        #expect(parties.map(\.identityNumber?.isMasked) == [true, true])
        #expect(parties[0].protectedIdentity && parties[0].identityNumber?.kind == .personnummer)
        #expect(parties[0].identityNumber?.raw == "19901103-****")
        let warnings = result.rules("party.identity-number")
        #expect(warnings.map(\.location) == [SourceLocation(file: "parter.csv", line: 3)])
        #expect(warnings.map(\.message) == [
            "IDnummer '780623-XXXX' has its last four digits withheld in the export, but the party is not marked as protected identity; kept as delivered",
        ])
        #expect(!result.findings.findings.contains { $0.message.contains("check digit") })
    }

    @Test func emptyTableFileHasNoHeader() throws {
        let export = try self.export(cases: ["KS 2021/1;;Ärende;Öppet;;;;;;;;;"])
        try export.write("parter.csv", "")
        let result = try readExport(export, profile: try repoProfile("generic-csv"))
        #expect(result.counts.cases == 1)
        #expect(result.rules("csv.syntax").map(\.message) == ["parter.csv has no header row; the parties table was not read"])
        #expect(result.rules("csv.syntax").first?.location == SourceLocation(file: "parter.csv", line: 1))
    }

    @Test func missingTableFileThrowsNamingTheFile() throws {
        let export = try self.export(cases: [])
        try FileManager.default.removeItem(atPath: export.path + "/handlingar.csv")
        #expect(throws: ExportReadError.missingMetadataFile(path: "handlingar.csv", exportRoot: export.path, profile: "generic-csv")) {
            _ = try readExport(export, profile: try repoProfile("generic-csv"))
        }
    }

    @Test func profileMistakesThrowBeforeReading() throws {
        let export = try self.export(cases: [])
        var profile = try repoProfile("generic-csv")
        profile.tables?.cases.columns["titel"] = "Arendemening"
        #expect(throws: ExportReadError.self) { _ = try readExport(export, profile: profile) }
        profile = try repoProfile("generic-csv")
        profile.csv?.encoding = "utf-16"
        #expect(throws: ExportReadError.invalidProfile(profile: "generic-csv", reason:
            "csv.encoding 'utf-16' is not supported (use utf-8, windows-1252 or iso-8859-1)")) { _ = try readExport(export, profile: profile) }
        profile = try repoProfile("generic-csv")
        profile.dateFormats = ["YYYY-MM-dd"]
        #expect(throws: ExportReadError.self) { _ = try readExport(export, profile: profile) }
    }

    /// The byte scan for Ã (C3 83) agrees with a scalar search, next to the other C3 letters of
    /// Swedish text and at either end.
    @Test func capitalATildeScanAgreesWithTheScalars() {
        let samples = ["", "a", "Ã", "xÃ", "Ãx", "åäö ÅÄÖ", "MalmÃ¶", "Ã¥", "\u{C3}", "e\u{301}", "Ã\u{301}", String(repeating: "ö", count: 40) + "Ã"]
        for sample in samples {
            #expect(CSVTableReader.containsCapitalATilde(sample) == sample.unicodeScalars.contains("\u{C3}"), "\(sample)")
        }
    }
}
