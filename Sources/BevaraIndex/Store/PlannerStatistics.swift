import GRDB

/// Keeps SQLite's planner statistics (`sqlite_stat1`) in step with the data.
///
/// Without statistics SQLite may answer a diarienummer query by walking the org's cases in
/// date order (to skip the sort) instead of using the diarienummer index — a scan of the whole
/// organisation. `PRAGMA optimize` in SQLite 3.40 only looks at tables this connection queried,
/// so the index decides itself: analyse when there are no statistics yet or when the largest
/// table has at least doubled since (row ids only grow, so `max(id)` is an O(log n) size proxy).
/// `analysis_limit` samples each index, so this stays in milliseconds at a million rows.
enum PlannerStatistics {
    static func refreshIfStale(_ db: Database) throws {
        let size = try Int64.fetchOne(db, sql: "SELECT max(id) FROM record") ?? 0
        let caseSize = try Int64.fetchOne(db, sql: "SELECT max(id) FROM case_file") ?? 0
        let current = max(size, caseSize)
        guard current > 0 else { return }
        let analysed = try Int64.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM index_meta WHERE key = 'analysed_size'")
        if let analysed, current < analysed * 2 { return }
        try analyze(db)
    }

    static func analyze(_ db: Database) throws {
        try db.execute(sql: "PRAGMA analysis_limit = 1000; ANALYZE")
        let size = max(try Int64.fetchOne(db, sql: "SELECT max(id) FROM record") ?? 0,
                       try Int64.fetchOne(db, sql: "SELECT max(id) FROM case_file") ?? 0)
        try db.execute(sql: "INSERT OR REPLACE INTO index_meta(key, value) VALUES ('analysed_size', ?)", arguments: [size])
    }
}
