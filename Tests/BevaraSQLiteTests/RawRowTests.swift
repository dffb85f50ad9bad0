import BevaraSQLite
import Foundation
import GRDB
import Testing

/// `Statement.forEachRawRow(binding:row:)` gives the rows GRDB's cursor gives, stops when asked,
/// leaves the statement reusable, and refuses a wrong number of values.
@Suite struct RawRowTests {
    @Test func readsTheRowsACursorReads() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t(n INTEGER PRIMARY KEY, k TEXT, s TEXT)")
            for (n, k, s) in [(1, "a", "Åsa Ödqvist"), (2, "a", "x \u{301}y"), (3, "b", ""), (4, "a", "\u{1F600}")] {
                try db.execute(sql: "INSERT INTO t VALUES (?, ?, ?)", arguments: [n, k, s])
            }
        }
        try queue.read { db in
            let statement = try db.cachedStatement(sql: "SELECT n, s FROM t WHERE k = ? ORDER BY n")
            var raw: [String] = []
            try statement.forEachRawRow(binding: "a") { row in
                raw.append("\(row.int64(0)):\(row.string(1))")
                return true
            }
            let cursor = try Row.fetchAll(db, sql: "SELECT n, s FROM t WHERE k = ? ORDER BY n", arguments: ["a"])
                .map { "\($0[0] as Int64):\($0[1] as String)" }
            #expect(raw == cursor)
            #expect(raw == ["1:Åsa Ödqvist", "2:x \u{301}y", "4:\u{1F600}"])

            var first: [Int64] = []
            try statement.forEachRawRow(binding: "a") { row in
                first.append(row.int64(0))
                return false
            }
            #expect(first == [1])
            // Reset after an early stop: the next run starts from the first row with new values.
            var again: [String] = []
            try statement.forEachRawRow(binding: "b") { row in
                again.append(row.string(1))
                return true
            }
            #expect(again == [""])
            #expect(throws: DatabaseError.self) {
                try statement.forEachRawRow(binding: "a", "extra") { _ in true }
            }
        }
    }
}
