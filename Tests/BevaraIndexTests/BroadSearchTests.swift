import BevaraIndex
import Foundation
import GRDB
import Testing

/// Full-text and party-name searches past the ranking limit (2,000 hits) and the count cap
/// (10,000): organisation isolation inside the full-text lookup, the capped count, index-order
/// paging, the restricted filter, and file texts counted with their record.
@Suite struct BroadSearchTests {
    /// Organisation "a": `records` records titled "fjällräv …" plus a few "gemensam"; organisation
    /// "b": the same number titled "vildsvin …", with party "Ingrid Unikadottir" on every case,
    /// and "gemensam" on every record. Every 7th record is restricted.
    private func twoOrganisations(records: Int) throws -> (ArchiveIndex, String) {
        let (index, dir) = try makeIndex("broad")
        for (org, word) in [("a", "fjällräv"), ("b", "vildsvin")] {
            try index.write { w in
                try w.upsertOrganisation(id: org, name: org.uppercased())
                let object = "pkg-\(org)"
                try w.addPackage(IndexedPackage(objectID: object, organisationID: org, agreementID: "T", version: 1,
                                                created: "2026-01-01T00:00:00Z", fileCount: 0, byteCount: 0))
                for c in 0..<(records / 5) {
                    let caseID = try w.addCase(IndexedCase(objectID: object, diarienummer: "KS 2021/\(c + 1)",
                                                           title: "Ärende \(c)", opened: "2021-01-01"))
                    if org == "b" {
                        try w.addParty(IndexedParty(caseID: caseID, name: "Ingrid Unikadottir", role: "counterpart"))
                    } else if c < 3 {
                        try w.addParty(IndexedParty(caseID: caseID, name: "Anna Andersson", role: "counterpart"))
                    }
                    for r in 0..<5 {
                        let n = c * 5 + r
                        let shared = org == "b" || n % 100 == 0 ? " gemensam" : ""
                        try w.addRecord(IndexedRecord(caseID: caseID, recordID: "KS 2021/\(c + 1):\(r + 1)", type: "Skrivelse",
                                                      date: "2021-02-01", title: "\(word) \(n)\(shared)",
                                                      secrecy: IndexedSecrecy(restricted: n % 7 == 0, legalReference: nil)))
                    }
                }
            }
        }
        return (index, dir)
    }

    @Test func aTermOfAnotherOrganisationNeverCountsOrAppears() throws {
        let (index, dir) = try twoOrganisations(records: 3_000)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Broad (3,000 > 2,000 units, index order) and narrow (ranked) terms of "b" only.
        for q in [SearchQuery(text: "vildsvin"), SearchQuery(text: "vildsvin 17"), SearchQuery(text: "vildsv*"),
                  SearchQuery(party: "Unikadottir"), SearchQuery(party: "Ingrid Unikadottir"), SearchQuery(text: "Unikadottir")] {
            let a = try index.search(q, organisations: ["a"])
            #expect(a.total == 0 && a.hits.isEmpty && !a.totalIsLowerBound, "\(q)")
            let b = try index.search(q, organisations: ["b"])
            #expect(b.total > 0 && b.hits.allSatisfy { $0.organisationID == "b" }, "\(q)")
            let both = try index.search(q, organisations: ["a", "b"])
            #expect(both.total == b.total && both.hits.allSatisfy { $0.organisationID == "b" }, "\(q)")
        }
        // A term in both: each organisation counts its own; together the sum.
        let a = try index.search(SearchQuery(text: "gemensam"), organisations: ["a"])
        let b = try index.search(SearchQuery(text: "gemensam"), organisations: ["b"])
        #expect(a.total == 30 && a.order == .relevance && a.hits.allSatisfy { $0.organisationID == "a" })
        #expect(b.total == 3_000 && b.order == .latestIndexedFirst && b.hits.allSatisfy { $0.organisationID == "b" })
        let both = try index.search(SearchQuery(text: "gemensam", limit: 1000, offset: 2_500), organisations: ["a", "b"])
        #expect(both.total == 3_030 && both.hits.count == 530)
        #expect(Set(both.hits.map(\.organisationID)) == ["a", "b"])
    }

    @Test func broadResultsPageInIndexOrderWithoutGapsOrRepeats() throws {
        let (index, dir) = try twoOrganisations(records: 3_000)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var seen: [String] = []
        var offset = 0
        while true {
            let page = try index.search(SearchQuery(text: "fjällräv", limit: 700, offset: offset), organisations: ["a"])
            #expect(page.total == 3_000 && !page.totalIsLowerBound && page.order == .latestIndexedFirst)
            if page.hits.isEmpty { break }
            seen += page.hits.map { $0.recordID ?? "-" }
            offset += 700
        }
        #expect(seen.count == 3_000 && Set(seen).count == 3_000)
        // Latest indexed first: the last record written comes first.
        #expect(seen.first == "KS 2021/600:5" && seen.last == "KS 2021/1:1")
        // A narrow search is ranked.
        let narrow = try index.search(SearchQuery(text: "fjällräv 42"), organisations: ["a"])
        #expect(narrow.order == .relevance && narrow.total == 1 && narrow.hits.first?.recordID == "KS 2021/9:3")
    }

