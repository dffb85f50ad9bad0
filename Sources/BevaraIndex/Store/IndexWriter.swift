import Foundation
import BevaraSQLite
import GRDB

/// Writes rows inside one `ArchiveIndex.write` transaction. Not for use outside that closure.
///
/// Expected order per package: `upsertOrganisation`, `removePackage` (when re-indexing),
/// `addPackage`, then cases with their parties and records (as `ERMSIndexReader` does), files,
/// `setText`, events. Linking files to records works in either order (`linkFile`).
///
/// Statements are prepared once per transaction and reused. The full-text row of a case or
/// record is held back until the next case or record starts, so its parties' names land in the
/// same row with a single insert. Full-text rows are then staged and go into FTS5 in rowid order,
/// in batches and when the transaction ends (`pending_text`).
public final class IndexWriter {
    private let db: Database
    private var statements: [String: Statement] = [:]
    /// objectID → organisationID of packages seen in this transaction.
    private var packageOrganisations: [String: String] = [:]
    /// organisationID → organisation.org_no, the organisation's bits of full-text rowids.
    private var organisationNumbers: [String: Int64] = [:]
    /// The last case written or looked up: id → (organisation, object).
    private var caseCache: (id: Int64, organisationID: String, objectID: String)?
    private var recordCache: (id: Int64, caseID: Int64)?
    private var pendingCase: SearchDocument?
    private var pendingRecord: SearchDocument?
    /// Record links for files not added yet live in the connection's temporary table
    /// `pending_link` (on disk, behind a small cache), not in memory: an ERMS names every file of
    /// its package before the files are added, and a map of them grew with the package. This
    /// counts links put there (an upper bound: a path linked twice counts twice), so that
    /// `addFile` looks there only while links may wait.
    private var pendingLinkCount = 0
    /// Full-text rows wait in the temporary table `pending_text` and go into `search_text` in
    /// batches of about `stagedTextBatch` bytes, each one `INSERT … SELECT … ORDER BY rowid`.
    /// FTS5 writes its in-memory terms out as a new segment whenever a rowid is lower than the
    /// one before, and ingest's order is not rowid order (a case's row after its records', the
    /// next case's records below it; files in path order, records in ERMS order): 21,760 such
    /// descents for the 201,392 rows of a 99,500-file package. The same rows in rowid order took
    /// 5.8–6.4 s against 9.9–11.4 s from Python's sqlite3, staging included. Batches rather than
    /// one insert at the end, so that the work still overlaps text extraction.
    private var stagedTextCount = 0
    private var stagedTextBytes = 0
    static let stagedTextBatch = 8 << 20
    /// The row `textRowID` last gave a file text of this record, while it is still the record's
    /// highest: a record's files come one after another, so the next one's row is known without
    /// asking the file table. Forgotten whenever a text row is deleted or moved.
    private var lastRecordText: (recordID: Int64, rowid: Int64)?
    private let indexedAt: String

