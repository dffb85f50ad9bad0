import BevaraModel
import BevaraXML
import Foundation

/// Builds cases and records from FGS Ärendehantering 1.0 elements as the SAX handler reports
/// them, and adds each case with its records to the catalog when `ArkivobjektArende` closes.
///
/// Only the current case (with its records) is held, so memory stays flat however many cases the
/// document has. Element names follow standards.md §3.2.
final class FGSCaseAssembler {
    private let document: String
    private let mapper: ValueMapper
    private let catalog: ExportCatalog
    private let findings: FindingCollector

    /// `ArkivobjektArende` elements started, and closed (read or reported).
    private(set) var caseCount = 0
    private(set) var closedCaseCount = 0
    private var current: CaseDraft?
    private var record: RecordDraft?
    private var party: PartyDraft?
    private var agent: AgentDraft?
    private var restriction: RestrictionDraft?
    private var reportedOrphanRecord = false

    init(document: String, mapper: ValueMapper, catalog: ExportCatalog, findings: FindingCollector) {
        self.document = document
        self.mapper = mapper
        self.catalog = catalog
        self.findings = findings
    }

    // MARK: Drafts (raw pieces collected until their element closes)

    private struct CaseDraft {
        let index: Int
        let line: Int
        let systemID: String?
        var diarienummer: String?
        var extraIDs: [ExtraID] = []
        var pendingExtraIDType: String?
        var title: String?
        var status: CaseStatus?
        var created: PartialDate?
        var received: PartialDate?
        var closed: PartialDate?
        var classification: Classification?
        var officer: String?
        var unit: String?
        var parties: [Party] = []
        var secrecy: [SecrecyMarking] = []
        var records: [Record] = []
        var recordCount = 0
        var path: String { "ArkivobjektArende[\(index)]" }
    }

    private struct RecordDraft {
        let index: Int
        let line: Int
        let path: String
        let systemID: String?
        var id: String?
        var runningNumber: Int?
        var type: String?
        var heading: String?
        var description: String?
        var direction: Record.Direction = .unknown
        var dates: [String: PartialDate] = [:]
        var parties: [Party] = []
        var secrecy: [SecrecyMarking] = []
        var files: [FileReference] = []
        var attachmentCount = 0
    }

    private struct PartyDraft {
        let element: String
        let role: Party.Role
        let line: Int
        let path: String
        var name: String?
        var identityNumber: String?
        var identityType: String?
        var organisation: String?
        var street: String?
        var postcode: String?
        var town: String?
        var protected = false
    }

    private struct AgentDraft {
        var role: String?
        var name: String?
        var unit: String?
    }

    private struct RestrictionDraft {
        let type: String?
        var legalReference: String?
        var explanation: String?
        var expires: PartialDate?
    }

    // MARK: Events

    /// An element starts; `parent` is the local name of the element containing it.
    func start(_ name: String, parent: String?, attributes: SAXAttributes, line: Int) {
        switch name {
        case "ArkivobjektArende":
            caseCount += 1
            current = CaseDraft(index: caseCount, line: line, systemID: nonEmpty(attributes["Systemidentifierare"]))
        case "ArkivobjektHandling":
            guard var c = current else {
                if !reportedOrphanRecord {
                    reportedOrphanRecord = true
                    findings.error("fgs.unsupported", SourceLocation(file: document, line: line, element: "ArkivobjektHandling"),
                                   "ArkivobjektHandling outside an ArkivobjektArende is not supported: records need the case they belong to; such records were not read")
                }
                return
            }
            c.recordCount += 1
            record = RecordDraft(index: c.recordCount, line: line, path: "\(c.path)/ArkivobjektHandling[\(c.recordCount)]",
                                 systemID: nonEmpty(attributes["Systemidentifierare"]))
            current = c
        case "Motpart", "Avsandare", "Mottagare":
            guard let owner = ownerPath(parent) else { return }
            let role: Party.Role = name == "Motpart" ? .counterpart : name == "Avsandare" ? .sender : .recipient
            party = PartyDraft(element: name, role: role, line: line, path: "\(owner)/\(name)")
        case "Agent" where parent == "ArkivobjektArende" && record == nil:
            agent = AgentDraft()
        case "Restriktion" where ownerPath(parent) != nil:
            restriction = RestrictionDraft(type: nonEmpty(attributes["Typ"]))
        case "IDnummer" where party != nil:
            party?.identityType = nonEmpty(attributes["Typ"])
        case "ExtraID" where parent == "ArkivobjektArende" && record == nil:
            current?.pendingExtraIDType = nonEmpty(attributes["ExtraIDTyp"])
        case "Bilaga":
            attachment(attributes, parent: parent, line: line)
        default:
            break
        }
    }

