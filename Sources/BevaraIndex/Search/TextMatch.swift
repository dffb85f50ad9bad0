import GRDB

/// An FTS5 match expression restricted to a set of organisations inside the full-text lookup:
/// one `rowid BETWEEN lo AND hi` range per organisation (`TextRowID.hitRange`), which FTS5
/// applies while it walks its index. A row of another organisation is never read, ranked or
/// counted.
///
/// Hits are units (`rowid >> 16`: a case, or a record with its files' texts), so counting and
/// broad paging read rowids only, never a stored column.
struct TextMatch {
    let expression: String
    /// One range per organisation, highest organisation number first (so that walking the
    /// arms in turn, each by descending rowid, yields units in descending order overall).
    let ranges: [ClosedRange<Int64>]

    init(expression: String, organisationNumbers: [Int64]) {
        self.expression = expression
        ranges = organisationNumbers.sorted(by: >).map { TextRowID.hitRange(organisation: $0) }
    }

    /// `SELECT rowid[, rank]` of every match as a compound of one arm per organisation, with its
    /// arguments. `ranked` false leaves bm25 out (it reads every match's position lists).
    func rowsSQL(ranked: Bool) -> (sql: String, arguments: [DatabaseValueConvertible?]) {
        let arm = "SELECT rowid\(ranked ? ", rank" : "") FROM search_text WHERE search_text MATCH ? AND rowid BETWEEN ? AND ?"
        return (Array(repeating: arm, count: ranges.count).joined(separator: " UNION ALL "),
                ranges.flatMap { [expression, $0.lowerBound, $0.upperBound] as [DatabaseValueConvertible?] })
    }

    /// `case_id, record_id, score` per matching unit: the unit's case (a record unit's through
    /// the record), its record, and its best bm25 rank (or 0 unranked).
    func unitsSQL(ranked: Bool) -> (sql: String, arguments: [DatabaseValueConvertible?]) {
        let rows = rowsSQL(ranked: ranked)
        let kind = TextRowID.kindSQL("hit_unit"), id = TextRowID.idSQL("hit_unit")
        let sql = """
            SELECT CASE WHEN \(kind) = \(TextRowID.Kind.caseFile.rawValue) THEN \(id)
                        ELSE (SELECT case_id FROM record WHERE id = \(id)) END AS case_id,
                   CASE WHEN \(kind) = \(TextRowID.Kind.record.rawValue) THEN \(id) END AS record_id, score
            FROM (SELECT rowid >> \(TextRowID.idShift) AS hit_unit, min(\(ranked ? "rank" : "0.0")) AS score
                  FROM (\(rows.sql)) GROUP BY hit_unit)
            """
        return (sql, rows.arguments)
    }

    /// (The alias is `hit_unit`: `case_file` has a column `unit`, which a correlated subquery
    /// would otherwise see.)
    ///
    /// SQL true when the unit `u` is neither restricted itself nor in a restricted case.
    static func visibleSQL(_ u: String) -> String {
        let kind = TextRowID.kindSQL(u), id = TextRowID.idSQL(u)
        return """
            (CASE WHEN \(kind) = \(TextRowID.Kind.caseFile.rawValue)
                  THEN (SELECT restricted = 0 FROM case_file WHERE id = \(id))
                  ELSE (SELECT r.restricted = 0 AND c.restricted = 0 FROM record r JOIN case_file c ON c.id = r.case_id
                        WHERE r.id = \(id)) END)
            """
    }

    /// What one pass over the matches found: units counted (until past the cap) and a page.
    struct Scan {
        /// Distinct matching units, counted until one past the cap.
        var matching = 0
        /// Of those, the ones `visibleOnly` keeps (equal to `matching` without it).
        var kept = 0
        /// The kept units at `offset ..< offset + limit`, in the scan's order.
        var page: [Int64] = []
        /// Every kept unit, in the scan's order, while there are at most `collect` of them.
        var all: [Int64] = []
    }

    /// One pass over the matches' rowids in descending order (organisations by descending number;
    /// within one, cases then records, the latest indexed first), reading no stored column.
    /// Counts units until more than `cap` are kept, and collects the page; stops when both are
    /// done. With `visibleOnly`, restricted units (or units of restricted cases) are skipped.
    func scan(_ db: Database, cap: Int, offset: Int, limit: Int, collect: Int = 0, visibleOnly: Bool) throws -> Scan {
        var result = Scan()
        let visible = visibleOnly ? try db.cachedStatement(sql: "SELECT " + Self.visibleSQL("?1")) : nil
        for range in ranges {
            let rows = try Int64.fetchCursor(db, sql: """
                SELECT rowid >> \(TextRowID.idShift) FROM search_text WHERE search_text MATCH ? AND rowid BETWEEN ? AND ?
                ORDER BY rowid DESC
                """, arguments: [expression, range.lowerBound, range.upperBound])
            var last: Int64?
            while let unit = try rows.next() {
                guard unit != last else { continue }
                last = unit
                result.matching += 1
                if let visible, try Bool.fetchOne(visible, arguments: [unit]) != true { continue }
                if result.kept >= offset, result.page.count < limit { result.page.append(unit) }
                if result.kept < collect { result.all.append(unit) } else if result.kept == collect { result.all = [] }
                result.kept += 1
                if result.kept > cap, result.page.count == limit || result.kept >= offset + limit { return result }
            }
        }
        return result
    }
}