    init(db: Database) throws {
        self.db = db
        indexedAt = ISO8601DateFormatter().string(from: Date())
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS pending_link(
                object_id TEXT NOT NULL, logical_path TEXT NOT NULL, record_id INTEGER NOT NULL, original_name TEXT,
                PRIMARY KEY(object_id, logical_path)) WITHOUT ROWID;
            DELETE FROM temp.pending_link;
            CREATE TEMP TABLE IF NOT EXISTS pending_text(
                rowid INTEGER PRIMARY KEY, dnr TEXT, title TEXT, parties TEXT, body TEXT);
            DELETE FROM temp.pending_text;
            """)
    }

    // MARK: Organisations and packages

    /// Adds the organisation or renames it. A new organisation gets the next free number for
    /// its full-text rowids (`TextRowID`).
    public func upsertOrganisation(id: String, name: String?) throws {
        try run("""
            INSERT INTO organisation(organisation_id, name, org_no)
            VALUES (?, ?, (SELECT coalesce(max(org_no), 0) + 1 FROM organisation))
            ON CONFLICT(organisation_id) DO UPDATE SET name = excluded.name
            """, id, name)
    }

    /// Deletes every row of the package (cases, records, parties, files, text, events). Call it
    /// before indexing a new version. Nothing happens for a package the index does not hold.
    public func removePackage(objectID: String) throws {
        try flushPending()
        lastRecordText = nil
        caseCache = nil
        recordCache = nil
        packageOrganisations[objectID] = nil
        if pendingLinkCount > 0 {
            try run("DELETE FROM temp.pending_link WHERE object_id = ?", objectID)
            pendingLinkCount -= db.changesCount
        }
        // Case and record rows are computed from their ids; files' texts are where file.text_rowid says.
        let org = TextRowID.organisationShift
        let caseKind = TextRowID.Kind.caseFile.rawValue << TextRowID.kindShift
        let recordKind = TextRowID.Kind.record.rawValue << TextRowID.kindShift
        let id = TextRowID.idShift
        try run("""
            DELETE FROM search_text WHERE rowid IN (
                SELECT (o.org_no << \(org)) | \(caseKind) | (c.id << \(id))
                    FROM case_file c JOIN organisation o ON o.organisation_id = c.organisation_id WHERE c.object_id = ?1
                UNION ALL SELECT (o.org_no << \(org)) | \(recordKind) | (r.id << \(id))
                    FROM record r JOIN organisation o ON o.organisation_id = r.organisation_id WHERE r.object_id = ?1
                UNION ALL SELECT text_rowid FROM file WHERE object_id = ?1 AND text_rowid IS NOT NULL)
            """, objectID)
        for table in ["party", "file", "record", "case_file", "event", "package"] {
            try run("DELETE FROM \(table) WHERE object_id = ?", objectID)
        }
    }

    /// Adds a package; its organisation row is created if missing. Throws
    /// `packageAlreadyIndexed` when the package is there already.
    public func addPackage(_ p: IndexedPackage) throws {
        if let existing = try Int.fetchOne(db, sql: "SELECT version FROM package WHERE object_id = ?", arguments: [p.objectID]) {
            throw IndexError.packageAlreadyIndexed(objectID: p.objectID, version: existing)
        }
        try run("""
            INSERT OR IGNORE INTO organisation(organisation_id, name, org_no)
            VALUES (?, NULL, (SELECT coalesce(max(org_no), 0) + 1 FROM organisation))
            """, p.organisationID)
        try run("""
            INSERT INTO package(object_id, organisation_id, agreement_id, version, label, created, submitted_by,
                                file_count, byte_count, indexed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, p.objectID, p.organisationID, p.agreementID, p.version, p.label, p.created, p.submittedBy,
                 p.fileCount, p.byteCount, indexedAt)
        packageOrganisations[p.objectID] = p.organisationID
    }

    /// Sets a package's byte count, for a caller that sums its file sizes while adding them
    /// (instead of a pass over every file before `addPackage`).
    public func setByteCount(objectID: String, _ bytes: Int64) throws {
        try run("UPDATE package SET byte_count = ? WHERE object_id = ?", bytes, objectID)
        guard db.changesCount == 1 else { throw IndexError.unknownPackage(objectID: objectID) }
    }

    /// The organisation a package belongs to; throws `unknownPackage` if it is not indexed.
    func organisation(ofPackage objectID: String) throws -> String {
        if let org = packageOrganisations[objectID] { return org }
        guard let org = try String.fetchOne(db, sql: "SELECT organisation_id FROM package WHERE object_id = ?",
                                            arguments: [objectID]) else {
            throw IndexError.unknownPackage(objectID: objectID)
        }
        packageOrganisations[objectID] = org
        return org
    }

    /// The organisation's number in full-text rowids.
    func organisationNumber(_ organisationID: String) throws -> Int64 {
        if let number = organisationNumbers[organisationID] { return number }
        guard let number = try Int64.fetchOne(statement("SELECT org_no FROM organisation WHERE organisation_id = ?"),
                                              arguments: [organisationID]) else {
            throw IndexError.unknownRow(table: "organisation", id: 0)
        }
        organisationNumbers[organisationID] = number
        return number
    }

    // MARK: Cases, records, parties

