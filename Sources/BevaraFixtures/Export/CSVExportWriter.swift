import Foundation

/// The generic-csv shape (profiles/generic-csv.yaml): `arenden.csv`, `handlingar.csv`,
/// `parter.csv`, `filer.csv` (UTF-8, `;`, RFC 4180 quoting, CRLF line ends), files under
/// `filer/`, and a `SHA256SUMS` manifest whose paths are relative to `filer/`.
///
/// Headers and value spellings are exactly those the profile declares; the test suite checks
/// the headers against the YAML so the two cannot drift apart.
final class CSVExportWriter: ExportShapeWriter {
    static let caseColumns = ["Diarienummer", "ArendeID", "Arendemening", "Status", "Registrerad", "Avslutad", "Klass",
                              "KlassText", "Enhet", "Handlaggare", "Sekretess", "Lagrum", "AldreDiarienummer"]
    static let recordColumns = ["HandlingID", "Diarienummer", "Lopnummer", "Handlingstyp", "Riktning", "Datum", "Rubrik",
                                "Avsandare", "Mottagare", "Sekretess", "Lagrum", "SekretessText"]
    static let partyColumns = ["Diarienummer", "HandlingID", "Namn", "IDnummer", "Organisation", "Adress", "Roll",
                               "SkyddadIdentitet"]
    static let fileColumns = ["HandlingID", "Sokvag", "Filnamn", "SHA256"]

    static let tableNames = (cases: "arenden.csv", records: "handlingar.csv", parties: "parter.csv", files: "filer.csv")
    static let manifestName = "SHA256SUMS"

    let filesRoot = "filer"
    private let root: String?
    private var cases: OutputFile!
    private var records: OutputFile!
    private var parties: OutputFile!
    private var files: OutputFile!
    private var manifest: OutputFile!

    /// `root` nil: count bytes only.
    init(root: String?) {
        self.root = root
    }

    var metadataBytes: Int64 {
        [cases, records, parties, files, manifest].reduce(0) { $0 + ($1?.count ?? 0) }
    }

    func begin() throws {
        cases = try openOutput(root, Self.tableNames.cases)
        records = try openOutput(root, Self.tableNames.records)
        parties = try openOutput(root, Self.tableNames.parties)
        files = try openOutput(root, Self.tableNames.files)
        manifest = try openOutput(root, Self.manifestName)
        try row(cases, Self.caseColumns)
        try row(records, Self.recordColumns)
        try row(parties, Self.partyColumns)
        try row(files, Self.fileColumns)
    }

    func write(_ plan: CasePlan, files written: [[WrittenFile]]) throws {
        try row(cases, [
            plan.diarienummer, plan.systemID, plan.title, Self.status(plan.status), plan.opened.description,
            plan.closed?.description ?? "", plan.classification.code, plan.classification.text, plan.unit, plan.officer,
            plan.secrecy == nil ? "Nej" : "Ja", plan.secrecy?.legalReference ?? "", plan.olderNumber ?? "",
        ])
        for party in plan.parties { try partyRow(party, caseNumber: plan.diarienummer, recordID: "") }
        for (i, record) in plan.records.enumerated() {
            try row(records, [
                record.id, plan.diarienummer, String(record.runningNumber), record.type, Self.direction(record.direction),
                record.date.description, record.title, record.sender?.name ?? "", record.recipient?.name ?? "",
                record.secrecy == nil ? "Nej" : "Ja", record.secrecy?.legalReference ?? "",
                record.secrecy?.explanation ?? "",
            ])
            if let sender = record.sender { try partyRow(sender, caseNumber: plan.diarienummer, recordID: record.id) }
            if let recipient = record.recipient { try partyRow(recipient, caseNumber: plan.diarienummer, recordID: record.id) }
            for file in written[i] {
                try row(files, [record.id, file.plan.relativePath, file.plan.originalName, file.sha256])
                try manifest.write("\(file.sha256)  \(file.plan.relativePath)\n")
            }
        }
    }

    func finish() throws {
        for out in [cases, records, parties, files, manifest] { try out?.close() }
    }

    private func partyRow(_ p: PartyPlan, caseNumber: String, recordID: String) throws {
        try row(parties, [caseNumber, recordID, p.name, p.identityNumber ?? "", p.organisation ?? "", p.address ?? "",
                          Self.role(p.role), p.protectedIdentity ? "Ja" : "Nej"])
    }

    private func row(_ out: OutputFile, _ fields: [String]) throws {
        try out.write(fields.map(Self.quote).joined(separator: ";") + "\r\n")
    }

    /// RFC 4180: a field with the delimiter, a quote or a line break is quoted, quotes doubled.
    static func quote(_ field: String) -> String {
        guard ASCIIText.contains(field, anyOf: Self.quoteTriggers) else { return field }
        return "\"" + ASCIIText.replacing(field) { $0 == UInt8(ascii: "\"") ? Array("\"\"".utf8) : nil } + "\""
    }

    static let quoteTriggers: [UInt8] = Array(";\"\n\r".utf8)

    static func status(_ s: CasePlan.Status) -> String {
        switch s {
        case .open: return "Pågående"
        case .dormant: return "Vilande"
        case .closed: return "Avslutat"
        case .cancelled: return "Makulerat"
        }
    }

    static func direction(_ d: RecordPlan.Direction) -> String {
        switch d {
        case .incoming: return "Inkommande"
        case .drawnUp: return "Upprättad"
        case .outgoing: return "Utgående"
        }
    }

    static func role(_ r: PartyPlan.Role) -> String {
        switch r {
        case .applicant: return "Sökande"
        case .counterpart: return "Part"
        case .sender: return "Avsändare"
        case .recipient: return "Mottagare"
        case .other: return "Övrig"
        }
    }
}
