import BevaraIndex
import Foundation
import Testing

/// Both bundled fixtures, packaged by the real CLI and indexed like ingest will: every filter
/// finds what the fixture's ERMS says it should.
///
/// The index is built once per test process (pdftotext runs for every PDF) and only read.
@Suite struct FixtureIndexTests {
    struct Built: Sendable {
        let vbg: FixtureSIP
        let thn: FixtureSIP
        let index: ArchiveIndex
        let vbgSummary: ERMSIndexSummary
        let thnSummary: ERMSIndexSummary
    }

    static let built: Result<Built, any Error> = Result {
        let vbg = try fixture(FixtureSIP.vanersborg)
        let thn = try fixture(FixtureSIP.trollhattan)
        let (index, _) = try makeIndex("fixtures")
        // Vänersborg with the ERMS read before its files, Trollhättan after: both must link.
        let vbgSummary = try indexSIP(vbg, into: index)
        let thnSummary = try indexSIP(thn, into: index, order: .filesFirst)
        return Built(vbg: vbg, thn: thn, index: index, vbgSummary: vbgSummary, thnSummary: thnSummary)
    }

    let vbg: FixtureSIP
    let thn: FixtureSIP
    let index: ArchiveIndex
    let vbgSummary: ERMSIndexSummary
    let thnSummary: ERMSIndexSummary

    init() throws {
        let b = try Self.built.get()
        (vbg, thn, index, vbgSummary, thnSummary) = (b.vbg, b.thn, b.index, b.vbgSummary, b.thnSummary)
    }

    private var both: Set<String> { ["vanersborg", "trollhattan"] }

    private func search(_ q: SearchQuery, _ orgs: Set<String>? = nil) throws -> SearchPage {
        try index.search(q, organisations: orgs ?? both)
    }

    @Test func ermsReaderCountsMatchThePackagerAndLinksEveryAppendix() throws {
        // `bevara package` reported 5 cases / 42 records / 48 files and 4 / 30 / 35.
        #expect(vbgSummary.cases == 5 && vbgSummary.records == 42 && vbgSummary.appendices == 48)
        #expect(thnSummary.cases == 4 && thnSummary.records == 30 && thnSummary.appendices == 35)
        #expect(vbgSummary.declaredObjectID == vbg.objectID)
        // ERMS first: links wait for addFile; files first: linked at once.
        #expect(vbgSummary.pendingLinks == 48 && vbgSummary.linkedFiles == 0)
        #expect(thnSummary.linkedFiles == 35 && thnSummary.pendingLinks == 0)
        #expect(vbgSummary.invalidAppendixPaths.isEmpty && thnSummary.invalidAppendixPaths.isEmpty)
        // Every appendix's file names its record in the dump (no content file is left unlinked).
        let dump = try index.canonicalDump()
        let contentFiles = dump.split(separator: "\n").filter {
            $0.hasPrefix("file\t") && $0.contains("\trepresentations/rep1/data/") && !$0.contains("/erms.xml\t")
        }
        #expect(contentFiles.count == 48 + 35)
        #expect(contentFiles.allSatisfy { !$0.contains("\t∅\t∅\t") }, "a content file without case and record")
        let status = try index.status()
        #expect(status.map(\.organisationID) == ["trollhattan", "vanersborg"])
        let v = try #require(status.first { $0.organisationID == "vanersborg" })
        #expect(v.packages == 1 && v.cases == 5 && v.records == 42 && v.files == relativeFiles(under: vbg.root).count)
    }

    @Test func diarienummerExactInAnySpellingAndPrefix() throws {
        for spelling in ["KS 2021/123", "ks 2021-0123", "KS  2021/000123"] {
            let page = try search(SearchQuery(diarienummer: spelling))
            #expect(page.hits.map(\.caseDiarienummer) == ["KS 2021/123"], "\(spelling)")
            #expect(page.hits.first?.recordID == nil, "a dnr-only query lists the case")
            #expect(page.hits.first?.caseTitle.hasPrefix("Ansökan om bygglov för nybyggnad") == true)
        }
        let y2022 = try search(SearchQuery(diarienummer: "KS 2022/"))
        #expect(Set(y2022.hits.map(\.caseDiarienummer)) == ["KS 2022/17", "KS 2022/88", "KS 2022/301", "KS 2022/455"])
        #expect(y2022.total == 4)
        let starred = try search(SearchQuery(diarienummer: "KS 2023-*"), ["trollhattan"])
        #expect(Set(starred.hits.map(\.caseDiarienummer)) == ["KS 2023/58", "KS 2023/102"])
        let allKS = try search(SearchQuery(diarienummer: "KS/"))
        #expect(allKS.total == 9)
    }

