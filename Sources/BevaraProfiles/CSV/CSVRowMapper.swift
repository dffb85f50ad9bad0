import BevaraModel
import Foundation

/// Builds model values from CSV rows of the four tables, reporting values it cannot use.
struct CSVRowMapper {
    let mapper: ValueMapper
    /// Splits `sender`/`recipient` into several parties when the profile declares a list separator.
    let listSeparator: String?
    let findings: FindingCollector

    /// False (after one `metadata.missing` error naming every empty field) when a required field is empty.
    func hasRequired(_ row: CSVRow, _ fields: [CSVField], table: String) -> Bool {
        let empty = fields.filter { row[$0] == nil }
        guard !empty.isEmpty else { return true }
        let names = empty.map { "\(row.header($0)) (\($0.name))" }.joined(separator: ", ")
        findings.error("metadata.missing", row.location,
                       "required \(empty.count == 1 ? "column" : "columns") \(names) \(empty.count == 1 ? "is" : "are") empty in the \(table) table; row skipped")
        return false
    }

    func makeCase(_ row: CSVRow) -> Case {
        let at = row.location
        return Case(
            systemID: row[.systemID],
            diarienummer: Diarienummer(row[.diarienummer] ?? ""),
            extraIDs: row[.extraID].map { [ExtraID(type: "Äldre diarienummer", value: $0)] } ?? [],
            title: row[.title] ?? "",
            status: mapper.status(row[.status], field: row.header(.status), at: at),
            opened: mapper.date(row[.opened], field: row.header(.opened), at: at),
            closed: mapper.date(row[.closed], field: row.header(.closed), at: at),
            classification: ValueMapper.classification(code: row[.classificationCode], text: row[.classificationText]),
            unit: row[.unit],
            officer: row[.officer],
            secrecy: mapper.secrecy(flag: row[.secrecy], legalReference: row[.legalReference], explanation: nil),
            source: at)
    }

    func makeRecord(_ row: CSVRow) -> Record {
        let at = row.location
        var runningNumber: Int?
        if let raw = row[.runningNumber] {
            runningNumber = Int(raw)
            if runningNumber == nil {
                findings.warning("value.invalid", at, "\(row.header(.runningNumber)) '\(raw)' is not a whole number; the running number was left out")
            }
        }
        let parties = names(row[.sender]).map { Party(name: $0, role: .sender, source: at) }
            + names(row[.recipient]).map { Party(name: $0, role: .recipient, source: at) }
        return Record(
            id: row[.id] ?? "",
            caseNumber: Diarienummer(row[.caseNumber] ?? ""),
            runningNumber: runningNumber,
            type: row[.type],
            direction: mapper.direction(row[.direction], field: row.header(.direction), at: at),
            date: mapper.date(row[.date], field: row.header(.date), at: at),
            title: row[.title] ?? "",
            parties: parties,
            secrecy: mapper.secrecy(flag: row[.secrecy], legalReference: row[.legalReference], explanation: row[.secrecyExplanation]),
            source: at)
    }

    /// A party of a case (no record id) or of one record. An empty role means counterpart for a
    /// case party; for a record's party the export gives no hint, so it is `other`.
    func makeParty(_ row: CSVRow) -> (Party, caseNumber: Diarienummer, recordID: String?) {
        let at = row.location
        let recordID = row[.recordID]
        let protected = mapper.isTrue(row[.protectedIdentity])
        let party = Party(
            name: row[.name] ?? "",
            identityNumber: mapper.identityNumber(row[.identityNumber], field: row.header(.identityNumber),
                                                  protectedIdentity: protected, at: at),
            organisation: row[.organisation],
            address: row[.address],
            role: mapper.role(row[.role], field: row.header(.role), default: recordID == nil ? .counterpart : .other, at: at),
            protectedIdentity: protected,
            source: at)
        return (party, Diarienummer(row[.caseNumber] ?? ""), recordID)
    }

    /// A file reference for the record it names; Windows separators become `/`.
    func makeFile(_ row: CSVRow) -> (FileReference, recordID: String) {
        let raw = row[.path] ?? ""
        // Foundation's replacing bridges through NSString: only paths holding a `\` need it.
        let path = raw.utf8.contains(0x5C) ? raw.replacingOccurrences(of: "\\", with: "/") : raw
        let file = FileReference(path: path, originalName: row[.originalName],
                                 declaredChecksum: row[.checksum].map { Checksum(algorithm: .sha256, value: $0) },
                                 source: row.location)
        return (file, row[.recordID] ?? "")
    }

    private func names(_ value: String?) -> [String] {
        guard let value else { return [] }
        guard let listSeparator else { return [value] }
        return value.components(separatedBy: listSeparator)
            .map { $0.trimmedWhitespace() }
            .filter { !$0.isEmpty }
    }
}
