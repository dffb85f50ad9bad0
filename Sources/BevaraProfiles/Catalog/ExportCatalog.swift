import BevaraArchiveIO
import BevaraModel
import BevaraSQLite
import Foundation
import GRDB

// GRDB has a `Record` class too; in this file `Record` is the model's record (handling).
public typealias Record = BevaraModel.Record

/// A staging catalog of everything a profile reader found in an export: cases, records,
/// parties and file references, in a temporary SQLite database.
///
/// Why a database and not arrays: an export of a decommissioned system can hold millions of
/// records, and the checks need joins (records → cases), duplicate detection and "is this file
/// referenced?" lookups. SQLite does those with indexes on disk, so memory stays flat as exports
/// grow, and cases can be streamed to the packager one at a time.
public final class ExportCatalog {
    public let path: String
    private let db: DatabaseQueue
    private let ownsDirectory: String?
    // Values are stored in a binary form of their own, not JSON: see `CatalogCodable`.
    /// The loading transaction (see `BulkTransaction`).
    private var bulk = BulkTransaction()
    /// The manifest's database while it loads; attached to this one from the first read on.
    private var manifest: ManifestStore?
    private var manifestAttached = false
    private var readIndexesMade = false

    /// Opens (creating) a catalog at `path`.
    public init(path: String) throws {
        self.path = path
        self.ownsDirectory = nil
        db = try Self.open(path)
    }

