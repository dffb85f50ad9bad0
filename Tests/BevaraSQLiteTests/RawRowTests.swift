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

    /// NULL, text and blob columns read in place give what GRDB's row gives: NULL told apart from
    /// an empty text, a text's bytes exactly (not normalised), a blob's bytes, empty or not.
    @Test func readsNullsTextBytesAndBlobsInPlace() throws {
        let queue = try DatabaseQueue()
        let composed = "Ärende \u{1F600}", decomposed = "A\u{308}rende"
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t(n INTEGER PRIMARY KEY, s TEXT, b BLOB)")
            try db.execute(sql: "INSERT INTO t VALUES (1, NULL, NULL), (2, '', x''), (3, ?, x'00ff10'), (4, ?, ?)",
                           arguments: [composed, decomposed, Data([1, 2, 3, 0, 4])])
        }
        try queue.read { db in
            var rows: [(null: Bool, text: [UInt8], string: String, blob: [UInt8], blobNull: Bool)] = []
            try db.makeStatement(sql: "SELECT s, b FROM t ORDER BY n").forEachRawRow { row in
                rows.append((row.isNull(0), Array(row.utf8(0)), row.string(0), Array(row.blob(1)), row.isNull(1)))
                return true
            }
            #expect(rows.map(\.null) == [true, false, false, false])
            #expect(rows.map(\.blobNull) == [true, false, false, false])
            #expect(rows.map(\.text) == [[], [], Array(composed.utf8), Array(decomposed.utf8)])
            #expect(rows[3].string.utf8.elementsEqual(decomposed.utf8), "the decomposed form stays decomposed")
            #expect(rows.map(\.blob) == [[], [], [0x00, 0xFF, 0x10], [1, 2, 3, 0, 4]])
        }
    }
}
