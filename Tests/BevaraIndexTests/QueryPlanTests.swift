import BevaraIndex
import Foundation
import Testing

/// Metadata filters must reach rows through org-first indexes, never by scanning a table.
@Suite struct QueryPlanTests {
    static let tables = ["case_file", "record", "party", "file", "event", "package"]

    /// Plan lines that scan one of the big tables (a CTE or the FTS virtual table is fine).
    private func scans(_ plan: [String]) -> [String] {
        plan.filter { line in
            line.hasPrefix("SCAN ") && Self.tables.contains { t in
                line == "SCAN \(t)" || line.hasPrefix("SCAN \(t) ") || line.range(of: #"^SCAN \w+$"#, options: .regularExpression) != nil
                    && ["c", "r", "p", "r2", "f"].contains(String(line.dropFirst(5)))
            }
        }
    }

    /// Statistics come from the write itself (`PlannerStatistics`); `optimize()` re-analyses.
    @Test(arguments: [false, true]) func metadataFiltersUseOrgFirstIndexes(analyzed: Bool) throws {
        let (index, dir) = try makeIndex("plans")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try GeneratedCorpus(organisations: ["vbg", "thn", "udd"], casesPerOrganisation: 1500, recordsPerCase: 4).write(into: index)
        if analyzed { try index.optimize() }
        let queries: [(String, SearchQuery)] = [
            ("dnr", SearchQuery(diarienummer: "KS 2021/6")),
            ("dnr prefix", SearchQuery(diarienummer: "KS 2021/")),
            ("party id", SearchQuery(party: "19650412-1237")),
            ("date", SearchQuery(from: "2021-01-01", to: "2021-03-31")),
            ("record type", SearchQuery(recordType: "Beslut")),
            ("classification", SearchQuery(classification: "2.4")),
            ("status", SearchQuery(status: "open")),
            ("dnr + type", SearchQuery(diarienummer: "KS 2021/6", recordType: "Beslut")),
            ("party id + date", SearchQuery(party: "196504121237", from: "2020")),
            ("text + dnr prefix", SearchQuery(diarienummer: "KS 2021/", text: "bygglov")),
        ]
        let expectedIndex: [String: [String]] = [
            "dnr": ["case_by_org_dnr"], "dnr prefix": ["case_by_org_dnr"], "party id": ["party_by_org_identity"],
            "date": ["record_by_org_date"], "record type": ["record_by_org_type_date"],
            "dnr + type": ["case_by_org_dnr"], "party id + date": ["party_by_org_identity"],
        ]
        for orgs: Set<String> in [["vbg"], ["vbg", "thn"]] {
            for (label, q) in queries {
                let plan = try index.explain(q, organisations: orgs)
                #expect(scans(plan).isEmpty, "\(label) (\(orgs.count) orgs, analyzed \(analyzed)): \(plan.joined(separator: " | "))")
                // Every table lookup is through an index whose first column is organisation_id,
                // or a primary-key lookup by id.
                // or a primary-key lookup by id; automatic indexes only on the small CTEs.
                for line in plan where line.hasPrefix("SEARCH ") && !line.contains("PRIMARY KEY") && !line.contains("search_text") {
                    let cte = ["d", "u", "pu"].contains { line.hasPrefix("SEARCH \($0) ") }
                    #expect(cte || line.contains("(organisation_id=?"), "\(label): \(line)")
                    #expect(!line.contains("_by_object"), "\(label) uses a re-index index: \(line)")
                }
                if let expected = expectedIndex[label] {
                    #expect(plan.contains { line in expected.contains { line.contains($0) } }, "\(label): \(plan)")
                }
            }
        }
    }
}
