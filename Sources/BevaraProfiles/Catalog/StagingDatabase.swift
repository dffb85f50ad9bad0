import GRDB

/// What the export's staging databases (the catalog and its manifest store) share: they are
/// rebuilt from the export on every run, so they are written without durability, and loaded in
/// long transactions (`BulkTransaction`).
enum StagingDatabase {
    /// Opens (creating) `path` for loading: no journal, no syncs, temporary tables on disk.
    /// `exclusive` takes the file's lock once for the connection's life (see `ExportCatalog`).
    static func open(_ path: String, exclusive: Bool) throws -> DatabaseQueue {
        var config = Configuration()
        // Loading keeps one transaction open across calls (`BulkTransaction`).
        config.allowsUnsafeTransactions = true
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = FILE")
            if exclusive { try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE") }
        }
        return try DatabaseQueue(path: path, configuration: config)
    }
}

/// One transaction across many loading writes, committed and begun again every 50,000 rows:
/// bulk inserts run at hundreds of thousands of rows per second this way (swift-notes §2).
struct BulkTransaction {
    private(set) var isOpen = false
    private var pendingWrites = 0

    /// Runs `body`, one row's writes, inside the transaction (begun if need be).
    mutating func write<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        if !isOpen {
            try db.execute(sql: "BEGIN")
            isOpen = true
        }
        let result = try body()
        pendingWrites += 1
        if pendingWrites >= 50_000 {
            try db.execute(sql: "COMMIT")
            try db.execute(sql: "BEGIN")
            pendingWrites = 0
        }
        return result
    }

    /// Commits what was written, if anything.
    mutating func commit(_ db: Database) throws {
        guard isOpen else { return }
        try db.execute(sql: "COMMIT")
        isOpen = false
        pendingWrites = 0
    }
}

extension ExportCatalogError {
    /// A staging database's SQLite error, for the file at `path`.
    init(path: String, _ error: DatabaseError) {
        self.init(path: path, reason: error.message ?? "\(error.resultCode)")
    }
}
