import BevaraArchiveIO
import BevaraModel
@testable import BevaraProfiles
import Testing

@Suite struct ExportCatalogTests {
    let src = SourceLocation(file: "arenden.csv", line: 2)

    /// The manifest loads into a store of its own, here on another thread while the case tables
    /// load; the first read attaches it, so queries join it with the files table; loading more
    /// after that is an error, not a lost line.
    @Test func manifestLoadedAlongsideIsReadWithTheCatalog() throws {
        let catalog = try ExportCatalog()
        let store = try catalog.manifestStore()
        let digest = String(repeating: "ab", count: 32)
        try SideThread.run(threadName: "test-manifest", side: {
            for i in 0 ..< 3 { try store.add(path: "f/\(i).pdf", sha256: digest.uppercased(), line: i + 1) }
        }, while: {
            try catalog.add(BevaraModel.Record(id: "r1", caseNumber: Diarienummer("KS 2021/1"), direction: .incoming, title: "A", source: src))
            try catalog.add(file: FileReference(path: "f/1.pdf", source: src), recordID: "r1")
            try catalog.add(file: FileReference(path: "g/unlisted.pdf", source: src), recordID: "r1")
        })
        #expect(try !store.add(path: "f/0.pdf", sha256: digest, line: 9))
        try catalog.finishLoading()

        #expect(try catalog.manifestEntry(path: "f/2.pdf")?.sha256 == digest)
        #expect(try catalog.manifestEntry(path: "f/0.pdf")?.line == 1)
        #expect(try catalog.unlistedReferenceCount() == 1)
        var unreferenced: [String] = []
        try catalog.forEachManifestEntry(unreferencedOnly: true) { path, _, _ in unreferenced.append(path) }
        #expect(unreferenced == ["f/0.pdf", "f/2.pdf"])
        #expect(throws: ExportCatalogError.self) { try catalog.addManifestEntry(path: "late.pdf", sha256: digest, line: 4) }
    }

