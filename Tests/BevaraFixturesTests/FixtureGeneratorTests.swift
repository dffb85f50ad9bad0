import BevaraArchiveIO
import BevaraModel
import BevaraProfiles
import Foundation
import Testing
@testable import BevaraFixtures

@Suite struct FixtureGeneratorTests {
    static let shapes = FixtureSpec.Shape.allCases

    @Test(arguments: shapes)
    func sameSeedGivesAByteIdenticalTreeAndAnotherSeedDoesNot(shape: FixtureSpec.Shape) throws {
        let a = try TestSupport.temporaryDirectory(), b = try TestSupport.temporaryDirectory()
        let c = try TestSupport.temporaryDirectory()
        defer { [a, b, c].forEach(TestSupport.remove) }
        let spec = FixtureSpec(shape: shape, cases: 12, recordsPerCase: 5, filesPerRecord: 1.3, sizeMix: .smallOnly, seed: 2024)
        let sa = try FixtureGenerator(spec: spec).write(to: a)
        let sb = try FixtureGenerator(spec: spec).write(to: b)
        var other = spec
        other.seed = 2025
        _ = try FixtureGenerator(spec: other).write(to: c)
        let ta = try TestSupport.tree(a), tb = try TestSupport.tree(b), tc = try TestSupport.tree(c)
        #expect(sa == sb)
        #expect(ta.count > 20)
        #expect(ta.keys.sorted() == tb.keys.sorted())
        #expect(ta == tb)
        #expect(ta != tc)
        let metadata = shape == .genericCSV ? "arenden.csv" : "arendehantering.xml"
        #expect(ta[metadata] != tc[metadata])
    }