    @Test func fullTextFindsTitlesPartiesAndDocumentText() throws {
        // Title word, both organisations have bygglov cases.
        let bygglov = try search(SearchQuery(text: "bygglov"))
        #expect(Set(bygglov.hits.map(\.caseDiarienummer)).isSuperset(of: ["KS 2021/123", "KS 2022/301"]))
        // Prefix.
        let prefix = try search(SearchQuery(text: "cykel*"), ["trollhattan"])
        #expect(prefix.hits.contains { $0.caseDiarienummer == "KS 2023/58" })
        // A word only inside a PDF's text layer finds the PDF's record.
        let pdfWord = try search(SearchQuery(text: "Skadeståndsanspråk"), ["vanersborg"])
        #expect(pdfWord.hits.contains { $0.recordID == "KS 2021/245:1" })
        // Text that is not FTS5 syntax (a dnr with '/') is searched as words.
        let dnrText = try search(SearchQuery(text: "KS 2021/123"), ["vanersborg"])
        #expect(dnrText.hits.first?.caseDiarienummer == "KS 2021/123")
        // Hits from one case's case row and record rows are separate units, never duplicates.
        let keys = bygglov.hits.map { "\($0.caseDiarienummer)|\($0.recordID ?? "")" }
        #expect(Set(keys).count == keys.count)
    }

    @Test func documentTextOfDocxXmlAndTxtIsSearchable() throws {
        for (word, record) in try documentWords() {
            let page = try search(SearchQuery(text: "\"\(word)\""), ["vanersborg"])
            #expect(page.hits.contains { $0.recordID == record }, "\(word) → \(record)")
        }
    }