    /// Adds a case and returns its row id (for its records and parties).
    @discardableResult
    public func addCase(_ c: IndexedCase) throws -> Int64 {
        let org = try organisation(ofPackage: c.objectID)
        try flushPendingDocuments()
        try run("""
            INSERT INTO case_file(organisation_id, object_id, dnr, dnr_key, title, status, opened, closed, classification,
                                  classification_text, unit, handling_officer, extra_ids, restricted, legal_reference)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, org, c.objectID, c.diarienummer, c.dnrKey, c.title, c.status, c.opened, c.closed, c.classification,
                 c.classificationText, c.unit, c.handlingOfficer,
                 c.extraIdentifiers.isEmpty ? nil : c.extraIdentifiers.joined(separator: "\n"),
                 c.secrecy.restricted, c.secrecy.legalReference)
        let id = db.lastInsertedRowID
        caseCache = (id, org, c.objectID)
        let dnrText = ([c.diarienummer] + c.extraIdentifiers).joined(separator: "\n")
        let rowid = try TextRowID.make(organisation: organisationNumber(org), kind: .caseFile, id: id).value
        pendingCase = SearchDocument(rowid: rowid, caseID: id, recordID: nil, dnr: dnrText, title: c.title, parties: [], body: "")
        return id
    }

    /// Adds a record of a case written earlier and returns its row id.
    @discardableResult
    public func addRecord(_ r: IndexedRecord) throws -> Int64 {
        let owner = try caseOwner(r.caseID)
        try flushPendingRecord()
        try run("""
            INSERT INTO record(organisation_id, object_id, case_id, record_id, type, direction, date, title, restricted,
                               legal_reference)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, owner.organisationID, owner.objectID, r.caseID, r.recordID, r.type, r.direction, r.date, r.title,
                 r.secrecy.restricted, r.secrecy.legalReference)
        let id = db.lastInsertedRowID
        recordCache = (id, r.caseID)
        let rowid = try TextRowID.make(organisation: organisationNumber(owner.organisationID), kind: .record, id: id).value
        pendingRecord = SearchDocument(rowid: rowid, caseID: r.caseID, recordID: id, dnr: "", title: r.title, parties: [],
                                       body: "")
        return id
    }

    /// Adds a party of a case or of one of its records. Names of parties with protected identity
    /// stay out of the full-text index: they are found only by their identity number.
    public func addParty(_ p: IndexedParty) throws {
        let owner = try caseOwner(p.caseID)
        if let recordID = p.recordID, try caseOfRecord(recordID) != p.caseID {
            throw IndexError.partyCaseMismatch(recordID: recordID, caseID: p.caseID)
        }
        try run("""
            INSERT INTO party(organisation_id, object_id, case_id, record_id, name, organisation, role, identity_number,
                              identity_key, protected)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, owner.organisationID, owner.objectID, p.caseID, p.recordID, p.name, p.organisation, p.role,
                 p.identityNumber, p.identityKey, p.protectedIdentity)
        guard !p.protectedIdentity else { return }
        let texts = [p.name, p.organisation].compactMap { $0 }
        let orgNumber = try organisationNumber(owner.organisationID)
        if let recordID = p.recordID {
            if pendingRecord?.recordID == recordID {
                texts.forEach { pendingRecord?.addParty($0) }
            } else {
                try appendParties(texts, toRow: TextRowID.make(organisation: orgNumber, kind: .record, id: recordID).value)
            }
        } else if pendingCase?.caseID == p.caseID {
            texts.forEach { pendingCase?.addParty($0) }
        } else {
            try appendParties(texts, toRow: TextRowID.make(organisation: orgNumber, kind: .caseFile, id: p.caseID).value)
        }
    }

    // MARK: Files and text

    /// Adds a file of the package's current state and returns its row id. A file the ERMS
    /// already linked (`linkFile` before `addFile`) gets that record.
    @discardableResult
    public func addFile(_ f: IndexedFile) throws -> Int64 {
        try addFile(f, owner: try fileOwner(f))
    }

    /// As `addFile` followed by `setText(fileID:outcome:)`, for a file whose text is known when it
    /// is added (ingest reads texts ahead, and knows at once a type without a reader): a file
    /// without text, or of a record with text, gets its row complete in one insert, without
    /// reading it back and updating it. Same rows either way.
    @discardableResult
    public func addFile(_ f: IndexedFile, text outcome: TextOutcome) throws -> Int64 {
        let owner = try fileOwner(f)
        switch outcome {
        case .noText(let reason):
            return try addFile(f, owner: owner, textStatus: "none", textNote: reason)
        case .text(let text, let truncated):
            guard !text.isEmpty, let recordID = owner.recordID else {
                let fileID = try addFile(f, owner: owner)
                try setText(fileID: fileID, outcome: outcome)
                return fileID
            }
            // A record's row does not depend on the file id (only a loose file's does), so it is known first.
            let rowid = try textRowID(organisationID: owner.organisationID, recordID: recordID, fileID: 0, current: nil)
            let fileID = try addFile(f, owner: owner, textStatus: truncated ? "truncated" : "text", textRowID: rowid)
            try insert(SearchDocument(rowid: rowid, caseID: nil, recordID: recordID, dnr: "", title: "", parties: [], body: text))
            return fileID
        }
    }

    /// `addFile` with the owner already resolved; with a text's status, note and row when known.
    private func addFile(_ f: IndexedFile, owner: (organisationID: String, recordID: Int64?, originalName: String?),
                         textStatus: String? = nil, textNote: String? = nil, textRowID: Int64? = nil) throws -> Int64 {
        try run("""
            INSERT INTO file(organisation_id, object_id, record_id, logical_path, original_name, size, sha256, mime, puid,
                             text_status, text_note, text_rowid)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, owner.organisationID, f.objectID, owner.recordID, f.logicalPath, owner.originalName, f.size, f.sha256,
                 f.mime, f.puid, textStatus, textNote, textRowID)
        return db.lastInsertedRowID
    }

