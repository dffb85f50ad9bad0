import GRDB

/// Builds and runs the SQL for one `SearchQuery` over a fixed set of organisations.
///
/// Shape: the most selective source drives — full text (FTS5), else the party (identity index
/// or party-name full text), else the record or case table through an org-first index — and
/// yields hit units `(case_id, record_id?)`; the other filters are predicates on those units.
/// Every table source is constrained by `organisation_id IN (…)`, every full-text source by
/// the organisations' rowid ranges (`TextMatch`), in the same statement.
///
/// Full-text and party-name queries first count their matching units, reading rowids only and
/// stopping past `countCap`. Up to `rankLimit` units, text is ranked by bm25; up to
/// `partyDateLimit`, party names (a yes/no match) are listed newest first. Above, ranking or
/// dating every match costs more than a search may: with other filters (which join every match
/// anyway) hits come newest first, unranked; a match alone is listed in index order (latest
/// indexed first: cases, then records), paged in the same pass that counts.
struct SearchExecutor {
    let db: Database
    let organisations: [String]

    /// Counting stops here: a larger total is reported as "more than `countCap`".
    static let countCap = 10_000
    /// Full-text queries with more matching units than this are not ranked; text alone with
    /// more is listed in index order.
    static let rankLimit = 2_000
    /// A party name alone with more matching units than this is listed in index order, not by
    /// date: dating a unit costs a record and a case lookup (≈ 6 µs at 1M records).
    static let partyDateLimit = 500

    /// The query in parts: SQL text with `?` placeholders and its arguments, in order.
    private struct Plan {
        var with: [String] = []
        var from = ""
        var conditions: [String] = []
        var withArguments: [DatabaseValueConvertible?] = []
        var fromArguments: [DatabaseValueConvertible?] = []
        var conditionArguments: [DatabaseValueConvertible?] = []
        var textDriven = false
        /// True when the driving full-text match is ranked (`rankLimit`).
        var ranked = false
        /// Overrides the page order (broad pages keep the order their units came in).
        var order: String?
        /// True when a condition reads the case (`c`); otherwise a record-only query can count
        /// without joining the cases.
        var caseFiltered = false

        var arguments: StatementArguments {
            StatementArguments(withArguments + fromArguments + conditionArguments)
        }

        /// `WITH …` (possibly empty) and `FROM … WHERE …`, around which the select lists go.
        var withClause: String { with.isEmpty ? "" : "WITH " + with.joined(separator: ",\n") + "\n" }
        var fromWhere: String {
            "FROM " + from + "\nWHERE " + (conditions.isEmpty ? "1" : conditions.joined(separator: " AND "))
        }
        /// True when hits can be records (`r` is joined).
        var joinsRecord = true
    }

    func run(_ query: SearchQuery) throws -> SearchPage {
        let numbers = try organisationNumbers()
        do {
            return try execute(query, textOverride: nil, numbers: numbers)
        } catch let error as DatabaseError where Self.isMatchSyntaxError(error) {
            guard let text = query.text else { throw error }
            // Not valid FTS5 (`KS 2021/123`, an unbalanced quote): search its words instead.
            let fallback = TextPattern.quotedWords(text)
            do {
                return try execute(query, textOverride: fallback, numbers: numbers)
            } catch let retry as DatabaseError where Self.isMatchSyntaxError(retry) {
                throw IndexError.invalidTextQuery(query: text, reason: retry.message ?? "\(retry)")
            }
        }
    }

    func explain(_ query: SearchQuery) throws -> [String] {
        let numbers = try organisationNumbers()
        var ranked = false
        if cleanText(query, nil) != nil, let driver = try drivingMatch(query, textOverride: nil, numbers: numbers) {
            ranked = try driver.scan(db, cap: Self.rankLimit, offset: 0, limit: 0, visibleOnly: false).matching <= Self.rankLimit
        }
        let p = try plan(query, textOverride: nil, numbers: numbers, ranked: ranked)
        let sql = "EXPLAIN QUERY PLAN " + pageSQL(p)
        return try Row.fetchAll(db, sql: sql, arguments: p.arguments + [query.limit, query.offset]).map { $0["detail"] }
    }

    private static func isMatchSyntaxError(_ error: DatabaseError) -> Bool {
        let message = error.message ?? ""
        return message.contains("fts5") || message.contains("no such column") || message.contains("unterminated string")
    }

    // MARK: Full text

