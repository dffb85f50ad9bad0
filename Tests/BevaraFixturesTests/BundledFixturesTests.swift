import BevaraArchiveIO
import BevaraModel
import BevaraProfiles
import Foundation
import Testing
@testable import BevaraFixtures

/// The committed fixtures under `fixtures/`: rebuilt from code they are byte-identical to the
/// committed copies, internally consistent, and identified as fixtures/README.md states.
///
/// To rewrite them after changing the fixture code:
/// `BEVARA_WRITE_FIXTURES=1 swift test --filter BundledFixturesTests/rewriteCommittedFixtures`.
@Suite struct BundledFixturesTests {
    static let fixturesRoot = TestSupport.repoRoot + "/fixtures"

    @Test(.enabled(if: ProcessInfo.processInfo.environment["BEVARA_WRITE_FIXTURES"] == "1"))
    func rewriteCommittedFixtures() throws {
        for fixture in BundledFixture.allCases {
            let path = Self.fixturesRoot + "/" + fixture.directoryName
            TestSupport.remove(path)
            _ = try fixture.write(to: path)
        }
    }

    @Test(arguments: BundledFixture.allCases)
    func committedCopyIsWhatTheCodeWrites(fixture: BundledFixture) throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        _ = try fixture.write(to: dir + "/out")
        let committed = try TestSupport.tree(Self.fixturesRoot + "/" + fixture.directoryName)
        let rebuilt = try TestSupport.tree(dir + "/out")
        #expect(!committed.isEmpty, "fixtures/\(fixture.directoryName) is missing")
        // Name the files that differ rather than printing two whole trees.
        let paths = Set(committed.keys).union(rebuilt.keys).sorted()
        let differing = paths.filter { committed[$0] != rebuilt[$0] }
        #expect(differing.isEmpty, """
            fixtures/\(fixture.directoryName) differs from what the code writes: \(differing.prefix(10).joined(separator: ", ")); \
            regenerate with `.build/debug/bevara fixture --bundled \(fixture.rawValue) fixtures/\(fixture.directoryName)`
            """)
        #expect(committed.count == rebuilt.count && committed.count > 30)
    }

    @Test(arguments: BundledFixture.allCases)
    func referencesChecksumsAndCountsAreConsistent(fixture: BundledFixture) throws {
        let root = Self.fixturesRoot + "/" + fixture.directoryName
        let counts = try ExportCheck.check(root, shape: fixture.shape)
        let dir = try TestSupport.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let summary = try fixture.write(to: dir + "/out")
        #expect(counts == ExportCheck.counts(of: summary))
        #expect(Set(summary.filesByKind.keys) == Set(FixtureFileKind.allCases.map(\.rawValue)), "every format occurs")
        #expect(summary.secrecyMarkedRecords >= 2 && summary.secrecyMarkedRecordsWithoutLegalReference >= 1)
        #expect(summary.protectedIdentityParties >= 1 && summary.recordsWithoutFiles >= 1)
        var total: Int64 = 0
        for file in try TestSupport.files(under: root) { total += try TestSupport.size(root + "/" + file) }
        #expect(total < 300_000, "fixture is \(total) bytes")
    }

    /// Every binary file is listed in fixtures/README.md with the MIME type Bevara's
    /// FormatIdentifier (libmagic) reports for it, and the listing matches.
    @Test func readmeStatesTheMIMETypeOfEveryCommittedFile() throws {
        let readme = String(decoding: try TestSupport.bytes(Self.fixturesRoot + "/README.md"), as: UTF8.self)
        var stated: [String: String] = [:]
        for line in readme.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            stated[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = cells[1]
        }
        let identifier = try FormatIdentifier()
        var listed = 0
        for fixture in BundledFixture.allCases {
            let root = Self.fixturesRoot + "/" + fixture.directoryName
            for file in try TestSupport.files(under: root) where ExportCheck.kind(forExtension: (file as NSString).pathExtension) != nil {
                if fixture.shape == .fgs && file == "arendehantering.xml" { continue }
                let key = fixture.directoryName + "/" + file
                let mime = stated[key]
                #expect(mime != nil, "README does not list \(key)")
                let head = try FileDigest.stream(path: root + "/" + file).head
                #expect(identifier.identify(head: head, name: file).mime == mime, "\(key)")
                listed += 1
            }
        }
        #expect(listed == stated.count, "README lists only files that exist")
    }

    @Test func vanersborgCoversTheCasesTheBriefAsksFor() throws {
        let root = Self.fixturesRoot + "/vanersborg-ks-csv"
        let records = try TestSupport.csvTable(root + "/handlingar.csv").rows
        let parties = try TestSupport.csvTable(root + "/parter.csv").rows
        let files = try TestSupport.csvTable(root + "/filer.csv").rows
        #expect(try TestSupport.csvTable(root + "/arenden.csv").rows.count == 5)
        let perCase = Dictionary(grouping: records, by: { $0["Diarienummer"]! }).mapValues(\.count)
        #expect(perCase.values.contains { $0 >= 25 })
        let filesPerRecord = Dictionary(grouping: files, by: { $0["HandlingID"]! }).mapValues(\.count)
        #expect(filesPerRecord.values.allSatisfy { (1...3).contains($0) })
        #expect(records.contains { filesPerRecord[$0["HandlingID"]!] == nil }, "a record without files")
        #expect(records.contains { $0["Sekretess"] == "Ja" && $0["Lagrum"] == "OSL 26 kap. 1 §" })
        #expect(records.contains { $0["Sekretess"] == "Ja" && $0["Lagrum"] == "" })
        #expect(parties.contains { $0["SkyddadIdentitet"] == "Ja" })
        let numbers = Set(parties.compactMap { $0["IDnummer"] }.filter { !$0.isEmpty })
        #expect(numbers.filter { !IdentityNumber($0).isValid && !IdentityNumber($0).isMasked } == ["19780623-9848"])
        // The protected party's number is delivered masked, and only hers.
        let masked = parties.filter { IdentityNumber($0["IDnummer"] ?? "").isMasked }
        #expect(Set(masked.map { $0["IDnummer"]! }) == ["19901103-****"])
        #expect(!masked.isEmpty && masked.allSatisfy { $0["SkyddadIdentitet"] == "Ja" })
        #expect(numbers.contains("19121212-1212"))
        #expect(numbers.contains { IdentityNumber($0).kind == .organisationsnummer })
        #expect(files.contains { $0["Filnamn"] == "Ansökan om bygglov – Åsa Ödqvist.pdf" })
        #expect(files.contains { $0["Filnamn"] == "Yttrande från miljöförvaltningen.docx" })
    }

    /// Read through the project's own profile readers (BevaraProfiles), each fixture gives the
    /// cases, records, parties and files it was written with, its protected parties flagged, and
    /// no finding but the one it is built to raise (a wrong check digit in the CSV fixture).
    @Test(arguments: BundledFixture.allCases)
    func theProfileReaderReadsWhatWasWritten(fixture: BundledFixture) throws {
        let root = Self.fixturesRoot + "/" + fixture.directoryName
        let profile = try ProfileLibrary(directory: TestSupport.repoRoot + "/profiles").profile(fixture.shape.profileID)
        let catalog = try ExportCatalog()
        let findings = FindingCollector()
        try makeReader(for: profile).read(exportRoot: root, into: catalog, findings: findings)
        let dir = try TestSupport.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let summary = try fixture.write(to: dir + "/out")

        // CSV: a sender or recipient named in handlingar.csv and described in parter.csv is one party.
        #expect(try catalog.counts() == ExportCatalog.Counts(cases: summary.cases, records: summary.records,
                                                             parties: summary.parties, fileReferences: summary.files))
        var protected: [Party] = []
        var secretRecords = 0
        try catalog.forEachCase { c, records in
            protected += (c.parties + records.flatMap(\.parties)).filter(\.protectedIdentity)
            secretRecords += records.filter { !$0.secrecy.isEmpty }.count
            for r in records { #expect(Set(r.parties.map(\.name)).count == r.parties.count, "\(r.id) names a party twice") }
        }
        #expect(!protected.isEmpty && secretRecords == summary.secrecyMarkedRecords)
        switch fixture {
        case .vanersborgKSCSV:
            #expect(protected.allSatisfy { $0.identityNumber?.isMasked ?? true })
            #expect(findings.findings.map(\.rule) == ["party.identity-number", "party.identity-number"])
            #expect(findings.findings.allSatisfy { $0.message.hasPrefix("IDnummer '19780623-****' (masked in this report") })
        case .trollhattanKSFGS:
            #expect(protected.contains { $0.identityNumber?.isValid == true }, "a protected party with a full number")
            #expect(findings.findings.isEmpty, "\(findings.findings)")
        }
    }

    @Test func trollhattanCoversTheCasesTheBriefAsksFor() throws {
        let document = Self.fixturesRoot + "/trollhattan-ks-fgs/arendehantering.xml"
        let root = try #require(try TestSupport.xmlDocument(document).rootElement())
        #expect(root.uri == "http://xml.ra.se/e-arkiv/FGS-ERMS")
        let restrictions = try TestSupport.xmlElements(document, named: "Restriktion")
        #expect(restrictions.contains {
            TestSupport.attribute($0, "Typ") == "Sekretess" && !$0.elements(forLocalName: "Lagrum", uri: root.uri).isEmpty
        })
        let motparter = try TestSupport.xmlElements(document, named: "Motpart")
        #expect(motparter.contains { $0.elements(forLocalName: "SkyddadIdentitet", uri: root.uri).first?.stringValue == "true" })
        let cases = try TestSupport.xmlElements(document, named: "ArkivobjektArende")
        #expect(cases.contains { $0.elements(forLocalName: "ArkivobjektListaHandlingar", uri: root.uri).first?
            .elements(forLocalName: "ArkivobjektHandling", uri: root.uri).count ?? 0 >= 20 })
        let mimes = Set(try TestSupport.xmlElements(document, named: "Bilaga").compactMap { TestSupport.attribute($0, "Mimetyp") })
        #expect(mimes == Set(FixtureFileKind.allCases.map(\.mimeType)))
    }
}
