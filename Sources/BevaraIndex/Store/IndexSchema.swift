import GRDB

/// The index's tables, created by `DatabaseMigrator` migrations.
///
/// Every table carries `organisation_id`. Every index a search filter uses starts with it, so a
/// query scoped to a party's organisations never reads another party's rows and never scans a
/// table; the `object_id` indexes serve only re-indexing (`removePackage`). Dates are ISO
/// `YYYY-MM-DD` text, so range filters are plain text comparisons on an index.
///
/// Full text lives in one FTS5 table, `search_text`, one row per case, record and file text, with
/// no stored column besides the text. Its rowid (`TextRowID`) packs the organisation's number
/// (`organisation.org_no`) and the hit the row counts for, so an organisation's rows are one
/// rowid range that FTS5 applies inside its lookup, and hits are counted from rowids alone.
/// Deletion is an index lookup: case and record rowids are computed, a file's is in
/// `file.text_rowid`. `unicode61 remove_diacritics 0`: å, ä and ö are letters of their own in
/// Swedish, so `ö` must not match `o`.
///
/// The index is derived from storage, so a schema change is not migrated in place: an index
/// with other migrations than `current` is reported as outdated (`IndexError.outdatedSchema`)
/// and rebuilt by `bevara reindex`.
enum IndexSchema {
    /// The migration identifier of this schema.
    static let current = "v2"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(current) { db in
            try db.execute(sql: v2)
        }
        return migrator
    }

    static let v2 = """
    -- Bookkeeping of the index itself (not archive data; not in canonicalDump).
    CREATE TABLE index_meta (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT
    );
    CREATE TABLE organisation (
        organisation_id TEXT PRIMARY KEY NOT NULL,
        name TEXT,
        -- Small number of the organisation in full-text rowids (TextRowID); not archive data.
        org_no INTEGER NOT NULL UNIQUE
    );
    CREATE TABLE package (
        object_id TEXT PRIMARY KEY NOT NULL,
        organisation_id TEXT NOT NULL,
        agreement_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        label TEXT,
        created TEXT NOT NULL,
        submitted_by TEXT,
        file_count INTEGER NOT NULL,
        byte_count INTEGER NOT NULL,
        indexed_at TEXT NOT NULL
    );
    CREATE INDEX package_by_org ON package(organisation_id, object_id);

    CREATE TABLE case_file (
        id INTEGER PRIMARY KEY,
        organisation_id TEXT NOT NULL,
        object_id TEXT NOT NULL,
        dnr TEXT NOT NULL,
        dnr_key TEXT NOT NULL,
        title TEXT NOT NULL,
        status TEXT,
        opened TEXT,
        closed TEXT,
        classification TEXT,
        classification_text TEXT,
        unit TEXT,
        handling_officer TEXT,
        extra_ids TEXT,
        restricted INTEGER NOT NULL,
        legal_reference TEXT
    );
    CREATE INDEX case_by_org_dnr ON case_file(organisation_id, dnr_key);
    CREATE INDEX case_by_org_opened ON case_file(organisation_id, opened);
    CREATE INDEX case_by_org_classification ON case_file(organisation_id, classification);
    CREATE INDEX case_by_org_status ON case_file(organisation_id, status);
    CREATE INDEX case_by_object ON case_file(object_id);

    CREATE TABLE record (
        id INTEGER PRIMARY KEY,
        organisation_id TEXT NOT NULL,
        object_id TEXT NOT NULL,
        case_id INTEGER NOT NULL,
        record_id TEXT NOT NULL,
        type TEXT,
        direction TEXT,
        date TEXT,
        title TEXT NOT NULL,
        restricted INTEGER NOT NULL,
        legal_reference TEXT
    );
    CREATE INDEX record_by_org_date ON record(organisation_id, date);
    CREATE INDEX record_by_org_type_date ON record(organisation_id, type, date);
    CREATE INDEX record_by_org_case ON record(organisation_id, case_id);
    CREATE INDEX record_by_object ON record(object_id);
    CREATE INDEX record_by_org_record_id ON record(organisation_id, record_id);

    CREATE TABLE party (
        id INTEGER PRIMARY KEY,
        organisation_id TEXT NOT NULL,
        object_id TEXT NOT NULL,
        case_id INTEGER NOT NULL,
        record_id INTEGER,
        name TEXT NOT NULL,
        organisation TEXT,
        role TEXT NOT NULL,
        identity_number TEXT,
        identity_key TEXT,
        protected INTEGER NOT NULL
    );
    CREATE INDEX party_by_org_identity ON party(organisation_id, identity_key);
    CREATE INDEX party_by_org_case ON party(organisation_id, case_id);
    CREATE INDEX party_by_object ON party(object_id);

    CREATE TABLE file (
        id INTEGER PRIMARY KEY,
        organisation_id TEXT NOT NULL,
        object_id TEXT NOT NULL,
        record_id INTEGER,
        logical_path TEXT NOT NULL,
        original_name TEXT,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        mime TEXT NOT NULL,
        puid TEXT,
        text_status TEXT,
        text_note TEXT,
        -- The search_text row holding the file's text, if any (TextRowID).
        text_rowid INTEGER
    );
    CREATE UNIQUE INDEX file_by_object_path ON file(object_id, logical_path);
    CREATE INDEX file_by_org_record ON file(organisation_id, record_id);

    CREATE TABLE event (
        id INTEGER PRIMARY KEY,
        organisation_id TEXT NOT NULL,
        object_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        type TEXT NOT NULL,
        date_time TEXT NOT NULL,
        outcome TEXT,
        detail TEXT,
        agent TEXT
    );
    CREATE INDEX event_by_object ON event(object_id, version);
    CREATE INDEX event_by_org_date ON event(organisation_id, date_time);

    CREATE VIRTUAL TABLE search_text USING fts5(
        dnr,
        title,
        parties,
        body,
        tokenize = 'unicode61 remove_diacritics 0'
    );
    -- The `rank` column orders by bm25 with column weights: dnr 5, title 3, parties 2, body 1.
    INSERT INTO search_text(search_text, rank) VALUES ('rank', 'bm25(5.0, 3.0, 2.0, 1.0)');
    """

    /// Tables whose rows `canonicalDump` and `removePackage` cover, in dependency order.
    static let tables = ["organisation", "package", "case_file", "record", "party", "file", "event"]
}