    /// The searched organisations' numbers in full-text rowids (unknown organisations have none).
    private func organisationNumbers() throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT org_no FROM organisation WHERE organisation_id IN \(orgList)",
                           arguments: StatementArguments(orgArguments))
    }

    private func cleanText(_ q: SearchQuery, _ textOverride: String?) -> String? {
        (textOverride ?? q.text).flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
    }

    private func partyFilter(_ q: SearchQuery) throws -> PartyFilter? {
        try q.party.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try PartyFilter($0) }
    }

    /// The full-text match that drives the query: its text, else its party name.
    private func drivingMatch(_ q: SearchQuery, textOverride: String?, numbers: [Int64]) throws -> TextMatch? {
        if let text = cleanText(q, textOverride) { return TextMatch(expression: text, organisationNumbers: numbers) }
        if case .name(let match) = try partyFilter(q) { return TextMatch(expression: match, organisationNumbers: numbers) }
        return nil
    }

    /// True when the driving match alone (and the restricted flag) decides the hits.
    private func matchAlone(_ q: SearchQuery) throws -> Bool {
        let other: [String?] = [q.diarienummer, q.from, q.to, q.classification, q.recordType, q.status]
        let party = try partyFilter(q)
        let partyAlone: Bool = { if case .name = party { return cleanText(q, nil) == nil } else { return party == nil } }()
        return partyAlone && other.allSatisfy { ($0 ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
    }

    // MARK: Plan

    private var orgList: String { "(" + Array(repeating: "?", count: organisations.count).joined(separator: ",") + ")" }
    private var orgArguments: [DatabaseValueConvertible?] { organisations.map { $0 } }

    private func plan(_ q: SearchQuery, textOverride: String?, numbers: [Int64], ranked: Bool) throws -> Plan {
        var p = Plan()
        let recordLevel = q.recordType != nil || q.from != nil || q.to != nil
        let text = cleanText(q, textOverride)
        let party = try partyFilter(q)
        p.ranked = ranked

        // Party units, when the party filters a text search or drives on its own.
        if let party {
            let partyUnits: String
            switch party {
            case .identity(let candidates):
                let keys = Array(repeating: "?", count: candidates.count).joined(separator: ",")
                partyUnits = "SELECT case_id, record_id, 0.0 AS score FROM party WHERE organisation_id IN \(orgList) AND identity_key IN (\(keys))"
                p.withArguments += orgArguments + candidates.map { $0 }
            case .name(let match):
                // Ranked only when the party name drives; under a text search it is a filter.
                let units = TextMatch(expression: match, organisationNumbers: numbers).unitsSQL(ranked: ranked && text == nil)
                partyUnits = units.sql
                p.withArguments += units.arguments
            }
            p.with.append("party_units AS MATERIALIZED (\(partyUnits))")
        }

        var driver: String?
        if let text {
            let units = TextMatch(expression: text, organisationNumbers: numbers).unitsSQL(ranked: ranked)
            p.with.append("text_units AS MATERIALIZED (\(units.sql))")
            p.withArguments += units.arguments
            driver = "text_units"
            p.textDriven = true
            if party != nil {
                // The party belongs to the hit's case, or to the hit's record.
                p.conditions.append("""
                    EXISTS (SELECT 1 FROM party_units pu WHERE pu.case_id = u.case_id
                            AND (pu.record_id IS NULL OR u.record_id IS NULL OR pu.record_id = u.record_id))
                    """)
            }
        } else if party != nil {
            driver = "party_units"
            p.textDriven = { if case .name = party { return true } else { return false } }()
        }

        if let driver {
            if recordLevel {
                // A case unit stands for all its records.
                p.with.append("""
                    units AS (SELECT case_id, record_id, min(score) AS score FROM (
                        SELECT case_id, record_id, score FROM \(driver) WHERE record_id IS NOT NULL
                        UNION ALL
                        SELECT d.case_id, r2.id, d.score FROM \(driver) d
                            JOIN record r2 ON r2.organisation_id IN \(orgList) AND r2.case_id = d.case_id
                        WHERE d.record_id IS NULL)
                      GROUP BY case_id, record_id)
                    """)
                p.withArguments += orgArguments
            } else {
                p.with.append("units AS (SELECT case_id, record_id, min(score) AS score FROM \(driver) GROUP BY case_id, record_id)")
            }
            p.from = "units u JOIN case_file c ON c.id = u.case_id LEFT JOIN record r ON r.id = u.record_id"
            p.conditions.append("c.organisation_id IN \(orgList)")
            p.conditionArguments += orgArguments
        } else if recordLevel {
            p.from = "record r JOIN case_file c ON c.id = r.case_id"
            p.conditions.append("r.organisation_id IN \(orgList)")
            p.conditions.append("c.organisation_id IN \(orgList)")
            p.conditionArguments += orgArguments + orgArguments
        } else {
            p.from = "case_file c"
            p.joinsRecord = false
            p.conditions.append("c.organisation_id IN \(orgList)")
            p.conditionArguments += orgArguments
        }

        // Case filters.
        let before = p.conditions.count
        if let dnr = q.diarienummer, !dnr.trimmingCharacters(in: .whitespaces).isEmpty {
            switch try DiarienummerFilter(dnr) {
            case .exact(let key):
                p.conditions.append("c.dnr_key = ?")
                p.conditionArguments.append(key)
            case .prefix(let key):
                p.conditions.append("c.dnr_key >= ? AND c.dnr_key < ?")
                p.conditionArguments += [key, DiarienummerFilter.upperBound(key)]
            }
        }
        if let code = q.classification?.trimmingCharacters(in: .whitespaces), !code.isEmpty {
            // The code itself or codes below it: `2.4` → `2.4`, `2.4.1` ('/' sorts right after '.').
            p.conditions.append("(c.classification = ? OR (c.classification >= ? AND c.classification < ?))")
            p.conditionArguments += [code, code + ".", code + "/"]
        }
        if let status = q.status?.trimmingCharacters(in: .whitespaces), !status.isEmpty {
            p.conditions.append("c.status = ?")
            p.conditionArguments.append(status)
        }
        p.caseFiltered = p.conditions.count > before
        // Record filters (only record hits satisfy them).
        if let type = q.recordType?.trimmingCharacters(in: .whitespaces), !type.isEmpty {
            p.conditions.append("r.type = ?")
            p.conditionArguments.append(type)
        }
        if let from = q.from {
            p.conditions.append("r.date >= ?")
            p.conditionArguments.append(try DateBound.lower(from))
        }
        if let to = q.to {
            p.conditions.append("r.date <= ?")
            p.conditionArguments.append(try DateBound.upper(to))
        }
        if q.excludeRestricted {
            p.conditions.append(p.joinsRecord ? "c.restricted = 0 AND COALESCE(r.restricted, 0) = 0" : "c.restricted = 0")
        }
        return p
    }

    // MARK: Execution

    /// The count of a query whose filters all read the record: a record's organisation is its
    /// case's (the writer derives it), so the count needs no join and can stay in the index.
    private func recordOnlyCount(_ q: SearchQuery) throws -> Int {
        var conditions = ["organisation_id IN \(orgList)"]
        var arguments = orgArguments
        if let type = q.recordType?.trimmingCharacters(in: .whitespaces), !type.isEmpty {
            conditions.append("type = ?")
            arguments.append(type)
        }
        if let from = q.from {
            conditions.append("date >= ?")
            arguments.append(try DateBound.lower(from))
        }
        if let to = q.to {
            conditions.append("date <= ?")
            arguments.append(try DateBound.upper(to))
        }
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM record WHERE " + conditions.joined(separator: " AND "),
                                arguments: StatementArguments(arguments)) ?? 0
    }

    /// The page of hits, with a protected-identity flag looked up for the page's rows only.
    private func pageSQL(_ p: Plan) -> String {
        let rank = p.from.hasPrefix("units") && p.ranked ? "u.score" : "0.0"
        let record = p.joinsRecord
            ? ["r.record_id", "r.title", "CASE WHEN r.id IS NULL THEN c.opened ELSE r.date END", "r.restricted",
               "r.legal_reference", "r.id"]
            : ["NULL", "NULL", "c.opened", "NULL", "NULL", "NULL"]
        // Newest first, then the latest written. Direct record or case queries order by the
        // plain columns, so a single organisation's (organisation_id, date) index delivers the
        // order itself and the page ends the scan.
        let newest: String
        if p.from.hasPrefix("units") {
            newest = "hit_date DESC, case_row DESC, record_row DESC"
        } else if p.joinsRecord {
            newest = "r.date DESC, r.id DESC"
        } else {
            newest = "c.opened DESC, c.id DESC"
        }
        let order = p.order ?? ((p.textDriven && p.ranked ? "rank, " : "") + newest)
        // A full-text query visits every match to rank or date them anyway: count them in the same pass.
        let total = p.textDriven && p.order == nil ? ", count(*) OVER () AS total_count" : ""
        let with = p.withClause.isEmpty ? "WITH " : p.withClause.dropLast() + ",\n"
        return """
            \(with)page AS (
                SELECT c.object_id, c.organisation_id, c.dnr, c.title AS case_title, c.restricted AS case_restricted,
                       c.legal_reference AS case_reference, \(rank) AS rank, c.id AS case_row,
                       \(recordColumns(record))\(total)
                \(p.fromWhere)
                ORDER BY \(order)
                LIMIT ? OFFSET ?)
            SELECT page.*, EXISTS (SELECT 1 FROM party p WHERE p.organisation_id = page.organisation_id
                                   AND p.case_id = page.case_row AND p.protected = 1
                                   AND (page.record_row IS NULL OR p.record_id IS NULL OR p.record_id = page.record_row)) AS protected_party
            FROM page
            """
    }

    private func recordColumns(_ expressions: [String]) -> String {
        let names = ["record_id", "record_title", "hit_date", "record_restricted", "record_reference", "record_row"]
        return zip(expressions, names).map { "\($0) AS \($1)" }.joined(separator: ", ")
    }

    private func execute(_ query: SearchQuery, textOverride: String?, numbers: [Int64]) throws -> SearchPage {
        guard let driver = try drivingMatch(query, textOverride: textOverride, numbers: numbers) else {
            return try execute(plan(query, textOverride: textOverride, numbers: numbers, ranked: false), query: query)
        }
        if numbers.isEmpty { return SearchPage(hits: [], total: 0) }
        let textDriven = cleanText(query, textOverride) != nil
        let offset = max(0, query.offset), limit = max(0, query.limit)
        // One pass over rowids only: how many units match (up to the cap) and, for a match
        // alone, its page in index order.
        let alone = try matchAlone(query)
        let sortLimit = textDriven ? Self.rankLimit : Self.partyDateLimit
        let scan = try driver.scan(db, cap: alone ? Self.countCap : sortLimit, offset: offset, limit: alone ? limit : 0,
                                   collect: alone && !textDriven ? sortLimit : 0, visibleOnly: alone && query.excludeRestricted)
        let small = scan.matching <= sortLimit
        if alone, !small {
            return try broadPage(scan)
        }
        if alone, !textDriven {
            // A party name alone: date the scanned units (one lookup each) and join only the page.
            let page = try datedUnits(scan.all, offset: offset, limit: limit)
            return SearchPage(hits: try hits(ofUnits: page), total: scan.kept, order: .newestFirst)
        }
        if alone {
            // Text alone: rank the units, then join only the page.
            let page = try rankedUnits(driver, offset: offset, limit: limit, visibleOnly: query.excludeRestricted)
            return SearchPage(hits: try hits(ofUnits: page.map(\.unit), scores: page.map(\.score)), total: scan.kept,
                              order: .relevance)
        }
        // Text is ranked by relevance; a party name is a yes/no match, listed newest first.
        let ranked = small && textDriven
        var page = try execute(plan(query, textOverride: textOverride, numbers: numbers, ranked: ranked), query: query)
        page.order = ranked ? .relevance : textDriven ? .unrankedNewestFirst : .newestFirst
        if page.total > Self.countCap {
            page.total = Self.countCap
            page.totalIsLowerBound = true
        }
        return page
    }

    /// A match alone with more units than it may sort: the scanned page's units, joined to their
    /// cases and records in scan order.
    private func broadPage(_ scan: TextMatch.Scan) throws -> SearchPage {
        SearchPage(hits: try hits(ofUnits: scan.page), total: min(scan.kept, Self.countCap),
                   totalIsLowerBound: scan.kept > Self.countCap, order: .latestIndexedFirst)
    }

    /// The units at `offset ..< offset + limit` of `units` newest first: the record's date, or
    /// the case's opening date; then cases before records, the latest indexed first.
    private func datedUnits(_ units: [Int64], offset: Int, limit: Int) throws -> [Int64] {
        guard !units.isEmpty, limit > 0 else { return [] }
        let kind = TextRowID.kindSQL("hit_unit"), id = TextRowID.idSQL("hit_unit")
        return try Int64.fetchAll(db, sql: """
            WITH m(hit_unit) AS (VALUES \(units.map { _ in "(?)" }.joined(separator: ", ")))
            SELECT hit_unit FROM m
            ORDER BY (CASE WHEN \(kind) = \(TextRowID.Kind.caseFile.rawValue) THEN (SELECT opened FROM case_file WHERE id = \(id))
                           ELSE (SELECT date FROM record WHERE id = \(id)) END) DESC, hit_unit DESC
            LIMIT ? OFFSET ?
            """, arguments: StatementArguments(units + [limit, offset]))
    }

    /// The units at `offset ..< offset + limit` of a match by relevance (a unit's best bm25
    /// rank over its rows), ties latest indexed first.
    private func rankedUnits(_ match: TextMatch, offset: Int, limit: Int, visibleOnly: Bool) throws
        -> [(unit: Int64, score: Double)] {
        guard limit > 0 else { return [] }
        let rows = match.rowsSQL(ranked: true)
        let filter = visibleOnly ? "WHERE " + TextMatch.visibleSQL("hit_unit") : ""
        return try Row.fetchAll(db, sql: """
            SELECT hit_unit, score FROM (
                SELECT rowid >> \(TextRowID.idShift) AS hit_unit, min(rank) AS score FROM (\(rows.sql)) GROUP BY hit_unit)
            \(filter)
            ORDER BY score, hit_unit DESC LIMIT ? OFFSET ?
            """, arguments: StatementArguments(rows.arguments + [limit, offset])).map { ($0[0], $0[1]) }
    }

    /// The hits of `units` (`rowid >> 16` values), in the given order, with their bm25 scores
    /// when ranked.
    private func hits(ofUnits units: [Int64], scores: [Double]? = nil) throws -> [SearchHit] {
        var hits: [SearchHit] = []
        if !units.isEmpty {
            var p = Plan()
            let values = units.indices.map { _ in "(?, ?, ?)" }.joined(separator: ", ")
            let kind = TextRowID.kindSQL("hit_unit"), id = TextRowID.idSQL("hit_unit")
            p.with = [
                "page_units(hit_unit, ord, score) AS (VALUES \(values))",
                """
                units AS (SELECT CASE WHEN \(kind) = \(TextRowID.Kind.caseFile.rawValue) THEN \(id)
                                      ELSE (SELECT case_id FROM record WHERE id = \(id)) END AS case_id,
                                 CASE WHEN \(kind) = \(TextRowID.Kind.record.rawValue) THEN \(id) END AS record_id,
                                 score, ord FROM page_units)
                """,
            ]
            p.withArguments = units.enumerated().flatMap { i, unit in
                [unit, i, scores?[i] ?? 0.0] as [DatabaseValueConvertible?]
            }
            p.ranked = scores != nil
            p.from = "units u JOIN case_file c ON c.id = u.case_id LEFT JOIN record r ON r.id = u.record_id"
            p.conditions = ["c.organisation_id IN \(orgList)"]
            p.conditionArguments = orgArguments
            p.textDriven = true
            p.order = "u.ord"
            hits = Self.hits(try Row.fetchAll(db, sql: pageSQL(p), arguments: p.arguments + [units.count, 0]))
        }
        return hits
    }

    private static func hits(_ rows: [Row]) -> [SearchHit] {
        rows.map { row -> SearchHit in
            let caseRestricted: Bool = row["case_restricted"]
            let recordRestricted: Bool = (row["record_restricted"] as Bool?) ?? false
            var references: [String] = []
            let given = [row["record_reference"] as String?, row["case_reference"] as String?].compactMap { $0 }
            for reference in given where !references.contains(reference) {
                references.append(reference)
            }
            return SearchHit(objectID: row["object_id"], organisationID: row["organisation_id"], caseDiarienummer: row["dnr"],
                             caseTitle: row["case_title"], recordID: row["record_id"], recordTitle: row["record_title"],
                             date: row["hit_date"], restricted: caseRestricted || recordRestricted,
                             legalReference: references.isEmpty ? nil : references.joined(separator: "; "),
                             protectedIdentity: row["protected_party"], rank: row["rank"])
        }
    }

    private func execute(_ p: Plan, query: SearchQuery) throws -> SearchPage {
        let limit = max(0, query.limit)
        let offset = max(0, query.offset)
        let rows = try Row.fetchAll(db, sql: pageSQL(p), arguments: p.arguments + [limit, offset])
        let hits = Self.hits(rows)
        let total: Int
        if let counted = rows.first?["total_count"] as Int? {
            total = counted
        } else if offset == 0 && hits.count < limit {
            total = hits.count
        } else {
            if p.from.hasPrefix("record r JOIN"), !p.caseFiltered {
                total = try recordOnlyCount(query)
            } else {
                total = try Int.fetchOne(db, sql: p.withClause + "SELECT count(*) " + p.fromWhere, arguments: p.arguments) ?? 0
            }
        }
        return SearchPage(hits: hits, total: total, order: p.textDriven ? .relevance : .newestFirst)
    }
}
