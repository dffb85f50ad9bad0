import BevaraModel
import Foundation

/// Reads a `format: csv` export (cases, records and optional parties and files tables) into the
/// catalog, row by row: nothing but the current row is held in memory.
///
/// Content problems are findings (see `ExportReader`); it throws only when the profile cannot be
/// used or a table file is missing or unreadable.
struct GenericCSVReader: ExportReader {
    let profile: Profile

    /// Model fields each table may map (README "Profiles"); other names are profile errors.
    static let fields: [String: [CSVField]] = [
        "cases": [.diarienummer, .systemID, .title, .status, .opened, .closed, .classificationCode,
                  .classificationText, .unit, .officer, .secrecy, .legalReference, .extraID],
        "records": [.id, .caseNumber, .runningNumber, .type, .direction, .date, .title, .sender, .recipient,
                    .secrecy, .legalReference, .secrecyExplanation],
        "parties": [.caseNumber, .recordID, .name, .identityNumber, .organisation, .address, .role, .protectedIdentity],
        "files": [.recordID, .path, .originalName, .checksum],
    ]

    /// Fields that must have a value; a row without one is reported and skipped.
    static let required: [String: [CSVField]] = [
        "cases": [.diarienummer, .title],
        "records": [.id, .caseNumber, .title],
        "parties": [.caseNumber, .name],
        "files": [.recordID, .path],
    ]

    func read(exportRoot: String, into catalog: ExportCatalog, findings: FindingCollector) throws {
        guard let section = profile.csv, let tables = profile.tables else {
            throw ExportReadError.invalidProfile(profile: profile.id, reason: "format csv needs both a csv and a tables section")
        }
        let dialect = try CSVDialect(section, profile: profile.id)
        let mapper = try ValueMapper(profile: profile, findings: findings)
        let ordered: [(String, TablesSection.Table?)] = [
            ("cases", tables.cases), ("records", tables.records), ("parties", tables.parties), ("files", tables.files),
        ]
        // Check the whole profile and every file first, so a wrong profile or a missing table
        // fails before anything is loaded.
        for case let (name, table?) in ordered {
            try validate(table, name: name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: exportRoot + "/" + table.file, isDirectory: &isDirectory),
                  !isDirectory.boolValue else {
                throw ExportReadError.missingMetadataFile(path: table.file, exportRoot: exportRoot, profile: profile.id)
            }
        }
        let rows = CSVRowMapper(mapper: mapper, listSeparator: dialect.listSeparator, findings: findings)
        // Tables are parsed, mapped and encoded on a thread of their own while this one inserts
        // the rows; `findings` is used only there until the load returns.
        try CatalogLoadPipeline.run(into: catalog) { emit in
            var caseKeys = CaseKeyMemo()
            for case let (name, table?) in ordered {
                try CSVTableReader(name: name, table: table, dialect: dialect).read(exportRoot: exportRoot, findings: findings) { row in
                    guard rows.hasRequired(row, Self.required[name] ?? [], table: name) else { return }
                    switch name {
                    case "cases":
                        let item = rows.makeCase(row)
                        try emit(CatalogRow(item, key: caseKeys.key(of: item.diarienummer)))
                    case "records":
                        let record = rows.makeRecord(row)
                        try emit(CatalogRow(record, caseKey: caseKeys.key(of: record.caseNumber)))
                    case "parties":
                        let (party, caseNumber, recordID) = rows.makeParty(row)
                        try emit(CatalogRow(party: party, caseKey: caseKeys.key(of: caseNumber), recordID: recordID))
                    default:
                        let (file, recordID) = rows.makeFile(row)
                        try emit(CatalogRow(file: file, recordID: recordID))
                    }
                }
            }
        }
        try catalog.finishLoading()
    }

    private func validate(_ table: TablesSection.Table, name: String) throws(ExportReadError) {
        let known = (Self.fields[name] ?? []).map(\.name)
        for field in table.columns.keys.sorted() where !known.contains(field) {
            throw ExportReadError.invalidProfile(profile: profile.id, reason:
                "tables.\(name).columns has unknown field '\(field)' (known: \(known.joined(separator: ", ")))")
        }
        for field in Self.required[name] ?? [] where table.columns[field.name] == nil {
            throw ExportReadError.invalidProfile(profile: profile.id, reason: "tables.\(name).columns must map the required field '\(field.name)'")
        }
    }
}