    /// An element ends with its (trimmed) text.
    func end(_ name: String, parent: String?, text raw: String, line: Int) throws {
        let text = nonEmpty(raw)
        if party != nil, parent == party?.element {
            partyValue(name, text, line: line)
            return
        }
        if agent != nil, parent == "Agent" {
            switch name {
            case "Roll": agent?.role = text
            case "Namn": agent?.name = text
            case "Enhetsnamn": agent?.unit = text
            default: break
            }
            return
        }
        if restriction != nil, parent == "Restriktion" {
            switch name {
            case "Lagrum": restriction?.legalReference = text
            case "ForklarandeText": restriction?.explanation = text
            case "RestriktionsDatum":
                let value = date(text, name, line: line)
                restriction?.expires = value
            default: break
            }
            return
        }
        switch name {
        case "Motpart", "Avsandare", "Mottagare": finishParty()
        case "Agent": finishAgent()
        case "Restriktion": finishRestriction(parent: parent)
        case "ArkivobjektHandling": finishRecord()
        case "ArkivobjektArende": try finishCase()
        default:
            if parent == "ArkivobjektHandling", record != nil {
                recordValue(name, text, line: line)
            } else if parent == "ArkivobjektArende", current != nil, record == nil {
                caseValue(name, text, line: line)
            }
        }
    }

    // MARK: Values

    private func caseValue(_ name: String, _ text: String?, line: Int) {
        switch name {
        case "ArkivobjektID": current?.diarienummer = text
        case "ExtraID":
            let type = current?.pendingExtraIDType ?? "ExtraID"
            if let text { current?.extraIDs.append(ExtraID(type: type, value: text)) }
            current?.pendingExtraIDType = nil
        case "Arendemening": current?.title = text
        // Values are computed before the assignment: an optional-chain assignment holds
        // exclusive access to `current` while its right-hand side runs.
        case "StatusArande":
            let status = mapper.status(text, field: name, at: location(line, leaf: name))
            current?.status = status
        case "Skapad":
            let value = date(text, name, line: line)
            current?.created = value
        case "Inkommen":
            let value = date(text, name, line: line)
            current?.received = value
        case "Avslutat":
            let value = date(text, name, line: line)
            current?.closed = value
        case "Klass":
            // The model holds one classification; FGS allows several, the first is kept.
            if current?.classification == nil {
                current?.classification = ValueMapper.classification(code: text, text: nil)
            }
        default: break
        }
    }

    private func recordValue(_ name: String, _ text: String?, line: Int) {
        switch name {
        case "ArkivobjektID": record?.id = text
        case "Lopnummer":
            guard let text else { return }
            record?.runningNumber = Int(text)
            if record?.runningNumber == nil {
                findings.warning("value.invalid", location(line, leaf: name),
                                 "Lopnummer '\(text)' is not a whole number; the running number was left out")
            }
        case "Handlingstyp": record?.type = text
        case "Rubrik": record?.heading = text
        case "Beskrivning": record?.description = text
        case "StatusHandling":
            let direction = mapper.direction(text, field: name, at: location(line, leaf: name))
            record?.direction = direction
        case "Inkommen", "Expedierad", "Upprattad", "Skapad":
            if let date = date(text, name, line: line) { record?.dates[name] = date }
        default: break
        }
    }

    private func partyValue(_ name: String, _ text: String?, line: Int) {
        switch name {
        case "Namn": party?.name = text
        case "IDnummer": party?.identityNumber = text
        case "Organisation": party?.organisation = text
        case "Postadress": party?.street = text
        case "Postnummer": party?.postcode = text
        case "Postort": party?.town = text
        case "SkyddadIdentitet": party?.protected = mapper.isTrue(text)
        default: break
        }
    }

    /// `Bilaga` on a record becomes a file reference; the model has no files on cases.
    private func attachment(_ attributes: SAXAttributes, parent: String?, line: Int) {
        guard parent == "ArkivobjektHandling", var r = record else {
            if parent == "ArkivobjektArende", let c = current, record == nil {
                findings.warning("fgs.unsupported", SourceLocation(file: document, line: line, element: "\(c.path)/Bilaga"),
                                 "Bilaga '\(attributes["Lank"] ?? attributes["Namn"] ?? "")' is attached to the case, not to a record; Bevara reads files of records only, so it is not packaged")
            }
            return
        }
        r.attachmentCount += 1
        let at = SourceLocation(file: document, line: line, element: "\(r.path)/Bilaga[\(r.attachmentCount)]")
        defer { record = r }
        guard let link = nonEmpty(attributes["Lank"]) else {
            findings.error("metadata.missing", at, "Bilaga has no Lank (the file's path); the file was not read")
            return
        }
        var size: Int64?
        if let raw = nonEmpty(attributes["Storlek"]) {
            size = Int64(raw)
            if size == nil { findings.warning("value.invalid", at, "Bilaga Storlek '\(raw)' is not a whole number of bytes; the size was left out") }
        }
        let checksum = nonEmpty(attributes["Checksumma"]).map {
            Checksum(algorithm: Checksum.Algorithm(spelling: attributes["ChecksummaMetod"] ?? ""), value: $0)
        }
        r.files.append(FileReference(path: link.replacingOccurrences(of: "\\", with: "/"), originalName: nonEmpty(attributes["Namn"]),
                                     declaredSize: size, declaredChecksum: checksum,
                                     declaredMime: nonEmpty(attributes["Mimetyp"]), source: at))
    }

    // MARK: Closing elements