    /// The file's organisation, and its record and original name: its own, or those a `linkFile`
    /// before it left pending (taken, so that each is used once).
    private func fileOwner(_ f: IndexedFile) throws -> (organisationID: String, recordID: Int64?, originalName: String?) {
        let org = try organisation(ofPackage: f.objectID)
        var recordID = f.recordID
        var originalName: String?
        if pendingLinkCount > 0, let link = try Row.fetchOne(statement("""
            DELETE FROM temp.pending_link WHERE object_id = ? AND logical_path = ? RETURNING record_id, original_name
            """), arguments: [f.objectID, f.logicalPath]) {
            pendingLinkCount -= 1
            recordID = recordID ?? link[0]
            originalName = link[1]
        }
        return (org, recordID, originalName)
    }

    /// Ties a file (by its logical path) to a record, with the file's original name. Returns true
    /// when the file row exists; otherwise the link is kept until `addFile` adds that path in
    /// this transaction.
    @discardableResult
    public func linkFile(objectID: String, logicalPath: String, recordID: Int64, originalName: String?) throws -> Bool {
        guard let fileID = try Int64.fetchOne(statement("SELECT id FROM file WHERE object_id = ? AND logical_path = ?"),
                                              arguments: [objectID, logicalPath]) else {
            try run("INSERT OR REPLACE INTO temp.pending_link(object_id, logical_path, record_id, original_name) VALUES (?, ?, ?, ?)",
                   objectID, logicalPath, recordID, originalName)
            pendingLinkCount += 1
            return false
        }
        _ = try caseOfRecord(recordID)
        try run("UPDATE file SET record_id = ?, original_name = COALESCE(?, original_name) WHERE id = ?",
               recordID, originalName, fileID)
        // Text extracted before the link moves under the record, where it counts as the record's hit.
        guard let row = try Row.fetchOne(statement("SELECT organisation_id, text_rowid FROM file WHERE id = ?"),
                                         arguments: [fileID]),
              let current = row[1] as Int64? else { return true }
        // `textRowID` remembers the row it gives (the record's new highest); when it keeps
        // `current`, nothing moves.
        let target = try textRowID(organisationID: row[0], recordID: recordID, fileID: fileID, current: current)
        guard target != current else { return true }
        try run("UPDATE temp.pending_text SET rowid = ? WHERE rowid = ?", target, current)
        if db.changesCount == 0 {
            try run("""
                INSERT INTO temp.pending_text(rowid, dnr, title, parties, body)
                SELECT ?, dnr, title, parties, body FROM search_text WHERE rowid = ?
                """, target, current)
            stagedTextCount += db.changesCount
            try run("DELETE FROM search_text WHERE rowid = ?", current)
        }
        try run("UPDATE file SET text_rowid = ? WHERE id = ?", target, fileID)
        return true
    }