    @Test func restrictedHitsStayOutOfBroadPagesAndCounts() throws {
        let (index, dir) = try twoOrganisations(records: 3_000)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var q = SearchQuery(text: "vildsvin", limit: 1000)
        q.excludeRestricted = true
        let page = try index.search(q, organisations: ["b"])
        let restricted = (0..<3_000).filter { $0 % 7 == 0 }.count
        #expect(page.total == 3_000 - restricted && page.hits.count == 1000 && page.hits.allSatisfy { !$0.restricted }, "\(page.total) \(page.hits.count) \(page.order)")
        q.offset = 2_000
        let last = try index.search(q, organisations: ["b"])
        #expect(last.hits.count == 3_000 - restricted - 2_000 && last.hits.allSatisfy { !$0.restricted })
    }

    @Test func countingStopsAtTenThousand() throws {
        let (index, dir) = try twoOrganisations(records: 6_000)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Cases (1,200 with the party) stay below the cap; records of both organisations pass it.
        let party = try index.search(SearchQuery(party: "Unikadottir"), organisations: ["a", "b"])
        #expect(party.total == 1_200 && !party.totalIsLowerBound && party.order == .latestIndexedFirst)
        let words = try index.search(SearchQuery(text: "fjällräv OR vildsvin"), organisations: ["a", "b"])
        #expect(words.total == 10_000 && words.totalIsLowerBound && words.hits.count == 50)
        let deep = try index.search(SearchQuery(text: "fjällräv OR vildsvin", offset: 11_950), organisations: ["a", "b"])
        #expect(deep.hits.count == 50 && deep.totalIsLowerBound)
        // With another filter the count is capped the same way (dated, not ranked).
        let dated = try index.search(SearchQuery(text: "fjällräv OR vildsvin", from: "2021"), organisations: ["a", "b"])
        #expect(dated.total == 10_000 && dated.totalIsLowerBound && dated.order == .unrankedNewestFirst)
    }

    @Test func aPartyNameIsListedNewestFirstAndPagesWithoutGaps() throws {
        let (index, dir) = try makeIndex("party-dates")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try index.write { w in
            try w.upsertOrganisation(id: "o", name: nil)
            try w.addPackage(IndexedPackage(objectID: "p", organisationID: "o", agreementID: "T", version: 1,
                                            created: "2026-01-01T00:00:00Z", fileCount: 0, byteCount: 0))
            for c in 0..<30 {
                // Dates out of writing order, so index order and date order differ.
                let caseID = try w.addCase(IndexedCase(objectID: "p", diarienummer: "KS 2020/\(c + 1)", title: "Ärende",
                                                       opened: String(format: "2019-%02d-01", 1 + (c * 7) % 12)))
                if c % 3 == 0 { try w.addParty(IndexedParty(caseID: caseID, name: "Nils Datumsson", role: "counterpart")) }
                let recordID = try w.addRecord(IndexedRecord(caseID: caseID, recordID: "KS 2020/\(c + 1):1",
                                                             date: String(format: "2020-%02d-%02d", 1 + (c * 5) % 12, 1 + c % 28),
                                                             title: "Skrivelse"))
                if c % 2 == 0 { try w.addParty(IndexedParty(caseID: caseID, recordID: recordID, name: "Nils Datumsson", role: "sender")) }
            }
        }
        let all = try index.search(SearchQuery(party: "Datumsson", limit: 100), organisations: ["o"])
        #expect(all.total == 25 && all.hits.count == 25 && all.order == .newestFirst)
        let dates = all.hits.map { $0.date ?? "" }
        #expect(dates == dates.sorted(by: >), "\(dates)")
        var paged: [SearchHit] = []
        for offset in stride(from: 0, to: 30, by: 7) {
            paged += try index.search(SearchQuery(party: "Datumsson", limit: 7, offset: offset), organisations: ["o"]).hits
        }
        #expect(paged == all.hits)
    }