    private func finishParty() {
        guard let p = party else { return }
        party = nil
        let at = SourceLocation(file: document, line: p.line, element: p.path)
        guard let name = p.name else {
            findings.error("metadata.missing", at, "\(p.element) has no Namn; the party was left out")
            return
        }
        // IDnummer Typ 3–6 are reservnummer, which have no national check digit.
        let reserve = p.identityType.flatMap(Int.init).map { (3...6).contains($0) } ?? false
        let postal = [p.postcode, p.town].compactMap { $0 }.joined(separator: " ")
        let address = [p.street, postal.isEmpty ? nil : postal].compactMap { $0 }.joined(separator: ", ")
        let result = Party(name: name,
                           identityNumber: mapper.identityNumber(p.identityNumber, field: "\(p.element) IDnummer", checkDigits: !reserve,
                                                                protectedIdentity: p.protected, at: at),
                           organisation: p.organisation, address: address.isEmpty ? nil : address, role: p.role,
                           protectedIdentity: p.protected, source: at)
        if record != nil { record?.parties.append(result) } else { current?.parties.append(result) }
    }

    private func finishAgent() {
        guard let a = agent else { return }
        agent = nil
        let role = a.role?.lowercased().folding(options: .diacriticInsensitive, locale: nil)
        guard role == "handlaggare", current?.officer == nil, current?.unit == nil else { return }
        current?.officer = a.name
        current?.unit = a.unit
    }

    private func finishRestriction(parent: String?) {
        guard let r = restriction else { return }
        restriction = nil
        let kind: SecrecyMarking.Kind
        switch r.type?.lowercased() {
        case "sekretess": kind = .secrecy
        case "integritet": kind = .integrity
        default: kind = .other
        }
        let marking = SecrecyMarking(kind: kind, legalReference: r.legalReference, explanation: r.explanation, expires: r.expires)
        if parent == "ArkivobjektHandling", record != nil { record?.secrecy.append(marking) } else { current?.secrecy.append(marking) }
    }

    private func finishRecord() {
        guard let r = record else { return }
        record = nil
        let at = SourceLocation(file: document, line: r.line, element: r.path)
        var missing: [String] = []
        if r.id == nil { missing.append("ArkivobjektID") }
        if r.heading == nil && r.description == nil { missing.append("Rubrik or Beskrivning") }
        guard missing.isEmpty, let id = r.id, let title = r.heading ?? r.description else {
            findings.error("metadata.missing", at, "ArkivobjektHandling has no \(missing.joined(separator: " and ")); the record was not read")
            return
        }
        // The main date: received for incoming records, else dispatched, drawn up or created.
        let order = r.direction == .incoming
            ? ["Inkommen", "Expedierad", "Upprattad", "Skapad"]
            : ["Expedierad", "Upprattad", "Skapad", "Inkommen"]
        let date = order.lazy.compactMap { r.dates[$0] }.first
        current?.records.append(Record(id: id, systemID: r.systemID, caseNumber: Diarienummer(""), runningNumber: r.runningNumber,
                                       type: r.type, direction: r.direction, date: date, title: title, parties: r.parties,
                                       secrecy: r.secrecy, files: r.files, source: at))
    }

    private func finishCase() throws {
        guard let c = current else { return }
        current = nil
        record = nil
        closedCaseCount += 1
        let at = SourceLocation(file: document, line: c.line, element: c.path)
        var missing: [String] = []
        if c.diarienummer == nil { missing.append("ArkivobjektID") }
        if c.title == nil { missing.append("Arendemening") }
        guard missing.isEmpty, let dnr = c.diarienummer, let title = c.title else {
            let n = c.records.count
            let lost = n == 0 ? "the case was not read" : "the case and its \(n) \(n == 1 ? "record were" : "records were") not read"
            findings.error("metadata.missing", at, "ArkivobjektArende has no \(missing.joined(separator: " and ")); \(lost)")
            return
        }
        let number = Diarienummer(dnr)
        try catalog.add(Case(systemID: c.systemID, diarienummer: number, extraIDs: c.extraIDs, title: title,
                             status: c.status ?? .unknown(""), opened: c.created ?? c.received, closed: c.closed,
                             classification: c.classification, unit: c.unit, officer: c.officer, parties: c.parties,
                             secrecy: c.secrecy, source: at))
        for var r in c.records {
            r.caseNumber = number
            try catalog.add(r)
        }
    }

    // MARK: Helpers

    /// The element path of the case or record that owns a child of `parent`, if it is one of them.
    private func ownerPath(_ parent: String?) -> String? {
        if parent == "ArkivobjektHandling", let r = record { return r.path }
        if parent == "ArkivobjektArende", record == nil, let c = current { return c.path }
        return nil
    }

    private func location(_ line: Int, leaf: String) -> SourceLocation {
        let owner = record?.path ?? current?.path
        return SourceLocation(file: document, line: line, element: owner.map { "\($0)/\(leaf)" } ?? leaf)
    }

    private func date(_ text: String?, _ name: String, line: Int) -> PartialDate? {
        mapper.date(text, field: name, at: location(line, leaf: name))
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}