    /// Records what text extraction got from a file; text becomes searchable under the file's
    /// record (or, once linked, the record `linkFile` names). Replaces an earlier outcome.
    public func setText(fileID: Int64, outcome: TextOutcome) throws {
        guard let row = try Row.fetchOne(statement("SELECT organisation_id, record_id, text_rowid FROM file WHERE id = ?"),
                                         arguments: [fileID]) else {
            throw IndexError.unknownRow(table: "file", id: fileID)
        }
        let org: String = row[0]
        let recordID: Int64? = row[1]
        let current: Int64? = row[2]
        if let current {
            try deleteText(rowid: current)
            lastRecordText = nil
        }
        switch outcome {
        case .text(let text, let truncated):
            let status = truncated ? "truncated" : "text"
            guard !text.isEmpty else {
                try run("UPDATE file SET text_status = ?, text_note = NULL, text_rowid = NULL WHERE id = ?", status, fileID)
                return
            }
            let rowid = try textRowID(organisationID: org, recordID: recordID, fileID: fileID, current: current)
            try run("UPDATE file SET text_status = ?, text_note = NULL, text_rowid = ? WHERE id = ?", status, rowid, fileID)
            try insert(SearchDocument(rowid: rowid, caseID: nil, recordID: recordID, dnr: "", title: "", parties: [], body: text))
        case .noText(let reason):
            try run("UPDATE file SET text_status = 'none', text_note = ?, text_rowid = NULL WHERE id = ?", reason, fileID)
        }
    }