    @Test func narrowTextIsRankedAndPagedByRelevance() throws {
        let (index, dir) = try makeIndex("ranked")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try index.write { w in
            try w.upsertOrganisation(id: "o", name: nil)
            try w.addPackage(IndexedPackage(objectID: "p", organisationID: "o", agreementID: "T", version: 1,
                                            created: "2026-01-01T00:00:00Z", fileCount: 1, byteCount: 1))
            let caseID = try w.addCase(IndexedCase(objectID: "p", diarienummer: "KS 2021/1", title: "Ärende om staket"))
            for r in 0..<12 {
                // Record 7 says the word in its short title; the others only deep in a long text.
                let title = r == 7 ? "Rönnbärsallé" : "Skrivelse \(r)"
                let recordID = try w.addRecord(IndexedRecord(caseID: caseID, recordID: "KS 2021/1:\(r + 1)", title: title))
                let file = try w.addFile(IndexedFile(objectID: "p", recordID: recordID, logicalPath: "f\(r).txt", size: 1,
                                                     sha256: "\(r)", mime: "text/plain"))
                let filler = Array(repeating: "ord", count: 40 + r * 10).joined(separator: " ")
                try w.setText(fileID: file, outcome: .text(r == 7 ? filler : filler + " rönnbärsallé", truncated: false))
            }
        }
        let all = try index.search(SearchQuery(text: "rönnbärsallé"), organisations: ["o"])
        #expect(all.order == .relevance && all.total == 12 && all.hits.first?.recordID == "KS 2021/1:8")
        #expect(all.hits.map(\.rank) == all.hits.map(\.rank).sorted() && all.hits.allSatisfy { $0.rank < 0 })
        var paged: [SearchHit] = []
        for offset in stride(from: 0, to: 12, by: 5) {
            paged += try index.search(SearchQuery(text: "rönnbärsallé", limit: 5, offset: offset), organisations: ["o"]).hits
        }
        #expect(paged == all.hits)
    }

    @Test func aRecordAndItsFileTextsAreOneHit() throws {
        let (index, dir) = try makeIndex("units")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try index.write { w in
            try w.upsertOrganisation(id: "o", name: nil)
            try w.addPackage(IndexedPackage(objectID: "p", organisationID: "o", agreementID: "T", version: 1,
                                            created: "2026-01-01T00:00:00Z", fileCount: 3, byteCount: 3))
            let caseID = try w.addCase(IndexedCase(objectID: "p", diarienummer: "KS 2021/1", title: "Ärende", opened: "2021-01-01"))
            let recordID = try w.addRecord(IndexedRecord(caseID: caseID, recordID: "KS 2021/1:1", title: "kvastfening"))
            // One file linked before its text, one after, one never: all three texts say the word.
            let early = try w.addFile(IndexedFile(objectID: "p", recordID: recordID, logicalPath: "a.txt", size: 1, sha256: "a",
                                                  mime: "text/plain"))
            try w.setText(fileID: early, outcome: .text("kvastfening i bilaga", truncated: false))
            let late = try w.addFile(IndexedFile(objectID: "p", logicalPath: "b.txt", size: 1, sha256: "b", mime: "text/plain"))
            try w.setText(fileID: late, outcome: .text("kvastfening igen", truncated: false))
            let loose = try w.addFile(IndexedFile(objectID: "p", logicalPath: "c.txt", size: 1, sha256: "c", mime: "text/plain"))
            try w.setText(fileID: loose, outcome: .text("kvastfening lös", truncated: false))
            #expect(try w.linkFile(objectID: "p", logicalPath: "b.txt", recordID: recordID, originalName: "b.txt"))
        }
        let page = try index.search(SearchQuery(text: "kvastfening"), organisations: ["o"])
        #expect(page.total == 1 && page.hits.map(\.recordID) == ["KS 2021/1:1"])
        // The linked file's text moved under the record: "igen" finds the record.
        #expect(try index.search(SearchQuery(text: "igen"), organisations: ["o"]).hits.map(\.recordID) == ["KS 2021/1:1"])
        // The loose file's text is indexed but is no hit of its own.
        #expect(try index.search(SearchQuery(text: "lös"), organisations: ["o"]).total == 0)
        try index.write { w in try w.removePackage(objectID: "p") }
        #expect(!(try index.canonicalDump()).contains("search_text\t"))
    }

    @Test func anIndexOfAnOlderSchemaIsReportedForReindexNotUsed() throws {
        let dir = try temporaryFolder("outdated")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/index.sqlite"
        // What an index of the first schema holds in GRDB's bookkeeping.
        let old = try DatabaseQueue(path: path)
        try old.write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v1')")
            try db.execute(sql: "CREATE TABLE organisation (organisation_id TEXT PRIMARY KEY NOT NULL, name TEXT)")
        }
        try old.close()
        let index = try ArchiveIndex(path: path)
        #expect(throws: IndexError.self) { try index.search(SearchQuery(text: "x"), organisations: ["o"]) }
        do {
            _ = try index.write { _ in }
            Issue.record("writing to an outdated index succeeded")
        } catch let error as IndexError {
            guard case .outdatedSchema(_, let found, let expected) = error else { throw error }
            #expect(found == ["v1"] && expected == "v2")
            #expect(error.description.contains("bevara reindex"))
        }
        // A fresh index in the same folder is current.
        let fresh = try ArchiveIndex(path: dir + "/fresh.sqlite")
        #expect(try fresh.search(SearchQuery(text: "x"), organisations: ["o"]).total == 0)
        // Reopening a current index works and searches.
        #expect(try ArchiveIndex(path: dir + "/fresh.sqlite").status().isEmpty)
    }
}
