import GRDB
import GRDBSQLite

/// One result row of `Statement.forEachRawRow`, read by column index while it is current.
public struct RawRow {
    @usableFromInline let handle: OpaquePointer

    @inlinable init(_ handle: OpaquePointer) { self.handle = handle }

    public func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    /// True when the column is NULL.
    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    /// The column's text, decoded from its UTF-8 by byte length; "" for NULL.
    public func string(_ column: Int32) -> String {
        String(decoding: utf8(column), as: UTF8.self)
    }

    /// The column's text as UTF-8 bytes, valid only while the row is current (SQLite's own
    /// buffer: no copy); empty for NULL.
    public func utf8(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        // The pointer first, then the length: asking for the length first may convert the value
        // again (SQLite's rule for sqlite3_column_bytes).
        guard let text = sqlite3_column_text(handle, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column)))
    }

    /// The column's bytes as a blob, valid only while the row is current (SQLite's own buffer:
    /// no copy into a `Data`); empty for NULL or an empty blob.
    public func blob(_ column: Int32) -> UnsafeRawBufferPointer {
        guard let bytes = sqlite3_column_blob(handle, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column)))
    }
}

extension Statement {
    /// Runs a query with `values` bound to its parameters, in order, and hands each result row to
    /// `row` until it answers false or the rows end.
    ///
    /// For lookups made once per loaded row (a record's bare names for each of its parties):
    /// `Row.fetchCursor` builds a cursor, an argument array and a row per call, about half of such
    /// a lookup's cost. Values bind as in `execute(binding:)`; the statement is reset after.
    @inlinable
    public func forEachRawRow<each V: StatementBinding>(binding values: repeat each V, row: (RawRow) throws -> Bool) throws {
        try bindAfresh(repeat each values)
        let handle = sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw sqliteError(code) }
            if try !row(RawRow(handle)) { return }
        }
    }
}
