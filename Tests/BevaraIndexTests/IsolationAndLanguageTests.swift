import BevaraIndex
import Foundation
import Testing

/// Organisation isolation and Swedish full text on hand-written ERMS.
@Suite struct IsolationAndLanguageTests {
    /// Two organisations with the same diarienummer, title words and personnummer.
    private func twoOrganisations() throws -> (ArchiveIndex, String) {
        let (index, dir) = try makeIndex("isolation")
        for (org, who) in [("orust", "Örjan Orustsson"), ("lysekil", "Lisa Lysekilsson")] {
            try SampleERMS(objectID: "pkg-\(org)", cases: [
                SampleERMS.Case(dnr: "KS 2021/1", title: "Bygglov för \(org)", parties: [
                    SampleERMS.Party(name: who, number: "19650412-1237"),
                ], records: [SampleERMS.Record(id: "KS 2021/1:1", title: "Ansökan från \(who)")]),
            ]).index(into: index, organisation: org, folder: dir)
        }
        return (index, dir)
    }

    @Test func eachOrganisationSeesOnlyItsOwnRows() throws {
        let (index, dir) = try twoOrganisations()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let queries = [
            SearchQuery(diarienummer: "KS 2021/1"), SearchQuery(diarienummer: "KS 2021/"), SearchQuery(text: "bygglov"),
            SearchQuery(party: "196504121237"), SearchQuery(party: "650412-1237"), SearchQuery(from: "2000"),
            SearchQuery(classification: "1"), SearchQuery(recordType: "Skrivelse"), SearchQuery(status: "closed"),
            SearchQuery(),
        ]
        for q in queries {
            let orust = try index.search(q, organisations: ["orust"])
            let lysekil = try index.search(q, organisations: ["lysekil"])
            #expect(!orust.hits.isEmpty && orust.hits.allSatisfy { $0.organisationID == "orust" && $0.objectID == "pkg-orust" }, "\(q)")
            #expect(!lysekil.hits.isEmpty && lysekil.hits.allSatisfy { $0.organisationID == "lysekil" }, "\(q)")
            #expect(orust.total == orust.hits.count && lysekil.total == lysekil.hits.count)
            let both = try index.search(q, organisations: ["orust", "lysekil"])
            #expect(both.total == orust.total + lysekil.total, "\(q)")
            #expect(try index.search(q, organisations: []).total == 0)
            #expect(try index.search(q, organisations: ["stenungsund"]).hits.isEmpty)
        }
        // A name that exists only in the other organisation finds nothing: no count, no hit.
        let foreign = try index.search(SearchQuery(party: "Lisa Lysekilsson"), organisations: ["orust"])
        #expect(foreign.total == 0 && foreign.hits.isEmpty)
        let foreignText = try index.search(SearchQuery(text: "lysekil*"), organisations: ["orust"])
        #expect(foreignText.total == 0)
    }

    @Test func swedishLettersAreLettersAndPrefixesWork() throws {
        let (index, dir) = try makeIndex("swedish")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SampleERMS(objectID: "pkg", cases: [
            SampleERMS.Case(dnr: "KS 2021/1", title: "Söderberg bygger ett hus"),
            SampleERMS.Case(dnr: "KS 2021/2", title: "Soderberg bygger ett garage"),
            SampleERMS.Case(dnr: "KS 2021/3", title: "Ärende om ÅTERVINNING vid älven"),
            SampleERMS.Case(dnr: "KS 2021/4", title: "Arende om atervinning vid alven"),
        ]).index(into: index, organisation: "vbg", folder: dir)
        func dnrs(_ text: String) throws -> Set<String> {
            Set(try index.search(SearchQuery(text: text), organisations: ["vbg"]).hits.map(\.caseDiarienummer))
        }
        #expect(try dnrs("söderberg") == ["KS 2021/1"])
        #expect(try dnrs("soderberg") == ["KS 2021/2"])
        #expect(try dnrs("SÖDERBERG") == ["KS 2021/1"], "case folding of Ö")
        #expect(try dnrs("återvinning") == ["KS 2021/3"])
        #expect(try dnrs("älven") == ["KS 2021/3"])
        #expect(try dnrs("alven") == ["KS 2021/4"])
        #expect(try dnrs("bygg*") == ["KS 2021/1", "KS 2021/2"])
        #expect(try dnrs("sö*") == ["KS 2021/1"])
        #expect(try dnrs("so*") == ["KS 2021/2"])
        #expect(try dnrs("söderberg OR soderberg") == ["KS 2021/1", "KS 2021/2"])
        #expect(try dnrs("\"bygger ett hus\"") == ["KS 2021/1"])
        #expect(try dnrs("bygger NOT garage") == ["KS 2021/1"])
        // Ranking: the title hit comes before nothing else here, and rank is bm25 (negative).
        let ranked = try index.search(SearchQuery(text: "hus"), organisations: ["vbg"])
        #expect(ranked.hits.count == 1 && ranked.hits[0].rank < 0)
    }

    @Test func invalidFiltersAreTypedErrors() throws {
        let (index, dir) = try makeIndex("errors")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: IndexError.self) { try index.search(SearchQuery(from: "2021-13-1"), organisations: ["x"]) }
        #expect(throws: IndexError.self) { try index.search(SearchQuery(diarienummer: "*"), organisations: ["x"]) }
        #expect(throws: IndexError.self) { try index.search(SearchQuery(party: "--"), organisations: ["x"]) }
        // Unbalanced quotes are searched as words rather than failing.
        #expect(try index.search(SearchQuery(text: "\"bygg"), organisations: ["x"]).total == 0)
    }
}