    /// A catalog in a fresh temporary directory, removed when the catalog is released.
    public init() throws {
        Self.removeAbandonedCatalogs()
        let dir = NSTemporaryDirectory() + "bevara-catalog-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        path = dir + "/catalog.sqlite"
        ownsDirectory = dir
        do {
            db = try Self.open(path)
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: dir)
            throw ExportCatalogError(path: path, error)
        }
    }

    /// Temporary catalogs of runs that were killed (their process is gone) take room in the
    /// temporary folder until someone removes them: the next run does.
    private static func removeAbandonedCatalogs() {
        let tmp = NSTemporaryDirectory()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: tmp)) ?? [] where name.hasPrefix("bevara-catalog-") {
            let fields = name.split(separator: "-")
            guard fields.count > 2, let pid = pid_t(fields[2]), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: tmp + name)
            }
        }
    }

    deinit {
        if bulk.isOpen { try? access { try bulk.commit($0) } }
        if let dir = ownsDirectory { try? FileManager.default.removeItem(atPath: dir) }
    }

    /// The connection of the access in progress, if any: a caller streaming cases may look things
    /// up (a manifest entry) from inside its loop, and GRDB's queue is not reentrant.
    private var current: Database?

    private func access<T>(_ body: (Database) throws -> T) throws -> T {
        if let current { return try body(current) }
        do {
            return try db.inDatabase { database in
                current = database
                defer { current = nil }
                return try body(database)
            }
        } catch let error as DatabaseError {
            throw ExportCatalogError(path: path, error)
        }
    }

    private static func open(_ path: String) throws -> DatabaseQueue {
        // One connection in one process: an exclusive lock, taken once, spares every read
        // transaction the lock calls and the check of the file for changes (3 system calls a
        // case file lookup, ~300,000 in a 99,500-file package).
        let queue = try StagingDatabase.open(path, exclusive: true)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS cases(
                    seq INTEGER PRIMARY KEY, case_key TEXT NOT NULL, dnr TEXT NOT NULL, src TEXT NOT NULL, json BLOB NOT NULL,
                    party_count INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE IF NOT EXISTS records(
                    seq INTEGER PRIMARY KEY, case_key TEXT NOT NULL, record_id TEXT NOT NULL, src TEXT NOT NULL, json BLOB NOT NULL,
                    party_count INTEGER NOT NULL DEFAULT 0, bare_names TEXT NOT NULL DEFAULT '');
                CREATE INDEX IF NOT EXISTS records_id ON records(record_id);
                CREATE TABLE IF NOT EXISTS parties(
                    seq INTEGER PRIMARY KEY, case_key TEXT NOT NULL, record_id TEXT, src TEXT NOT NULL, json BLOB NOT NULL,
                    merges INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE IF NOT EXISTS files(
                    seq INTEGER PRIMARY KEY, record_seq INTEGER, record_id TEXT, path TEXT NOT NULL, src TEXT, json BLOB);
                """)
        }
        return queue
    }

    /// The indexes only reads use, made once the rows are in (`prepareForReading`): built from
    /// the loaded table they cost less than kept up row by row while loading, which is the
    /// thread that bounds the load. Loading itself looks records up by id (`records_id`), so
    /// that one exists from the start. Rows added after a read still update them.
    private static let readIndexes = """
        CREATE INDEX IF NOT EXISTS cases_key ON cases(case_key);
        CREATE INDEX IF NOT EXISTS records_case ON records(case_key, seq);
        CREATE INDEX IF NOT EXISTS parties_case ON parties(case_key, seq);
        CREATE INDEX IF NOT EXISTS files_path ON files(path);
        CREATE INDEX IF NOT EXISTS files_record ON files(record_id) WHERE json IS NOT NULL;
        CREATE INDEX IF NOT EXISTS files_record_seq ON files(record_seq) WHERE record_seq IS NOT NULL;
        """

    // MARK: Loading (profile readers)

    /// Adds a case. Call `finishLoading()` when the reader is done.
    public func add(_ item: Case) throws { try add(CatalogRow(item)) }

    /// Adds a record with its file references.
    public func add(_ record: Record) throws { try add(CatalogRow(record)) }

    /// Adds a file reference to the record with id `recordID`, for exports that list files in a
    /// table of their own. It is merged into the record when cases are streamed.
    public func add(file: FileReference, recordID: String) throws { try add(CatalogRow(file: file, recordID: recordID)) }

    /// Adds a party to a case, or to one record of it when `recordID` is given.
    ///
    /// A record's party that the record already names (a CSV sender or recipient column gives a
    /// bare name) is merged into that name rather than added beside it: the record gets one
    /// party with the table's number, address and protected-identity flag, not a second copy
    /// of the name without the flag. The column's role is kept when the table gives none.
    ///
    /// The merge itself happens when cases are streamed, where records are decoded anyway:
    /// loading only decides, from the record's `bare_names` column, that the party will merge,
    /// so a parties table costs no decoding and re-encoding of records.
    public func add(party: Party, caseNumber: Diarienummer, recordID: String?) throws {
        try add(CatalogRow(party: party, caseNumber: caseNumber, recordID: recordID))
    }

    /// Adds a row made ahead (possibly on another thread; see `CatalogRow`).
    public func add(_ row: CatalogRow) throws { try add(CollectionOfOne(row)) }

    /// Adds rows made ahead, in order, in one entry to the database: `CatalogLoadPipeline` hands
    /// over its batches whole (an entry per row was a queue hop per row on the loading thread).
    public func add(_ rows: some Collection<CatalogRow>) throws {
        try access { db in
            for row in rows { try insert(row, db) }
        }
    }

    private func insert(_ row: CatalogRow, _ db: Database) throws {
        switch row.content {
        case let .caseRow(value, key, diarienummer, src, partyCount):
            try bulk.write(db) {
                try db.cachedStatement(sql: "INSERT INTO cases(case_key, dnr, src, json, party_count) VALUES (?, ?, ?, ?, ?)")
                    .execute(binding: key, diarienummer, src, value, partyCount)
            }
        case let .record(value, key, recordID, src, partyCount, bareNames, files):
            try bulk.write(db) {
                try db.cachedStatement(sql: "INSERT INTO records(case_key, record_id, src, json, party_count, bare_names) VALUES (?, ?, ?, ?, ?, ?)")
                    .execute(binding: key, recordID, src, value, partyCount, bareNames)
                let seq = db.lastInsertedRowID
                for file in files {
                    try db.cachedStatement(sql: "INSERT INTO files(record_seq, record_id, path, src) VALUES (?, ?, ?, ?)")
                        .execute(binding: seq, recordID, file.path, file.src)
                }
            }
        case let .party(value, caseKey, recordID, src, claim):
            try bulk.write(db) {
                if let recordID, let claim,
                   let recordCaseKey = try claimBareName(claim.nameKey, isBare: claim.isBare, recordID: recordID, db) {
                    try db.cachedStatement(sql: "INSERT INTO parties(case_key, record_id, src, json, merges) VALUES (?, ?, ?, ?, 1)")
                        .execute(binding: recordCaseKey, recordID, src, value)
                    return
                }
                try db.cachedStatement(sql: "INSERT INTO parties(case_key, record_id, src, json) VALUES (?, ?, ?, ?)")
                    .execute(binding: caseKey, recordID, src, value)
            }
        case let .file(value, path, recordID, src):
            try bulk.write(db) {
                try db.cachedStatement(sql: "INSERT INTO files(record_id, path, src, json) VALUES (?, ?, ?, ?)")
                    .execute(binding: recordID, path, src, value)
            }
        }
    }

    /// Records a line of the export's checksum manifest. Returns false if the path was listed
    /// before (the first entry is kept).
    @discardableResult
    public func addManifestEntry(path: String, sha256: String, line: Int) throws -> Bool {
        try manifestStore().add(path: path, sha256: sha256, line: line)
    }

    /// Where the manifest is loaded: a database of its own (`ManifestStore`), which another
    /// thread may fill while this catalog loads the case tables. Hand it over before the first
    /// read of the catalog and take it back (the thread done) before that read, which attaches it.
    public func manifestStore() throws -> ManifestStore {
        guard !manifestAttached else {
            throw ExportCatalogError(path: path, reason: "the manifest is loaded before the catalog is first read")
        }
        if let manifest { return manifest }
        let store = try ManifestStore(path: path + "-manifest")
        manifest = store
        return store
    }

    /// A manifest line: the SHA-256 it gives and the line it is on.
    public typealias ManifestEntry = (sha256: String, line: Int)

    /// The manifest's SHA-256 for `path` and the line it is on, if listed.
    public func manifestEntry(path: String) throws -> ManifestEntry? {
        try prepareForReading()
        return try access { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT sha256, line FROM manifest WHERE path = ?"), arguments: [path]).map { ($0[0], $0[1]) }
        }
    }

    /// The manifest entries directly in `folder` (relative to the file root, not empty), by file
    /// name; nil when more than `limit` lie under it. See `entries(inFolder:…)`.
    public func manifestEntries(inFolder folder: String, limit: Int) throws -> [ByteKey: ManifestEntry]? {
        try entries(inFolder: folder, limit: limit, sql: "SELECT path, sha256, line FROM manifest WHERE path >= ? AND path < ? LIMIT ?") {
            ($0.string(1), Int($0.int64(2)))
        }
    }

    /// The rows of `sql` (path first; bound to the folder's path range and a limit) whose path lies
    /// directly in `folder`, by file name as UTF-8 bytes (`ByteKey`, compared byte for byte, as SQLite
    /// compares paths); nil when more than `limit` lie under it, so that memory stays bounded
    /// and the caller asks per path. One range query per folder instead of one query per file;
    /// its rows read in place (a GRDB row per path was half of a folder's cost).
    private func entries<T>(inFolder folder: String, limit: Int, sql: String, value: (RawRow) -> T) throws -> [ByteKey: T]? {
        try prepareForReading()
        // Paths under "folder/" are exactly those in ["folder/", "folder0"): '0' follows '/'.
        let low = folder + "/"
        let high = folder + "0"
        return try access { db in
            var entries: [ByteKey: T] = [:]
            var rows = 0
            let skip = low.utf8.count
            try db.cachedStatement(sql: sql).forEachRawRow(binding: low, high, limit + 1) { row in
                rows += 1
                guard rows <= limit else { return false }
                let name = row.utf8(0).dropFirst(skip)
                if !name.contains(UInt8(ascii: "/")) { entries[ByteKey(name)] = value(row) }
                return true
            }
            return rows <= limit ? entries : nil
        }
    }

    /// Streams manifest entries (path, sha256, line) in path order; with `unreferencedOnly`, only
    /// those whose path no file reference names.
    public func forEachManifestEntry(unreferencedOnly: Bool = false, _ body: (String, String, Int) throws -> Void) throws {
        try prepareForReading()
        let filter = unreferencedOnly ? " m WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.path = m.path)" : ""
        try access { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT path, sha256, line FROM manifest\(filter) ORDER BY path")
            while let row = try cursor.next() { try body(row[0], row[1], row[2]) }
        }
    }

    /// How many different paths the file references name.
    public func distinctReferencedPathCount() throws -> Int {
        try prepareForReading()
        return try access { db in try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT path) FROM files") ?? 0 }
    }

    /// How many file references name a path the manifest does not list.
    public func unlistedReferenceCount() throws -> Int {
        try prepareForReading()
        return try access { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM files f WHERE NOT EXISTS (SELECT 1 FROM manifest m WHERE m.path = f.path)") ?? 0
        }
    }

    /// Streams cases `offset ..< offset + limit` in export order, as `forEachCase` does; used to
    /// write one part of a split delivery.
    public func forEachCase(offset: Int, limit: Int, _ body: (Case, [Record]) throws -> Void) throws {
        try forEachCase(where: "seq IN (SELECT seq FROM cases ORDER BY seq LIMIT \(limit) OFFSET \(offset))", body)
    }

    /// If record `recordID` has a bare-name party whose name key is `nameKey`, marks that name as
    /// taken (unless the merged party is itself bare) and returns the record's case key; nil if there is none.
    private func claimBareName(_ nameKey: String, isBare: Bool, recordID: String, _ db: Database) throws -> String? {
        // Rows read in place (`forEachRawRow`): a GRDB cursor was about half of this function's
        // cost, once per party of a record in a parties table, on the thread that loads.
        var found: (seq: Int64, caseKey: String, bareNames: String)?
        var rows = 0
        try db.cachedStatement(sql: "SELECT seq, case_key, bare_names FROM records WHERE record_id = ? LIMIT 2")
            .forEachRawRow(binding: recordID) { row in
                rows += 1
                if rows == 1 { found = (row.int64(0), row.string(1), row.string(2)) }
                return rows < 2
            }
        // A duplicated record id is reported by the checks; which record is meant is unknown.
        guard let (seq, caseKey, bareNames) = found, rows == 1 else { return nil }
        // Split by byte: a line feed is one byte in UTF-8, never part of another scalar, and a
        // grapheme of its own, so this is the Character split, without walking Characters
        // (≈ 7,600 instructions a party of a record).
        var names = bareNames.utf8.split(separator: UInt8(ascii: "\n")).map { Substring($0) }
        guard let i = names.firstIndex(of: Substring(nameKey)) else { return nil }
        // A merged party that is bare itself stays a bare name the next row can merge into.
        if !isBare {
            names.remove(at: i)
            try db.cachedStatement(sql: "UPDATE records SET bare_names = ? WHERE seq = ?")
                .execute(binding: names.joined(separator: "\n"), seq)
        }
        return caseKey
    }

    /// Merges `party` into the first bare-name party of `record` with its name (appends it if
    /// there is none), as `add(party:…)` decided at loading time.
    private static func merge(_ party: Party, into record: inout Record) {
        let key = nameKey(party.name)
        guard let i = record.parties.firstIndex(where: { isBare($0) && nameKey($0.name) == key }) else {
            record.parties.append(party)
            return
        }
        var merged = party
        if merged.role == .other { merged.role = record.parties[i].role }
        record.parties[i] = merged
    }

    /// A party given by name only (a CSV sender or recipient column).
    static func isBare(_ party: Party) -> Bool {
        party.identityNumber == nil && party.organisation == nil && party.address == nil && !party.protectedIdentity
    }

    /// The name keys of a record's bare-name parties, one a line (keys never hold a line break).
    static func bareNames(of parties: [Party]) -> String {
        parties.filter(isBare).map { nameKey($0.name) }.joined(separator: "\n")
    }

    static func nameKey(_ name: String) -> String {
        latin1NameKey(name) ?? name.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }

    /// `nameKey` in one byte pass for names within U+0000–U+00FF (ASCII and the Latin-1 letters
    /// of Swedish names, which took the general way: ≈ 7 % of the packaging thread that reads
    /// cases). Exact there: each such scalar is a Character of its own (but CR LF, both white
    /// space), `Character.isWhitespace` is U+0009–U+000D, U+0020, U+0085 and U+00A0, and
    /// `lowercased()` maps A–Z and U+00C0–U+00DE but U+00D7 one-to-one (ß and µ stay). Nil for
    /// any other scalar.
    static func latin1NameKey(_ name: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        var lead: UInt8 = 0
        for b in name.utf8 {
            var scalar: UInt32
            if lead != 0 {
                scalar = UInt32(lead & 0x1F) << 6 | UInt32(b & 0x3F)
                lead = 0
            } else if b < 0x80 {
                scalar = UInt32(b)
            } else if b == 0xC2 || b == 0xC3 {
                lead = b
                continue
            } else {
                return nil
            }
            if scalar == 0x20 || (0x09...0x0D).contains(scalar) || scalar == 0x85 || scalar == 0xA0 {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            if (0x41...0x5A).contains(scalar) || ((0xC0...0xDE).contains(scalar) && scalar != 0xD7) { scalar += 0x20 }
            if scalar < 0x80 {
                out.append(UInt8(scalar))
            } else {
                out.append(0xC0 | UInt8(scalar >> 6))
                out.append(0x80 | UInt8(scalar & 0x3F))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Commits the loading transaction.
    public func finishLoading() throws {
        if bulk.isOpen { try access { try bulk.commit($0) } }
    }

    /// Every read starts here: loading is over (committed) and the manifest attached.
    private func prepareForReading() throws {
        try finishLoading()
        if !readIndexesMade {
            try access { try $0.execute(sql: Self.readIndexes) }
            readIndexesMade = true
        }
        if !manifestAttached { try attachManifest() }
    }

    /// Closes the manifest's own database (an empty one if the export has no manifest) and
    /// attaches it, so that `manifest` names its table in every query from here on.
    private func attachManifest() throws {
        let store = try manifestStore()
        try store.close()
        try access { try $0.execute(sql: "ATTACH DATABASE ? AS manifest_db", arguments: [store.path]) }
        manifestAttached = true
    }

    // MARK: Reading

    public struct Counts: Codable, Equatable, Sendable {
        public var cases: Int
        public var records: Int
        /// Every party read: those embedded in cases and records (FGS `Motpart`, `Avsandare`,
        /// `Mottagare`; CSV sender and recipient columns) and the rows of a parties table.
        public var parties: Int
        public var fileReferences: Int

        public init(cases: Int, records: Int, parties: Int, fileReferences: Int) {
            self.cases = cases
            self.records = records
            self.parties = parties
            self.fileReferences = fileReferences
        }
    }

    public func counts() throws -> Counts {
        try prepareForReading()
        return try access { db in
            Counts(cases: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cases") ?? 0,
                   records: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM records") ?? 0,
                   parties: try Int.fetchOne(db, sql: """
                       SELECT (SELECT COUNT(*) FROM parties WHERE merges = 0) + (SELECT IFNULL(SUM(party_count), 0) FROM cases)
                            + (SELECT IFNULL(SUM(party_count), 0) FROM records)
                       """) ?? 0,
                   fileReferences: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM files") ?? 0)
        }
    }

    /// Streams cases in export order, each with its records (in export order) and with the
    /// parties of the `parties` table merged in. Only one case is in memory at a time.
    public func forEachCase(_ body: (Case, [Record]) throws -> Void) throws {
        try forEachCase(where: nil, body)
    }

    private func forEachCase(where condition: String?, _ body: (Case, [Record]) throws -> Void) throws {
        try prepareForReading()
        try access { db in
            let filter = condition.map { " WHERE \($0)" } ?? ""
            let cases = try db.makeStatement(sql: "SELECT case_key, json FROM cases\(filter) ORDER BY seq")
            // Statements compiled once for the whole stream, not once per case. Rows are read in
            // place (`forEachRawRow`), values decoded from SQLite's buffer: GRDB's rows (a copy
            // of every column, a `Data` per value) were nearly half of reading cases back (684 →
            // 363 M instructions for 1,990 cases), on the thread that writes the content files.
            let recordsOfCase = try db.cachedStatement(sql: "SELECT json FROM records WHERE case_key = ? ORDER BY seq")
            let filesOfCase = try db.cachedStatement(sql: """
                SELECT record_id, json FROM files WHERE json IS NOT NULL
                AND record_id IN (SELECT record_id FROM records WHERE case_key = ?) ORDER BY seq
                """)
            let partiesOfCase = try db.cachedStatement(sql: "SELECT record_id, json, merges FROM parties WHERE case_key = ? ORDER BY seq")
            try cases.forEachRawRow { row in
                let key = row.string(0)
                var item = try CatalogReader.decode(Case.self, from: row.blob(1))
                var records: [Record] = []
                try recordsOfCase.forEachRawRow(binding: key) { r in
                    records.append(try CatalogReader.decode(Record.self, from: r.blob(0)))
                    return true
                }
                // Files of a files table, in export order, to every record with their record id.
                try filesOfCase.forEachRawRow(binding: key) { f in
                    let rid = f.string(0)
                    let file = try CatalogReader.decode(FileReference.self, from: f.blob(1))
                    for i in records.indices where records[i].id == rid { records[i].files.append(file) }
                    return true
                }
                try partiesOfCase.forEachRawRow(binding: key) { p in
                    let party = try CatalogReader.decode(Party.self, from: p.blob(1))
                    if !p.isNull(0), case let rid = p.string(0), let i = records.firstIndex(where: { $0.id == rid }) {
                        if p.int64(2) != 0 { Self.merge(party, into: &records[i]) } else { records[i].parties.append(party) }
                    } else {
                        item.parties.append(party)
                    }
                    return true
                }
                try body(item, records)
                return true
            }
        }
    }

    /// Streams the paths of each case's files, case by case in export order, as `forEachCase`
    /// would give them in its records (the order within a case may differ), without decoding
    /// any value: for planning a split delivery by size.
    public func forEachCaseFilePaths(_ body: ([String]) throws -> Void) throws {
        try prepareForReading()
        try access { db in
            let cursor = try String.fetchCursor(db, sql: "SELECT case_key FROM cases ORDER BY seq")
            let embedded = try db.cachedStatement(sql: """
                SELECT f.path FROM records r JOIN files f ON f.record_seq = r.seq WHERE r.case_key = ?
                """)
            let fromTable = try db.cachedStatement(sql: """
                SELECT f.path FROM records r JOIN files f ON f.record_id = r.record_id AND f.json IS NOT NULL
                WHERE r.case_key = ?
                """)
            while let key = try cursor.next() {
                try body(try String.fetchAll(embedded, arguments: [key]) + String.fetchAll(fromTable, arguments: [key]))
            }
        }
    }

    /// Streams every file reference with the id of its record, in export order: those embedded
    /// in records, then those from a files table.
    public func forEachFileReference(_ body: (FileReference, String) throws -> Void) throws {
        try prepareForReading()
        try access { db in
            // Rows read in place, as in `forEachCase`.
            try db.makeStatement(sql: "SELECT record_id, json FROM records ORDER BY seq").forEachRawRow { row in
                // Only the files: they come first in a stored record.
                let files = try CatalogReader.decodePrefix(of: row.blob(1)) { try Record.files(from: &$0) }
                if !files.isEmpty {
                    let recordID = row.string(0)
                    for file in files { try body(file, recordID) }
                }
                return true
            }
            try db.makeStatement(sql: "SELECT record_id, json FROM files WHERE json IS NOT NULL ORDER BY seq").forEachRawRow { row in
                try body(try CatalogReader.decode(FileReference.self, from: row.blob(1)), row.string(0))
                return true
            }
        }
    }

    /// Case numbers that occur more than once (same search key), with where each occurrence is.
    public func duplicateCaseNumbers() throws -> [(value: String, places: [String])] {
        try duplicates(sql: """
            SELECT case_key, dnr, src FROM cases WHERE case_key IN (SELECT case_key FROM cases GROUP BY case_key HAVING COUNT(*) > 1)
            ORDER BY case_key, seq
            """)
    }

    /// Record ids that occur more than once.
    public func duplicateRecordIDs() throws -> [(value: String, places: [String])] {
        try duplicates(sql: """
            SELECT record_id, record_id, src FROM records WHERE record_id IN (SELECT record_id FROM records GROUP BY record_id HAVING COUNT(*) > 1)
            ORDER BY record_id, seq
            """)
    }

    private func duplicates(sql: String) throws -> [(value: String, places: [String])] {
        try prepareForReading()
        return try access { db in
            // Grouped by the normalised key; reported with the first occurrence's verbatim value.
            var result: [(String, [String])] = []
            var lastKey: String?
            for row in try Row.fetchAll(db, sql: sql + " LIMIT 100000") {
                let key: String = row[0]
                let shown: String = row[1]
                let src: String = row[2]
                if lastKey == key { result[result.count - 1].1.append(src) } else { result.append((shown, [src])) }
                lastKey = key
            }
            return result
        }
    }

    /// Records whose case number matches no case: (record id, case number, where).
    public func recordsWithoutCase() throws -> [(recordID: String, caseNumber: String, place: String)] {
        try prepareForReading()
        return try access { db in
            try Row.fetchAll(db, sql: """
                SELECT r.record_id, r.json, r.src FROM records r
                WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.case_key = r.case_key) ORDER BY r.seq LIMIT 100000
                """).map { row in
                let record = try CatalogReader.decode(Record.self, from: row[1] as Data)
                return (row[0], record.caseNumber.verbatim, row[2])
            }
        }
    }

    /// File references (from a files table) whose record id matches no record: (record id, path, where).
    public func filesWithoutRecord() throws -> [(recordID: String, path: String, place: String)] {
        try prepareForReading()
        return try access { db in
            try Row.fetchAll(db, sql: """
                SELECT f.record_id, f.path, f.src FROM files f WHERE f.json IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM records r WHERE r.record_id = f.record_id) ORDER BY f.seq LIMIT 100000
                """).map { ($0[0], $0[1], $0[2]) }
        }
    }

    /// Parties whose case number matches no case: (case number key, where).
    public func partiesWithoutCase() throws -> [(caseKey: String, place: String)] {
        try prepareForReading()
        return try access { db in
            try Row.fetchAll(db, sql: """
                SELECT p.case_key, p.src FROM parties p
                WHERE p.merges = 0 AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.case_key = p.case_key) ORDER BY p.seq LIMIT 100000
                """).map { ($0[0], $0[1]) }
        }
    }

    /// The names of the referenced files directly in `folder` (relative to the file root, not
    /// empty); nil when more than `limit` paths lie under it. See `entries(inFolder:…)`.
    public func referencedNames(inFolder folder: String, limit: Int) throws -> [ByteKey: Void]? {
        try entries(inFolder: folder, limit: limit, sql: "SELECT path FROM files WHERE path >= ? AND path < ? LIMIT ?") { _ in () }
    }

    /// True if any record references `path` (relative to the export's file root).
    public func isReferenced(path: String) throws -> Bool {
        try prepareForReading()
        return try access { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS(SELECT 1 FROM files WHERE path = ?)"), arguments: [path]) ?? false
        }
    }
}