    /// A distinctive word from each extracted file of KS 2021/123, with the record it belongs to.
    private func documentWords() throws -> [(String, String)] {
        var out: [(String, String)] = []
        let folder = vbg.root + "/representations/rep1/data/KS_2021_123"
        let byRecord = ["004-": "KS 2021/123:2", "005-": "KS 2021/123:3", "006-": "KS 2021/123:4"]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
            guard let record = byRecord.first(where: { name.hasPrefix($0.key) })?.value else { continue }
            guard case .text(let text, _) = TextExtractor.extract(path: folder + "/" + name, mime: mimeType(of: name)) else {
                Issue.record("no text from \(name)")
                continue
            }
            // The longest word is distinctive enough to pin the file down.
            let word = text.split(whereSeparator: { !$0.isLetter }).map(String.init).max { $0.count < $1.count } ?? ""
            out.append((word, record))
        }
        #expect(out.count == 3)
        return out
    }

    @Test func partyByNameAndByEverySpellingOfTheNumber() throws {
        let byName = try search(SearchQuery(party: "Sören Näslund"), ["vanersborg"])
        #expect(byName.hits.contains { $0.caseDiarienummer == "KS 2021/245" })
        #expect(byName.hits.allSatisfy { $0.caseDiarienummer == "KS 2021/245" })
        // 19121212-1212 in Vänersborg (Åsa Ödqvist), 191212121212 in Trollhättan.
        for spelling in ["121212-1212", "1212121212", "19121212-1212", "191212121212", "19121212 1212"] {
            let v = try search(SearchQuery(party: spelling), ["vanersborg"])
            #expect(!v.hits.isEmpty && v.hits.allSatisfy { $0.caseDiarienummer == "KS 2021/123" }, "\(spelling)")
            let t = try search(SearchQuery(party: spelling), ["trollhattan"])
            #expect(!t.hits.isEmpty && t.hits.allSatisfy { $0.organisationID == "trollhattan" }, "\(spelling)")
        }
        // Organisationsnummer with and without the dash.
        #expect(try search(SearchQuery(party: "559900-0006")).total == search(SearchQuery(party: "5599000006")).total)
        #expect(try search(SearchQuery(party: "5599000006"), ["vanersborg"]).total > 0)
    }

    @Test func protectedIdentityIsFoundByNumberOnlyAndFlagged() throws {
        // Kerstin Wästberg (197107079928) has protected identity in Trollhättan's KS 2022/455.
        let byName = try search(SearchQuery(party: "Kerstin Wästberg"), ["trollhattan"])
        #expect(byName.total == 0)
        let byText = try search(SearchQuery(text: "Wästberg"), ["trollhattan"])
        #expect(byText.hits.allSatisfy { $0.caseDiarienummer != "KS 2022/455" || $0.protectedIdentity })
        let byNumber = try search(SearchQuery(party: "710707-9928"), ["trollhattan"])
        #expect(!byNumber.hits.isEmpty)
        #expect(byNumber.hits.allSatisfy { $0.caseDiarienummer == "KS 2022/455" && $0.protectedIdentity })
        // The number is in the party table, never in the full-text index.
        let dump = try index.canonicalDump()
        let ftsRows = dump.split(separator: "\n").filter { $0.hasPrefix("search_text\t") }
        #expect(!ftsRows.contains { $0.contains("197107079928") || $0.contains("Wästberg") && $0.contains("Kerstin") })
    }

    @Test func restrictedRecordsComeWithTheirLegalReference() throws {
        let page = try search(SearchQuery(diarienummer: "KS 2021/245", recordType: "Yttrande"), ["vanersborg"])
        let yttrande = try #require(page.hits.first { $0.recordID == "KS 2021/245:2" })
        // The record's own marking has no lagrum ("unknown – to be assessed"); the case's has one.
        #expect(yttrande.restricted)
        #expect(yttrande.legalReference == "OSL 26 kap. 1 §")
        let tender = try search(SearchQuery(diarienummer: "KS 2023/5", recordType: "Anbud"), ["vanersborg"])
        #expect(tender.hits.first { $0.recordID == "KS 2023/5:2" }?.legalReference == "OSL 19 kap. 3 §")
        let open = try search(SearchQuery(diarienummer: "KS 2021/123"), ["vanersborg"])
        #expect(open.hits.first?.restricted == false && open.hits.first?.legalReference == nil)
    }

    @Test func dateClassificationTypeAndStatusFilters() throws {
        let spring2021 = try search(SearchQuery(from: "2021-03-01", to: "2021-04-30"), ["vanersborg"])
        #expect(!spring2021.hits.isEmpty)
        #expect(spring2021.hits.allSatisfy { $0.recordID != nil && ($0.date ?? "") >= "2021-03-01" && ($0.date ?? "") <= "2021-04-30" })
        let year = try search(SearchQuery(from: "2021", to: "2021"), ["vanersborg"])
        #expect(year.hits.allSatisfy { $0.date?.hasPrefix("2021") == true })
        #expect(year.total >= spring2021.total)
        // Newest first.
        let dates = year.hits.compactMap(\.date)
        #expect(dates == dates.sorted(by: >))

        let building = try search(SearchQuery(classification: "2.4"))
        #expect(Set(building.hits.map(\.caseDiarienummer)) == ["KS 2021/123", "KS 2022/301"])
        let planning = try search(SearchQuery(classification: "2"), ["vanersborg"])
        #expect(Set(planning.hits.map(\.caseDiarienummer)) == ["KS 2021/123", "KS 2022/88"])

        let decisions = try search(SearchQuery(recordType: "Beslut"))
        #expect(Set(decisions.hits.compactMap(\.recordID)) == ["KS 2021/123:6", "KS 2021/245:3", "KS 2022/301:4"])

        let open = try search(SearchQuery(status: "open"))
        #expect(open.total == 3)
        #expect(try search(SearchQuery(status: "closed")).total == 6)

        // Combined: a party's decisions.
        let combined = try search(SearchQuery(party: "19121212-1212", recordType: "Beslut"), ["vanersborg"])
        #expect(combined.hits.map(\.recordID) == ["KS 2021/123:6"])
    }

    @Test func pagingIsStableAndTotalCountsAll() throws {
        let all = try search(SearchQuery(from: "1900", limit: 1000))
        #expect(all.total == all.hits.count && all.total == 72)
        var paged: [SearchHit] = []
        var offset = 0
        while true {
            let page = try search(SearchQuery(from: "1900", limit: 10, offset: offset))
            #expect(page.total == 72)
            if page.hits.isEmpty { break }
            paged += page.hits
            offset += 10
        }
        #expect(paged == all.hits)
    }
}
