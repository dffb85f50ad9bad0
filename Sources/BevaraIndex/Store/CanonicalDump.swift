import Foundation
import GRDB

/// Renders the index as sorted text lines, one per row, for comparing two indexes.
///
/// Row ids depend on insertion order and `package.indexed_at` on the clock, so both are left
/// out: references between rows are written as natural keys (package, diarienummer, record id,
/// logical path) instead, and full-text rows name the row they index the same way.
enum CanonicalDump {
    /// Per table, a query whose columns are the row's canonical content.
    static let queries: [(table: String, sql: String)] = [
        ("organisation", "SELECT organisation_id, name FROM organisation"),
        ("package", """
            SELECT object_id, organisation_id, agreement_id, version, label, created, submitted_by, file_count, byte_count
            FROM package
            """),
        ("case_file", """
            SELECT organisation_id, object_id, dnr, dnr_key, title, status, opened, closed, classification,
                   classification_text, unit, handling_officer, extra_ids, restricted, legal_reference
            FROM case_file
            """),
        ("record", """
            SELECT r.organisation_id, r.object_id, c.dnr, r.record_id, r.type, r.direction, r.date, r.title, r.restricted,
                   r.legal_reference
            FROM record r LEFT JOIN case_file c ON c.id = r.case_id
            """),
        ("party", """
            SELECT p.organisation_id, p.object_id, c.dnr, r.record_id, p.name, p.organisation, p.role, p.identity_number,
                   p.identity_key, p.protected
            FROM party p LEFT JOIN case_file c ON c.id = p.case_id LEFT JOIN record r ON r.id = p.record_id
            """),
        ("file", """
            SELECT f.organisation_id, f.object_id, f.logical_path, c.dnr, r.record_id, f.original_name, f.size, f.sha256,
                   f.mime, f.puid, f.text_status, f.text_note
            FROM file f LEFT JOIN record r ON r.id = f.record_id LEFT JOIN case_file c ON c.id = r.case_id
            """),
        ("event", "SELECT organisation_id, object_id, version, type, date_time, outcome, detail, agent FROM event"),
        // Case and record rows by the unit in their rowid; file texts from the file that points at them.
        ("search_text", """
            SELECT o.organisation_id, CASE WHEN c.id IS NOT NULL THEN 'case' ELSE 'record' END,
                   coalesce(c.object_id, r.object_id), coalesce(c.dnr, rc.dnr), r.record_id, NULL,
                   s.dnr, s.title, s.parties, s.body
            FROM search_text s
            JOIN organisation o ON o.org_no = s.rowid >> \(TextRowID.organisationShift)
            LEFT JOIN case_file c ON \(kind("s.rowid")) = \(TextRowID.Kind.caseFile.rawValue) AND c.id = \(id("s.rowid"))
            LEFT JOIN record r ON \(kind("s.rowid")) = \(TextRowID.Kind.record.rawValue) AND r.id = \(id("s.rowid"))
            LEFT JOIN case_file rc ON rc.id = r.case_id
            WHERE s.rowid & \(TextRowID.maxSequence) = 0 AND \(kind("s.rowid")) IN (0, 1)
            UNION ALL
            SELECT f.organisation_id, 'file', f.object_id, c.dnr, r.record_id, f.logical_path,
                   s.dnr, s.title, s.parties, s.body
            FROM file f JOIN search_text s ON s.rowid = f.text_rowid
            LEFT JOIN record r ON r.id = f.record_id LEFT JOIN case_file c ON c.id = r.case_id
            WHERE f.text_rowid IS NOT NULL
            """),
    ]

    private static func kind(_ rowid: String) -> String { TextRowID.kindSQL("(\(rowid) >> \(TextRowID.idShift))") }
    private static func id(_ rowid: String) -> String { TextRowID.idSQL("(\(rowid) >> \(TextRowID.idShift))") }

    /// Streams the lines, table by table, each table's rows sorted by all their columns (SQL
    /// `ORDER BY`, so memory stays flat at any index size).
    static func write(_ db: Database, line: (String) throws -> Void) throws {
        for (table, sql) in queries {
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM (\(sql)) ORDER BY " + orderAll(db, sql))
            while let row = try rows.next() {
                try line(([table] + row.databaseValues.map(render)).joined(separator: "\t"))
            }
        }
    }

    static func make(_ db: Database) throws -> String {
        var out = ""
        try write(db) { out += $0 + "\n" }
        return out
    }

    /// `1, 2, …, n` for the query's column count.
    private static func orderAll(_ db: Database, _ sql: String) throws -> String {
        let columns = try db.makeStatement(sql: sql).columnCount
        return (1...columns).map(String.init).joined(separator: ", ")
    }

    /// NULL as `∅`; text escaped so that a row stays on one line.
    private static func render(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "∅"
        case .int64(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s):
            return s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
                .replacingOccurrences(of: "\n", with: "\\n")
        case .blob(let data): return "blob:" + data.map { String(format: "%02x", $0) }.joined()
        }
    }
}
