import BevaraArchiveIO
import BevaraModel
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
        #expect(committed.keys.sorted() == rebuilt.keys.sorted())
        #expect(committed == rebuilt)
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
        #expect(numbers.filter { !IdentityNumber($0).isValid } == ["19780623-9848"])
        #expect(numbers.contains("19121212-1212"))
        #expect(numbers.contains { IdentityNumber($0).kind == .organisationsnummer })
        #expect(files.contains { $0["Filnamn"] == "Ansökan om bygglov – Åsa Ödqvist.pdf" })
        #expect(files.contains { $0["Filnamn"] == "Yttrande från miljöförvaltningen.docx" })
    }

    @Test func trollhattanCoversTheCasesTheBriefAsksFor() throws {
        let document = Self.fixturesRoot + "/trollhattan-ks-fgs/arendehantering.xml"
        let root = try #require(try TestSupport.xmlDocument(document).rootElement())
        #expect(root.uri == "http://xml.ra.se/e-arkiv/FGS-ERMS")
        let restrictions = try TestSupport.xmlElements(document, named: "Restriktion")
        #expect(restrictions.contains {
            $0.attribute(forName: "Typ")?.stringValue == "Sekretess" && !$0.elements(forLocalName: "Lagrum", uri: root.uri).isEmpty
        })
        let motparter = try TestSupport.xmlElements(document, named: "Motpart")
        #expect(motparter.contains { $0.elements(forLocalName: "SkyddadIdentitet", uri: root.uri).first?.stringValue == "true" })
        let cases = try TestSupport.xmlElements(document, named: "ArkivobjektArende")
        #expect(cases.contains { $0.elements(forLocalName: "ArkivobjektListaHandlingar", uri: root.uri).first?
            .elements(forLocalName: "ArkivobjektHandling", uri: root.uri).count ?? 0 >= 20 })
        let mimes = Set(try TestSupport.xmlElements(document, named: "Bilaga").compactMap { $0.attribute(forName: "Mimetyp")?.stringValue })
        #expect(mimes == Set(FixtureFileKind.allCases.map(\.mimeType)))
    }
}