    @Test(arguments: shapes)
    func filesAreIdentifiedAsIntendedAndChecksumsAndCountsMatchTheDisk(shape: FixtureSpec.Shape) throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let spec = FixtureSpec(shape: shape, cases: 25, recordsPerCase: 6, filesPerRecord: 1.4, seed: 77)
        let summary = try FixtureGenerator(spec: spec).write(to: dir)
        let counts = try ExportCheck.check(dir, shape: shape)
        #expect(counts == ExportCheck.counts(of: summary))
        #expect(summary.filesByKind.values.reduce(0, +) == summary.files)
        #expect(Set(summary.filesByKind.keys) == Set(FixtureFileKind.allCases.map(\.rawValue)), "all formats occur")
        #expect(summary.records >= 25 && summary.files > summary.records / 2)
        // Everything on disk is what the summary says was written.
        let total = try TestSupport.files(under: dir).reduce(Int64(0)) { $0 + (try TestSupport.size(dir + "/" + $1)) }
        #expect(total == summary.bytesWritten)
    }

    @Test(arguments: [(FixtureSpec.Shape.genericCSV, Int64(24_000_000)), (.fgs, Int64(6_000_000))])
    func aTargetSizeIsMetWithinAFewPercent(shape: FixtureSpec.Shape, target: Int64) throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let spec = FixtureSpec(shape: shape, cases: 30, recordsPerCase: 5, filesPerRecord: 1.2, targetBytes: target,
                               sizeMix: .realistic, seed: 5)
        let summary = try FixtureGenerator(spec: spec).write(to: dir)
        let total = try TestSupport.files(under: dir).reduce(Int64(0)) { $0 + (try TestSupport.size(dir + "/" + $1)) }
        #expect(total == summary.bytesWritten)
        let error = abs(Double(total - target)) / Double(target)
        #expect(error < 0.03, "wrote \(total) for a target of \(target)")
    }

    /// The output uses exactly the table names, headers, paths and value spellings the shipped
    /// profiles declare, so a profile reader can read it without any mapping of its own.
    @Test func csvOutputMatchesTheGenericCSVProfile() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        _ = try FixtureGenerator(spec: FixtureSpec(shape: .genericCSV, cases: 40, recordsPerCase: 4, seed: 9)).write(to: dir)
        let profile = try ProfileLibrary(directory: TestSupport.repoRoot + "/profiles").profile("generic-csv")
        let tables = try #require(profile.tables)
        #expect(profile.files.root == "filer")
        #expect(profile.files.manifest == "SHA256SUMS")
        #expect(profile.csv?.delimiter == ";" && profile.csv?.encoding == "utf-8")
        var allRows: [String: [[String: String]]] = [:]
        for table in [tables.cases, tables.records, tables.parties, tables.files].compactMap({ $0 }) {
            let csv = try TestSupport.csvTable(dir + "/" + table.file)
            #expect(Set(table.columns.values).isSubset(of: Set(csv.header)), "\(table.file) has every profile column")
            #expect(Set(csv.header).isSubset(of: Set(table.columns.values)), "\(table.file) has no other columns")
            allRows[table.file] = csv.rows
        }
        let values = try #require(profile.values)
        for row in allRows["arenden.csv"]! {
            #expect(values.lookup(values.status, row["Status"]!) != nil)
            #expect(Diarienummer(row["Diarienummer"]!).prefix == "KS")
        }
        for row in allRows["handlingar.csv"]! {
            #expect(values.lookup(values.direction, row["Riktning"]!) != nil)
            #expect(row["Sekretess"] == "Ja" || row["Sekretess"] == "Nej")
            if row["Sekretess"] == "Ja" { #expect(values.isTrue(row["Sekretess"]!)) }
        }
        for row in allRows["parter.csv"]! {
            #expect(values.lookup(values.partyRole, row["Roll"]!) != nil)
            #expect(!values.isTrue("Nej"))
            if let id = row["IDnummer"], !id.isEmpty { #expect(IdentityNumber(id).isValid, "\(id)") }
        }
    }

    @Test func fgsOutputMatchesTheFGSProfile() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        _ = try FixtureGenerator(spec: FixtureSpec(shape: .fgs, cases: 20, recordsPerCase: 4, seed: 9)).write(to: dir)
        let profile = try ProfileLibrary(directory: TestSupport.repoRoot + "/profiles").profile("fgs-arendehantering")
        let fgs = try #require(profile.fgs)
        let document = try TestSupport.xmlDocument(dir + "/" + fgs.document)
        let root = try #require(document.rootElement())
        #expect(root.localName == "Leveransobjekt")
        #expect(fgs.effectiveNamespaces.contains(root.uri ?? ""))
        #expect(root.uri == "http://xml.ra.se/e-arkiv/FGS-ERMS")
        #expect(profile.files.root == ".")
        let values = try #require(profile.values)
        for status in try TestSupport.xmlElements(dir + "/" + fgs.document, named: "StatusArande") {
            #expect(values.lookup(values.status, status.stringValue ?? "") != nil)
        }
        for status in try TestSupport.xmlElements(dir + "/" + fgs.document, named: "StatusHandling") {
            #expect(values.lookup(values.direction, status.stringValue ?? "") != nil)
        }
        for flag in try TestSupport.xmlElements(dir + "/" + fgs.document, named: "SkyddadIdentitet") {
            #expect(flag.stringValue == "true" || flag.stringValue == "false")
        }
        for id in try TestSupport.xmlElements(dir + "/" + fgs.document, named: "IDnummer") {
            #expect(IdentityNumber(id.stringValue ?? "").isValid)
            #expect(id.stringValue?.allSatisfy(\.isNumber) == true)
        }
        // Every case has the mandatory ArkivobjektID first and Arendemening.
        for c in try TestSupport.xmlElements(dir + "/" + fgs.document, named: "ArkivobjektArende") {
            #expect(c.children?.first?.localName == "ArkivobjektID")
            #expect(c.elements(forLocalName: "Arendemening", uri: root.uri ?? "").count == 1)
        }
    }

    @Test func contentLooksLikeAMunicipalDiarium() throws {
        let spec = FixtureSpec(shape: .genericCSV, cases: 400, recordsPerCase: 6, filesPerRecord: 1.2, seed: 31)
        let synthesizer = CaseSynthesizer(spec: spec)
        var records = 0, secret = 0, withoutLaw = 0, parties = 0, protected = 0, swedish = 0
        var dnrs = Set<String>()
        for i in 0..<spec.cases {
            let c = synthesizer.makeCase(index: i, number: i + 1, scale: 1)
            dnrs.insert(c.diarienummer)
            #expect(c.diarienummer.range(of: #"^KS 20(1[6-9]|2[0-3])/\d+$"#, options: .regularExpression) != nil)
            parties += c.parties.count
            protected += c.parties.filter(\.protectedIdentity).count
            for r in c.records {
                records += 1
                if let s = r.secrecy {
                    secret += 1
                    if s.legalReference == nil { withoutLaw += 1 }
                }
                #expect(r.date >= c.opened)
                if let closed = c.closed { #expect(r.date <= closed) }
                if r.title.contains(where: { "åäöÅÄÖ".contains($0) }) { swedish += 1 }
            }
        }
        #expect(dnrs.count == spec.cases)
        let secretShare = Double(secret) / Double(records)
        #expect(secretShare > 0.03 && secretShare < 0.07, "secrecy share \(secretShare)")
        #expect(withoutLaw > 0 && withoutLaw < secret)
        #expect(protected > 0 && Double(protected) / Double(parties) < 0.03)
        #expect(Double(records) / Double(spec.cases) > 5 && Double(records) / Double(spec.cases) < 7)
        #expect(swedish > records / 4)
    }

    @Test func refusesANonEmptyDestinationAndAnInvalidSpec() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        _ = FileManager.default.createFile(atPath: dir + "/keep.txt", contents: Data("x".utf8))
        #expect(throws: FixtureGenerator.GeneratorError.destinationNotEmpty(dir)) {
            try FixtureGenerator(spec: FixtureSpec(shape: .fgs, cases: 1)).write(to: dir)
        }
        #expect(throws: FixtureGenerator.GeneratorError.self) {
            try FixtureGenerator(spec: FixtureSpec(shape: .fgs, cases: 0)).write(to: dir + "/new")
        }
    }

    /// Not a timing test: the generator must not hold on to what it has written. Ten times the
    /// cases (metadata only, 40,000 records of FGS XML) may not cost more memory, measured on the
    /// real command in its own process.
    @Test func memoryStaysFlatAsTheCaseCountGrows() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        func peak(_ cases: Int) throws -> Int {
            try TestSupport.peakMemoryOfBevara(["fixture", "--shape", "fgs-arendehantering", "--cases", String(cases),
                                                "--records-per-case", "8", "--files-per-record", "0", dir + "/\(cases)"])
        }
        let small = try peak(500), large = try peak(5_000)
        #expect(Double(large) < Double(small) * 1.2 + 4_096, "peak \(small) KiB at 500 cases, \(large) KiB at 5,000")
    }
}
