import BevaraSQLite
import Foundation
import GRDB
import Testing

/// `Statement.execute(binding:)` stores what GRDB's `execute(arguments:)` stores, binds new values
/// however the statement was used before, and refuses values it cannot bind.
@Suite struct StatementBindingTests {
    static func table() throws -> DatabaseQueue {
        let db = try DatabaseQueue()
        try db.write { try $0.execute(sql: "CREATE TABLE t(n INTEGER PRIMARY KEY, s TEXT, i INTEGER, b INTEGER, d BLOB, o TEXT)") }
        return db
    }

    /// Every column of every row, with SQLite's type of each value.
    static func rows(_ db: DatabaseQueue) throws -> [String] {
        try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT n, typeof(s), s, typeof(i), i, typeof(b), b, typeof(d), hex(d), typeof(o), o FROM t ORDER BY n
                """).map { $0.description }
        }
    }

    static let values: [(Int64, String, Int, Bool, Data, String?)] = [
        (1, "Vänersborg: beslut § 12 — åäö", -7, true, Data([0, 1, 2, 255]), "inte tom"),
        (2, "", Int.max, false, Data(), nil),
        (3, "a\u{1F600}b", 0, true, Data([42]), ""),
    ]

    @Test func storesWhatExecuteArgumentsStores() throws {
        let byArguments = try Self.table()
        let byBinding = try Self.table()
        let sql = "INSERT INTO t(n, s, i, b, d, o) VALUES (?, ?, ?, ?, ?, ?)"
        try byArguments.write { db in
            for v in Self.values { try db.execute(sql: sql, arguments: [v.0, v.1, v.2, v.3, v.4, v.5]) }
        }
        try byBinding.write { db in
            let statement = try db.makeStatement(sql: sql)
            for v in Self.values { try statement.execute(binding: v.0, v.1, v.2, v.3, v.4, v.5) }
        }
        #expect(try Self.rows(byBinding) == Self.rows(byArguments))
        #expect(try Self.rows(byBinding).count == 3)
    }

    /// SQLite does not bind to a statement that ran and was not reset: the values of the row
    /// before would be written again. Also after GRDB used the statement with arguments of its own.
    @Test func reusedStatementsTakeTheNewValues() throws {
        let db = try Self.table()
        try db.write { db in
            let insert = try db.makeStatement(sql: "INSERT INTO t(n, s) VALUES (?, ?)")
            try insert.execute(binding: Int64(1), "ett")
            try insert.execute(binding: Int64(2), "två")
            try insert.execute(arguments: [3, "tre"])
            try insert.execute(binding: Int64(4), "fyra")
            insert.setUncheckedArguments([5, "fem"])
            try insert.execute(binding: Int64(6), "sex")
            let select = try db.makeStatement(sql: "SELECT s FROM t WHERE n = ?")
            #expect(try String.fetchOne(select, arguments: [2]) == "två")
            let update = try db.makeStatement(sql: "UPDATE t SET o = ? WHERE n = ?")
            try update.execute(binding: "x", Int64(1))
            try update.execute(binding: String?.none, Int64(1))
            try update.execute(binding: "y", Int64(6))
        }
        let found = try db.read { db in try Row.fetchAll(db, sql: "SELECT n, s, o FROM t ORDER BY n").map { "\($0[0] as Int64) \($0[1] as String) \(($0[2] as String?) ?? "-")" } }
        #expect(found == ["1 ett -", "2 två -", "3 tre -", "4 fyra -", "6 sex y"])
    }

    @Test func refusesTooFewOrTooManyValues() throws {
        let db = try Self.table()
        try db.write { db in
            let insert = try db.makeStatement(sql: "INSERT INTO t(n, s) VALUES (?, ?)")
            #expect(throws: DatabaseError.self) { try insert.execute(binding: Int64(1)) }
            #expect(throws: DatabaseError.self) { try insert.execute(binding: Int64(1), "a", "b") }
        }
        #expect(try Self.rows(db).isEmpty)
    }
}
