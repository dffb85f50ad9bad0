import BevaraSQLite
import Foundation
import GRDB

/// The export's checksum manifest (path, SHA-256, line), in a database file of its own beside
/// the staging catalog, which attaches it at its first read.
///
/// Why a file of its own: one SQLite connection serves one thread at a time, and the manifest
/// does not depend on the case tables, so it is loaded on a thread of its own while they load.
/// In the catalog's own file it was read after them, ≈ 0.5 s of a 99,500-file package on the
/// thread that loads the catalog (bench P2).
///
/// Used by one thread at a time; closed before the catalog attaches it.
public final class ManifestStore {
    public let path: String
    private var db: DatabaseQueue?
    private var bulk = BulkTransaction()

    init(path: String) throws {
        self.path = path
        do {
            let queue = try StagingDatabase.open(path, exclusive: false)
            try queue.inDatabase { db in
                try db.execute(sql: """
                    CREATE TABLE IF NOT EXISTS manifest(
                        path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, line INTEGER NOT NULL) WITHOUT ROWID
                    """)
            }
            db = queue
        } catch let error as DatabaseError {
            throw ExportCatalogError(path: path, error)
        }
    }

    /// Records a line of the manifest. Returns false if the path was listed before (the first
    /// entry is kept).
    @discardableResult
    public func add(path filePath: String, sha256: String, line: Int) throws -> Bool {
        guard let db else { throw ExportCatalogError(path: path, reason: "manifest already closed for loading") }
        do {
            return try db.inDatabase { db in
                try bulk.write(db) {
                    try db.cachedStatement(sql: "INSERT OR IGNORE INTO manifest(path, sha256, line) VALUES (?, ?, ?)")
                        .execute(binding: filePath, sha256.lowercased(), line)
                    return db.changesCount > 0
                }
            }
        } catch let error as DatabaseError {
            throw ExportCatalogError(path: path, error)
        }
    }

    /// Commits what was loaded and closes the file (the catalog then reads it). Idempotent.
    func close() throws {
        guard let queue = db else { return }
        db = nil
        do {
            try queue.inDatabase { try bulk.commit($0) }
            try queue.close()
        } catch let error as DatabaseError {
            throw ExportCatalogError(path: path, error)
        }
    }
}
