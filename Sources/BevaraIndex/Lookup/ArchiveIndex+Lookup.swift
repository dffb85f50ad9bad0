import BevaraModel
import GRDB

extension ArchiveIndex {
    /// The cases with this diarienummer in the given organisations (more than one when several
    /// packages hold the same case number). Another organisation's case is simply not found.
    public func cases(diarienummer: String, organisations: Set<String>) throws -> [CaseDetail] {
        try requireCurrentSchema()
        guard !organisations.isEmpty else { return [] }
        let key = Diarienummer(diarienummer).searchKey
        return try pool.read { db in
            let orgs = organisations.sorted()
            let ids = try Int64.fetchAll(db, sql: """
                SELECT id FROM case_file WHERE organisation_id IN (\(Self.placeholders(orgs.count))) AND dnr_key = ? ORDER BY object_id, id
                """, arguments: StatementArguments(orgs + [key]))
            return try ids.map { try Self.caseDetail(db, caseRow: $0) }
        }
    }

    /// The case holding the record with this id (`KS 2021/123:4`), in the given organisations.
    public func caseContaining(recordID: String, organisations: Set<String>) throws -> [CaseDetail] {
        try requireCurrentSchema()
        guard !organisations.isEmpty else { return [] }
        return try pool.read { db in
            let orgs = organisations.sorted()
            let ids = try Int64.fetchAll(db, sql: """
                SELECT DISTINCT case_id FROM record WHERE organisation_id IN (\(Self.placeholders(orgs.count))) AND record_id = ?
                ORDER BY case_id
                """, arguments: StatementArguments(orgs + [recordID]))
            return try ids.map { try Self.caseDetail(db, caseRow: $0) }
        }
    }

    private static func placeholders(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ",") }

    private static func caseDetail(_ db: Database, caseRow: Int64) throws -> CaseDetail {
        guard let c = try Row.fetchOne(db, sql: """
            SELECT object_id, organisation_id, dnr, title, status, opened, closed, classification, classification_text, unit,
                   handling_officer, restricted, legal_reference FROM case_file WHERE id = ?
            """, arguments: [caseRow]) else {
            throw IndexError.unknownRow(table: "case_file", id: caseRow)
        }
        let org: String = c[1]
        let parties = try Row.fetchAll(db, sql: """
            SELECT record_id, name, organisation, role, identity_number, protected FROM party
            WHERE organisation_id = ? AND case_id = ? ORDER BY id
            """, arguments: [org, caseRow])
        func party(_ row: Row) -> PartyDetail {
            PartyDetail(name: row[1], organisation: row[2], role: row[3], identityNumber: row[4], protected: row[5])
        }
        let records = try Row.fetchAll(db, sql: """
            SELECT id, record_id, type, direction, date, title, restricted, legal_reference FROM record
            WHERE organisation_id = ? AND case_id = ? ORDER BY date, record_id
            """, arguments: [org, caseRow])
        return CaseDetail(
            objectID: c[0], organisationID: org, diarienummer: c[2], title: c[3], status: c[4], opened: c[5], closed: c[6],
            classification: c[7], classificationText: c[8], unit: c[9], handlingOfficer: c[10], restricted: c[11],
            legalReference: c[12],
            parties: parties.filter { ($0[0] as Int64?) == nil }.map(party),
            records: try records.map { r in
                let rowID: Int64 = r[0]
                let files = try Row.fetchAll(db, sql: """
                    SELECT logical_path, original_name, size, sha256, mime, puid FROM file
                    WHERE organisation_id = ? AND record_id = ? ORDER BY logical_path
                    """, arguments: [org, rowID]).map {
                    FileDetail(logicalPath: $0[0], originalName: $0[1], size: $0[2], sha256: $0[3], mime: $0[4], puid: $0[5])
                }
                return RecordDetail(recordID: r[1], type: r[2], direction: r[3], date: r[4], title: r[5], restricted: r[6],
                                    legalReference: r[7], parties: parties.filter { ($0[0] as Int64?) == rowID }.map(party),
                                    files: files)
            })
    }
}