    @Test func streamsCasesWithRecordsPartiesAndFiles() throws {
        let catalog = try ExportCatalog()
        try catalog.add(Case(diarienummer: Diarienummer("KS 2021/1"), title: "Ett", status: .open, source: src))
        try catalog.add(Case(diarienummer: Diarienummer("KS 2021/2"), title: "Två", status: .closed, source: src))
        try catalog.add(BevaraModel.Record(id: "r1", caseNumber: Diarienummer("KS 2021/0001"), direction: .incoming, title: "A", source: src))
        try catalog.add(file: FileReference(path: "a.pdf", source: src), recordID: "r1")
        try catalog.add(party: Party(name: "Åsa Ödqvist", role: .counterpart), caseNumber: Diarienummer("KS 2021/1"), recordID: nil)
        try catalog.add(party: Party(name: "Sven", role: .sender), caseNumber: Diarienummer("KS 2021/1"), recordID: "r1")
        var seen: [(String, Int, [String], [String])] = []
        try catalog.forEachCase { c, records in
            seen.append((c.diarienummer.verbatim, records.count, c.parties.map(\.name), records.flatMap { $0.files.map(\.path) }))
            if let r = records.first { #expect(r.parties.map(\.name) == ["Sven"]) }
        }
        #expect(seen.map(\.0) == ["KS 2021/1", "KS 2021/2"])
        #expect(seen[0].1 == 1 && seen[1].1 == 0)
        #expect(seen[0].2 == ["Åsa Ödqvist"])
        #expect(seen[0].3 == ["a.pdf"])
        #expect(try catalog.isReferenced(path: "a.pdf"))
        #expect(try !catalog.isReferenced(path: "b.pdf"))
        #expect(try catalog.counts() == ExportCatalog.Counts(cases: 2, records: 1, parties: 2, fileReferences: 1))
    }

    /// FGS carries parties inside cases and records, not in a table of their own; they count as
    /// parties all the same (the preflight once said "0 parties" for an FGS export full of them).
    @Test func countsPartiesEmbeddedInCasesAndRecordsAndFromTheTable() throws {
        let catalog = try ExportCatalog()
        try catalog.add(Case(diarienummer: Diarienummer("KS 2022/301"), title: "Bygglov", status: .closed,
                             parties: [Party(name: "Björn Eriksson", role: .counterpart),
                                       Party(name: "Åke Sjögren", organisation: "Brf Sjöudden", role: .counterpart)],
                             source: src))
        try catalog.add(BevaraModel.Record(id: "r1", caseNumber: Diarienummer("KS 2022/301"), direction: .incoming, title: "Ansökan",
                                           parties: [Party(name: "Björn Eriksson", role: .sender)], source: src))
        try catalog.add(BevaraModel.Record(id: "r2", caseNumber: Diarienummer("KS 2022/301"), direction: .drawnUp, title: "PM",
                                           source: src))
        #expect(try catalog.counts().parties == 3)
        try catalog.add(party: Party(name: "Kerstin", role: .recipient), caseNumber: Diarienummer("KS 2022/301"), recordID: "r2")
        #expect(try catalog.counts() == ExportCatalog.Counts(cases: 1, records: 2, parties: 4, fileReferences: 0))
        var streamed = 0
        try catalog.forEachCase { c, records in streamed += c.parties.count + records.reduce(0) { $0 + $1.parties.count } }
        #expect(streamed == 4, "the count is what streaming hands the packager")
    }

    /// Table rows naming a record's bare-name party merge into it in row order, even when the
    /// row's case number is not the record's; a name already completed by an earlier row is not
    /// merged into again, and the merged rows are neither counted twice nor orphans.
    @Test func tableRowsMergeIntoBareNamesInRowOrder() throws {
        let catalog = try ExportCatalog()
        try catalog.add(Case(diarienummer: Diarienummer("KS 2023/5"), title: "Tillsyn", status: .open, source: src))
        try catalog.add(BevaraModel.Record(id: "r1", caseNumber: Diarienummer("KS 2023/5"), direction: .outgoing, title: "Beslut",
                                           parties: [Party(name: "Anna  Berg", role: .recipient), Party(name: "anna berg", role: .recipient),
                                                     Party(name: "Bo Ek", role: .recipient)], source: src))
        let wrongCase = Diarienummer("KS 1999/1")
        // Bare itself: takes the role of the name it merges into and leaves a bare name behind.
        try catalog.add(party: Party(name: "Bo  Ek", role: .other), caseNumber: wrongCase, recordID: "r1")
        try catalog.add(party: Party(name: "Anna Berg", address: "Storgatan 1", role: .counterpart), caseNumber: wrongCase, recordID: "r1")
        try catalog.add(party: Party(name: "ANNA BERG", address: "Lillgatan 2", role: .other), caseNumber: wrongCase, recordID: "r1")
        // Both Anna Bergs are completed now: a third row is a party of its own, and an orphan.
        try catalog.add(party: Party(name: "Anna Berg", address: "Torget 3", role: .other), caseNumber: wrongCase, recordID: "r1")
        var parties: [Party] = []
        try catalog.forEachCase { _, records in parties = records.first?.parties ?? [] }
        #expect(parties.map(\.address) == ["Storgatan 1", "Lillgatan 2", nil])
        #expect(parties.map(\.role) == [.counterpart, .recipient, .recipient])
        #expect(parties.map(\.name) == ["Anna Berg", "ANNA BERG", "Bo  Ek"])
        #expect(try catalog.counts().parties == 4)
        #expect(try catalog.partiesWithoutCase().map(\.caseKey) == [wrongCase.searchKey])
    }

    /// A row naming a record id that two records share merges into neither bare name (which
    /// record is meant is unknown): it is added beside them as a party of its own.
    @Test func aDuplicatedRecordIDTakesNoMerge() throws {
        let catalog = try ExportCatalog()
        let number = Diarienummer("KS 2023/5")
        try catalog.add(Case(diarienummer: number, title: "Tillsyn", status: .open, source: src))
        for _ in 0..<2 {
            try catalog.add(BevaraModel.Record(id: "r1", caseNumber: number, direction: .outgoing, title: "Beslut",
                                               parties: [Party(name: "Bo Ek", role: .recipient)], source: src))
        }
        try catalog.add(party: Party(name: "Bo Ek", address: "Gatan 1", role: .counterpart), caseNumber: number, recordID: "r1")
        var parties: [[Party]] = []
        try catalog.forEachCase { _, records in parties = records.map(\.parties) }
        #expect(parties.map { $0.map(\.address) } == [[nil, "Gatan 1"], [nil]])
        #expect(parties.map { $0.map(\.role) } == [[.recipient, .counterpart], [.recipient]])
    }

    @Test func findsDuplicatesAndOrphans() throws {
        let catalog = try ExportCatalog()
        try catalog.add(Case(diarienummer: Diarienummer("KS 2021/7"), title: "a", status: .open, source: SourceLocation(file: "c.csv", line: 2)))
        try catalog.add(Case(diarienummer: Diarienummer("KS 2021/007"), title: "b", status: .open, source: SourceLocation(file: "c.csv", line: 3)))
        try catalog.add(Case(diarienummer: Diarienummer("BUN 2021/7"), title: "c", status: .open, source: SourceLocation(file: "c.csv", line: 4)))
        try catalog.add(BevaraModel.Record(id: "x", caseNumber: Diarienummer("KS 2099/1"), direction: .incoming, title: "t", source: SourceLocation(file: "r.csv", line: 2)))
        try catalog.add(BevaraModel.Record(id: "x", caseNumber: Diarienummer("KS 2021/7"), direction: .incoming, title: "t", source: SourceLocation(file: "r.csv", line: 3)))
        try catalog.add(file: FileReference(path: "f", source: SourceLocation(file: "f.csv", line: 2)), recordID: "nope")
        let dups = try catalog.duplicateCaseNumbers()
        #expect(dups.count == 1)
        #expect(dups.first?.places == ["c.csv:2", "c.csv:3"])
        #expect(try catalog.duplicateRecordIDs().first?.places == ["r.csv:2", "r.csv:3"])
        #expect(try catalog.recordsWithoutCase().map(\.caseNumber) == ["KS 2099/1"])
        #expect(try catalog.filesWithoutRecord().map(\.recordID) == ["nope"])
    }

    /// A folder's referenced names answer exactly what `isReferenced` answers for each path in it,
    /// byte for byte: folders sharing a prefix, subfolders, Unicode normalisation forms.
    @Test func referencedNamesOfAFolderAgreeWithIsReferenced() throws {
        let catalog = try ExportCatalog()
        let nfc = "a/\u{E5}.pdf", nfd = "a/a\u{30A}.pdf"
        let listed = ["a/x.pdf", "a/y z.pdf", nfc, "a/sub/deep.pdf", "a b/x.pdf", "a0/x.pdf", "ab/x.pdf", "root.pdf", "b/c/d.pdf"]
        for (i, path) in listed.enumerated() {
            try catalog.add(file: FileReference(path: path, source: src), recordID: "r\(i)")
        }
        let probes = listed + [nfd, "a/none.pdf", "a/sub", "a b/y.pdf", "b/c/e.pdf", "b/d.pdf"]
        for folder in ["a", "a/sub", "a b", "a0", "ab", "b", "b/c", "none"] {
            let names = try #require(try catalog.referencedNames(inFolder: folder, limit: 100))
            for path in probes where path.utf8.starts(with: (folder + "/").utf8)
                && !path.utf8.dropFirst(folder.utf8.count + 1).contains(UInt8(ascii: "/")) {
                let name = Array(path.utf8.dropFirst(folder.utf8.count + 1))
                #expect((names[ByteKey(name)] != nil) == (try catalog.isReferenced(path: path)), "\(path)")
            }
        }
        #expect(try catalog.referencedNames(inFolder: "a", limit: 100)?.count == 3)
        #expect(try catalog.referencedNames(inFolder: "a", limit: 4) != nil)
        #expect(try catalog.referencedNames(inFolder: "a", limit: 3) == nil, "4 paths lie under a/ (one in a subfolder)")
    }

    /// The ASCII byte pass of `nameKey` gives what the general Character way gives, and
    /// non-ASCII names still take the general way.
    @Test(arguments: ["Anna Andersson", "  anna   ANDERSSON ", "Anna\tAndersson\r\nAB", "\u{0B}\u{0C}x\u{1C}y\u{1F}", "", " \t\n ",
                      "Lantmäteriet", "Sören  Näslund", "A\u{00A0}B", "ÅSA\u{2003}öberg", "e\u{0301} X", "Z@[`{ 09", "\r\n"])
    func nameKeyAgreesWithTheGeneralWay(name: String) {
        let general = name.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
        #expect(Array(ExportCatalog.nameKey(name).utf8) == Array(general.utf8))
    }

    /// Every scalar of U+0000–U+00FF, alone, doubled and between letters, in the Latin-1 byte
    /// pass; and random names mixing them with scalars beyond (which take the general way).
    @Test func nameKeyAgreesOnEveryLatin1Scalar() {
        for value in UInt32(0)...0xFF {
            let c = String(Character(Unicode.Scalar(value)!))
            for name in [c, c + c, "Å" + c + "b" + c, " " + c + " ", c + "\u{0301}x"] {
                let general = name.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
                #expect(Array(ExportCatalog.nameKey(name).utf8) == Array(general.utf8), "U+\(String(value, radix: 16))")
            }
        }
        #expect(ExportCatalog.latin1NameKey("Örjan Ström") == "örjan ström")
        #expect(ExportCatalog.latin1NameKey("Ærø\u{2003}x") == nil)
        var generator = SystemRandomNumberGenerator()
        let pool: [UInt32] = [0x20, 0x09, 0x0A, 0x0D, 0x41, 0x5A, 0x61, 0x85, 0xA0, 0xB5, 0xC5, 0xD6, 0xD7, 0xDE, 0xDF, 0xE5, 0xFF,
                              0x0301, 0x2003, 0x1E9E, 0x130]
        for _ in 0..<2_000 {
            let name = String(String.UnicodeScalarView((0..<Int.random(in: 0...8, using: &generator)).map { _ in
                Unicode.Scalar(pool.randomElement(using: &generator)!)!
            }))
            let general = name.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
            #expect(Array(ExportCatalog.nameKey(name).utf8) == Array(general.utf8), "\(name.unicodeScalars.map(\.value))")
        }
    }

    @Test func nameKeyAgreesOnEveryASCIIByte() {
        for b in UInt8(0)..<0x80 {
            let name = String(decoding: [0x41, b, b, 0x61, b], as: UTF8.self)
            let general = name.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
            #expect(Array(ExportCatalog.nameKey(name).utf8) == Array(general.utf8), "byte \(b)")
        }
    }
}
