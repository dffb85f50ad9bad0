import BevaraArchiveIO
import Foundation
import GRDB

/// The SQLite index of the archive: packages, cases, records, parties, files, document text and
/// events, per organisation. It is a cache: everything in it can be rebuilt from the OCFL storage
/// root, and `canonicalDump` proves that a rebuild gives the same rows.
///
/// One `DatabasePool` in WAL mode: searches read concurrently while ingest writes.
public final class ArchiveIndex: Sendable {
    let pool: DatabasePool
    public let path: String
    /// Set when the file holds an older schema: every use then throws `IndexError.outdatedSchema`
    /// (opening does not, so that `bevara reindex` can open the archive and rebuild the index).
    let outdated: IndexError?

    /// Opens (creating if needed) the index at `path`. A new file gets the current schema; a
    /// current one is only read (opening writes nothing); an older one is left as it is and
    /// reported as outdated by every call but `close`.
    public init(path: String) throws {
        self.path = path
        var config = Configuration()
        // The index is rebuildable, so a crash losing the last transaction is acceptable;
        // NORMAL in WAL mode never corrupts the file.
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            if db.configuration.readonly {
                // Searches touch many pages of a large index: a 64 MiB cache per connection and
                // memory-mapped reads keep them off the read() path; sorts stay in memory.
                try db.execute(sql: "PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824; PRAGMA temp_store = MEMORY")
            } else {
                // The writer: a package is indexed in one transaction, and a large cache (or
                // mapped pages) would hold every page it touches, so ingest's memory grew with the
                // package. 4 MiB keeps the B-trees' upper pages; dirty pages beyond it spill to the WAL.
                // Temporary tables (`IndexWriter`'s pending file links, one row per file of a
                // package, and its staged full-text rows, up to 8 MiB of text) go to a temporary
                // file behind a 1 MiB cache, not to memory.
                try db.execute(sql: "PRAGMA cache_size = -4096; PRAGMA mmap_size = 0; PRAGMA temp_store = FILE")
                try db.execute(sql: "PRAGMA temp.cache_size = -1024")
            }
        }
        pool = try DatabasePool(path: path, configuration: config)
        let migrator = IndexSchema.migrator
        let (applied, complete) = try pool.read { db in
            (try migrator.appliedIdentifiers(db), try migrator.hasCompletedMigrations(db))
        }
        if !applied.isSubset(of: [IndexSchema.current]) {
            outdated = .outdatedSchema(path: path, found: applied.sorted(), expected: IndexSchema.current)
        } else {
            outdated = nil
            if !complete { try migrator.migrate(pool) }
        }
    }

    /// Throws `outdatedSchema` for an index built with an older schema.
    func requireCurrentSchema() throws {
        if let outdated { throw outdated }
    }

    /// Runs `body` in one transaction: everything it writes is committed together, or nothing
    /// is if it throws. The transaction ends by refreshing the planner's statistics when the
    /// tables have doubled since they were last analysed (`PlannerStatistics`).
    public func write<T>(_ body: (IndexWriter) throws -> T) throws -> T {
        try requireCurrentSchema()
        return try pool.write { db in
            let writer = try IndexWriter(db: db)
            let result = try body(writer)
            try writer.flushPending()
            try PlannerStatistics.refreshIfStale(db)
            return result
        }
    }

    /// Re-analyses every table (sampled), e.g. after a large removal.
    /// Closes the database with the WAL checkpointed into the main file, so the file alone can be
    /// moved. The checkpoint is explicit: SQLite checkpoints on the last close only when that
    /// connection may write, and a pool's last connection can be a read-only reader.
    public func close() throws {
        try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        try pool.close()
    }

    public func optimize() throws {
        try requireCurrentSchema()
        try pool.write { db in try PlannerStatistics.analyze(db) }
    }

    /// What the index holds for a package, or nil if it is not indexed.
    public func packageRecord(objectID: String) throws -> IndexedPackage? {
        try requireCurrentSchema()
        return try pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT object_id, organisation_id, agreement_id, version, label, created, submitted_by, file_count, byte_count
                FROM package WHERE object_id = ?
                """, arguments: [objectID]).map { row in
                IndexedPackage(objectID: row[0], organisationID: row[1], agreementID: row[2], version: row[3], label: row[4],
                               created: row[5], submittedBy: row[6], fileCount: row[7], byteCount: row[8])
            }
        }
    }

    /// Searches the given organisations only; an empty set finds nothing. Restricted records are
    /// returned with their flag and legal reference: deciding what to show is the access layer's job.
    ///
    /// Full-text and party-name searches count at most 10,000 hits (`totalIsLowerBound`). Text is
    /// ranked by relevance up to 2,000 hits, party names listed newest first up to 500; broader ones come
    /// newest first unranked, or latest indexed first when the match alone decides
    /// (`SearchOrder`), so their cost stays bounded.
    public func search(_ query: SearchQuery, organisations: Set<String>) throws -> SearchPage {
        try requireCurrentSchema()
        guard !organisations.isEmpty else { return SearchPage(hits: [], total: 0) }
        return try pool.read { db in
            try SearchExecutor(db: db, organisations: organisations.sorted()).run(query)
        }
    }

    /// Packages, cases, records, files and bytes per organisation, ordered by organisation id.
    public func status() throws -> [OrganisationStatus] {
        try requireCurrentSchema()
        return try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT o.organisation_id, o.name,
                    (SELECT count(*) FROM package p WHERE p.organisation_id = o.organisation_id),
                    (SELECT count(*) FROM case_file c WHERE c.organisation_id = o.organisation_id),
                    (SELECT count(*) FROM record r WHERE r.organisation_id = o.organisation_id),
                    (SELECT coalesce(sum(p.file_count), 0) FROM package p WHERE p.organisation_id = o.organisation_id),
                    (SELECT coalesce(sum(p.byte_count), 0) FROM package p WHERE p.organisation_id = o.organisation_id)
                FROM organisation o ORDER BY o.organisation_id
                """).map { row in
                OrganisationStatus(organisationID: row[0], name: row[1], packages: row[2], cases: row[3], records: row[4],
                                   files: row[5], bytes: row[6])
            }
        }
    }

    /// Every table's rows as sorted text lines, with row ids replaced by natural keys and the
    /// indexing timestamp left out: two indexes built from the same storage dump equal.
    public func canonicalDump() throws -> String {
        try requireCurrentSchema()
        return try pool.read { db in try CanonicalDump.make(db) }
    }

    /// Writes `canonicalDump` to a file, streamed (for indexes too large for one string), and
    /// returns its SHA-256: equal digests mean equal indexes.
    @discardableResult
    public func writeCanonicalDump(to path: String) throws -> String {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw IOError(path: path, operation: "create", reason: "cannot create the dump file")
        }
        try requireCurrentSchema()
        var buffer = Data()
        try pool.read { db in
            try CanonicalDump.write(db) { line in
                buffer.append(contentsOf: Array(line.utf8))
                buffer.append(0x0A)
                if buffer.count >= 1 << 20 {
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
        }
        try handle.write(contentsOf: buffer)
        try handle.close()
        return try FileDigest.sha256(path: path)
    }

    /// The query plan SQLite chooses for `query` (one line per plan step); for tests and tuning.
    public func explain(_ query: SearchQuery, organisations: Set<String>) throws -> [String] {
        try requireCurrentSchema()
        return try pool.read { db in
            try SearchExecutor(db: db, organisations: organisations.sorted()).explain(query)
        }
    }
}
