import GRDB
import GRDBSQLite

extension Statement {
    /// Runs the statement with `values` bound to its parameters, in order.
    ///
    /// Why not `execute(arguments:)`: the index and the staging catalog write hundreds of
    /// thousands of rows, and GRDB's `StatementArguments` turns every value into an existential and
    /// then a `DatabaseValue` in an array before binding it: about a quarter of the ERMS rows' time
    /// in ingest, beside SQLite's own half. Here each value binds itself where it is (GRDB's
    /// `StatementBinding`, as `execute(arguments:)` binds it in the end: text and blobs copied,
    /// booleans as 0 and 1, nil as NULL), through a parameter pack: no array, no boxing.
    ///
    /// Throws when a value cannot be bound (too big, out of memory), so that no row is written
    /// with a parameter left from the row before, and when the values do not match the parameters.
    /// Inlinable, so that callers in other modules get it specialised for their values' types.
    @inlinable
    public func execute<each V: StatementBinding>(binding values: repeat each V) throws {
        try bindAfresh(repeat each values)
        try execute()
    }

    /// Resets the statement, clears its bindings and marks its (empty) arguments as bound, so that
    /// GRDB binds nothing over what follows; then binds `values` in order. Throws as
    /// `execute(binding:)` says. Shared by it and `forEachRawRow(binding:row:)`; inlinable so that
    /// it is specialised with them.
    @inlinable
    func bindAfresh<each V: StatementBinding>(_ values: repeat each V) throws {
        setUncheckedArguments([])
        let handle = sqliteStatement
        var index: CInt = 0
        for value in repeat each values {
            index += 1
            let code = value.bind(to: handle, at: index)
            guard code == SQLITE_OK else { throw sqliteError(code) }
        }
        guard index == sqlite3_bind_parameter_count(handle) else {
            throw DatabaseError(resultCode: .SQLITE_RANGE,
                                message: "\(index) values for \(sqlite3_bind_parameter_count(handle)) parameters", sql: sql)
        }
    }

    /// The connection's error for result `code`, naming this statement's SQL.
    @usableFromInline
    func sqliteError(_ code: CInt) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code),
                      message: String(cString: sqlite3_errmsg(sqlite3_db_handle(sqliteStatement))), sql: sql)
    }
}