    /// Adds a preservation event of a package.
    public func addEvent(_ e: IndexedEvent) throws {
        let org = try organisation(ofPackage: e.objectID)
        try run("""
            INSERT INTO event(organisation_id, object_id, version, type, date_time, outcome, detail, agent)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, org, e.objectID, e.version, e.type, e.dateTime, e.outcome, e.detail, e.agent)
    }

    // MARK: Internals

    /// Writes the held-back and staged full-text rows into `search_text`; `ArchiveIndex.write`
    /// calls it before committing.
    func flushPending() throws {
        try flushPendingDocuments()
        try flushStagedText()
    }

    /// Moves the staged full-text rows into `search_text`, in rowid order.
    private func flushStagedText() throws {
        stagedTextBytes = 0
        guard stagedTextCount > 0 else { return }
        try run("""
            INSERT INTO search_text(rowid, dnr, title, parties, body)
            SELECT rowid, dnr, title, parties, body FROM temp.pending_text ORDER BY rowid
            """)
        try run("DELETE FROM temp.pending_text")
        stagedTextCount = 0
    }

    /// Stages the held-back rows of the current case and record.
    private func flushPendingDocuments() throws {
        try flushPendingRecord()
        if let doc = pendingCase {
            pendingCase = nil
            try insert(doc)
        }
    }

    private func flushPendingRecord() throws {
        if let doc = pendingRecord {
            pendingRecord = nil
            try insert(doc)
        }
    }

    /// Stages a full-text row (see `stagedTextCount`).
    private func insert(_ doc: SearchDocument) throws {
        try run("INSERT INTO temp.pending_text(rowid, dnr, title, parties, body) VALUES (?, ?, ?, ?, ?)",
               doc.rowid, doc.dnr, doc.title, doc.partiesText, doc.body)
        stagedTextCount += 1
        stagedTextBytes += doc.body.utf8.count + doc.title.utf8.count + doc.dnr.utf8.count + 64
        if stagedTextBytes >= Self.stagedTextBatch { try flushStagedText() }
    }

    /// Deletes a full-text row, staged or already in `search_text`.
    private func deleteText(rowid: Int64) throws {
        if stagedTextCount > 0 {
            try run("DELETE FROM temp.pending_text WHERE rowid = ?", rowid)
            if db.changesCount > 0 {
                stagedTextCount -= db.changesCount
                return
            }
        }
        try run("DELETE FROM search_text WHERE rowid = ?", rowid)
    }

    /// Where a file's text goes: in its record's unit (the row it has there already, else after
    /// the unit's last file text), or, without a record, in a loose-file row that is never a hit.
    private func textRowID(organisationID: String, recordID: Int64?, fileID: Int64, current: Int64?) throws -> Int64 {
        let orgNumber = try organisationNumber(organisationID)
        guard let recordID else { return try TextRowID.make(organisation: orgNumber, kind: .looseFile, id: fileID).value }
        let unit = try TextRowID.unitRange(organisation: orgNumber, kind: .record, id: recordID)
        if let current, current != unit.lowerBound, unit.contains(current) { return current }
        let last: Int64
        if let known = lastRecordText, known.recordID == recordID, unit.contains(known.rowid) {
            last = known.rowid
        } else {
            last = try Int64.fetchOne(statement("""
                SELECT max(text_rowid) FROM file WHERE organisation_id = ? AND record_id = ? AND text_rowid BETWEEN ? AND ?
                """), arguments: [organisationID, recordID, unit.lowerBound, unit.upperBound]) ?? unit.lowerBound
        }
        let rowid = try TextRowID.make(organisation: orgNumber, kind: .record, id: recordID,
                                       sequence: last - unit.lowerBound + 1).value
        // Every caller gives this row to a file at once.
        lastRecordText = (recordID, rowid)
        return rowid
    }

    /// A party for a case or record whose full-text row was already written: rewrite its parties.
    private func appendParties(_ texts: [String], toRow rowid: Int64) throws {
        let staged = try String.fetchOne(statement("SELECT parties FROM temp.pending_text WHERE rowid = ?"), arguments: [rowid])
        guard let current = try staged ?? String.fetchOne(statement("SELECT parties FROM search_text WHERE rowid = ?"),
                                                          arguments: [rowid]) else { return }
        var doc = SearchDocument(rowid: rowid, caseID: nil, recordID: nil, dnr: "", title: "",
                                 parties: current.isEmpty ? [] : current.components(separatedBy: "\n"), body: "")
        let before = doc.parties
        texts.forEach { doc.addParty($0) }
        guard doc.parties != before else { return }
        let table = staged == nil ? "search_text" : "temp.pending_text"
        try run("UPDATE \(table) SET parties = ? WHERE rowid = ?", doc.partiesText, rowid)
    }

    private func caseOwner(_ caseID: Int64) throws -> (organisationID: String, objectID: String) {
        if let c = caseCache, c.id == caseID { return (c.organisationID, c.objectID) }
        guard let row = try Row.fetchOne(statement("SELECT organisation_id, object_id FROM case_file WHERE id = ?"),
                                         arguments: [caseID]) else {
            throw IndexError.unknownRow(table: "case_file", id: caseID)
        }
        caseCache = (caseID, row[0], row[1])
        return (row[0], row[1])
    }

    private func caseOfRecord(_ recordID: Int64) throws -> Int64 {
        if let r = recordCache, r.id == recordID { return r.caseID }
        guard let caseID = try Int64.fetchOne(statement("SELECT case_id FROM record WHERE id = ?"), arguments: [recordID]) else {
            throw IndexError.unknownRow(table: "record", id: recordID)
        }
        recordCache = (recordID, caseID)
        return caseID
    }

    private func statement(_ sql: String) throws -> Statement {
        if let s = statements[sql] { return s }
        let s = try db.makeStatement(sql: sql)
        statements[sql] = s
        return s
    }

    /// Runs a statement of this writer's with `values` bound to its parameters in order.
    private func run<each V: StatementBinding>(_ sql: String, _ values: repeat each V) throws {
        try statement(sql).execute(binding: repeat each values)
    }
}
