/// The FGS Ärendehantering 1.0 shape (profiles/fgs-arendehantering.yaml): one
/// `arendehantering.xml` (`Leveransobjekt` in namespace `http://xml.ra.se/e-arkiv/FGS-ERMS`)
/// and the files under `content/`, referenced by `Bilaga/@Lank` relative to the export root,
/// each with `Storlek`, `Checksumma` (SHA-256) and `Mimetyp`.
///
/// Elements appear in the schema's order (standards.md §3.2). The XML is written as text, one
/// case at a time, so the document never exists in memory as a whole.
final class FGSExportWriter: ExportShapeWriter {
    static let namespace = "http://xml.ra.se/e-arkiv/FGS-ERMS"
    static let documentName = "arendehantering.xml"

    let filesRoot = "content"
    private let root: String?
    private var out: OutputFile!

    init(root: String?) {
        self.root = root
    }

    var metadataBytes: Int64 { out?.count ?? 0 }

    func begin() throws {
        out = try openOutput(root, Self.documentName)
        try out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        try out.write("<Leveransobjekt xmlns=\"\(Self.namespace)\">\n  <ArkivobjektListaArenden>\n")
    }

    func finish() throws {
        try out.write("  </ArkivobjektListaArenden>\n</Leveransobjekt>\n")
        try out.close()
    }

    func write(_ plan: CasePlan, files written: [[WrittenFile]]) throws {
        var x = XMLLines(indent: 2)
        x.open("ArkivobjektArende", ["Systemidentifierare": plan.systemID])
        x.element("ArkivobjektID", plan.diarienummer)
        if let older = plan.olderNumber {
            x.element("ExtraID", older, ["ExtraIDTyp": "Äldre diarienummerformat"])
        }
        if let closed = plan.closed { x.element("Avslutat", closed.description) }
        x.empty("Gallring", ["Gallras": "false"])
        x.open("Agent")
        x.element("Roll", "Handläggare")
        x.element("Namn", plan.officer)
        x.element("Enhetsnamn", plan.unit)
        x.close("Agent")
        x.element("Klass", "\(plan.classification.code) \(plan.classification.text)")
        if let secrecy = plan.secrecy { restriction(secrecy, &x) }
        for party in plan.parties { person("Motpart", party, &x) }
        x.element("Skapad", plan.opened.description)
        x.element("StatusArande", Self.status(plan.status))
        x.element("Arendemening", plan.title)
        if !plan.records.isEmpty {
            x.open("ArkivobjektListaHandlingar")
            for (i, record) in plan.records.enumerated() {
                try flush(&x)
                handling(record, files: written[i], &x)
            }
            x.close("ArkivobjektListaHandlingar")
        }
        x.close("ArkivobjektArende")
        try flush(&x)
    }

    private func flush(_ x: inout XMLLines) throws {
        try out.write(x.text)
        x.text = ""
    }

    private func handling(_ r: RecordPlan, files: [WrittenFile], _ x: inout XMLLines) {
        x.open("ArkivobjektHandling", ["Systemidentifierare": r.systemID])
        x.element("ArkivobjektID", r.id)
        x.element("Handlingstyp", r.type)
        if let sender = r.sender { person("Avsandare", sender, &x) }
        if r.direction == .outgoing { x.element("Expedierad", r.date.description) }
        if r.direction == .incoming { x.element("Inkommen", r.date.description) }
        x.element("Lopnummer", String(r.runningNumber))
        if let recipient = r.recipient { person("Mottagare", recipient, &x) }
        x.element("Rubrik", r.title)
        x.element("Skapad", r.date.description)
        x.element("StatusHandling", Self.statusHandling(r.direction))
        if r.direction == .drawnUp { x.element("Upprattad", r.date.description) }
        if let storage = r.storage { x.element("Forvaringsplats", storage) }
        if let secrecy = r.secrecy { restriction(secrecy, &x) }
        for f in files {
            x.empty("Bilaga", [
                "Namn": f.plan.originalName, "Lank": filesRoot + "/" + f.plan.relativePath, "Storlek": String(f.size),
                "Checksumma": f.sha256, "ChecksummaMetod": "SHA-256", "Mimetyp": f.plan.kind.mimeType,
            ], order: ["Namn", "Lank", "Storlek", "Checksumma", "ChecksummaMetod", "Mimetyp"])
        }
        x.close("ArkivobjektHandling")
    }

    private func restriction(_ s: SecrecyPlan, _ x: inout XMLLines) {
        x.open("Restriktion", ["Typ": "Sekretess"])
        if let text = s.explanation { x.element("ForklarandeText", text) }
        if let law = s.legalReference { x.element("Lagrum", law) }
        x.close("Restriktion")
    }

    private func person(_ name: String, _ p: PartyPlan, _ x: inout XMLLines) {
        x.open(name)
        x.element("Namn", p.name)
        if let org = p.organisation { x.element("Organisation", org) }
        if let street = p.street { x.element("Postadress", street) }
        if let postcode = p.postcode { x.element("Postnummer", postcode) }
        if let town = p.town { x.element("Postort", town) }
        if let id = p.identityNumber { x.element("IDnummer", FictionalIdentity.fgsForm(id), ["Typ": "1"]) }
        x.element("SkyddadIdentitet", p.protectedIdentity ? "true" : "false")
        x.close(name)
    }

    static func status(_ s: CasePlan.Status) -> String {
        switch s {
        case .open: return "Öppet"
        case .dormant: return "Vilande"
        case .closed: return "Stängt"
        case .cancelled: return "Makulerat"
        }
    }

    static func statusHandling(_ d: RecordPlan.Direction) -> String {
        switch d {
        case .incoming: return "Inkommen"
        case .drawnUp: return "Upprättad"
        case .outgoing: return "Expedierad"
        }
    }
}

/// Indented XML lines for one case, escaped; flushed to the file after each record.
struct XMLLines {
    var text = ""
    private var depth: Int

    init(indent: Int) { depth = indent }

    private var pad: String { String(repeating: "  ", count: depth) }

    private static func attributes(_ attrs: [String: String], order: [String]?) -> String {
        let keys = order ?? attrs.keys.sorted()
        return keys.compactMap { k in attrs[k].map { " \(k)=\"\(XMLText.escape($0))\"" } }.joined()
    }

    mutating func open(_ name: String, _ attrs: [String: String] = [:]) {
        text += pad + "<" + name + Self.attributes(attrs, order: nil) + ">\n"
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        text += pad + "</" + name + ">\n"
    }

    mutating func element(_ name: String, _ value: String, _ attrs: [String: String] = [:]) {
        text += pad + "<" + name + Self.attributes(attrs, order: nil) + ">" + XMLText.escape(value) + "</" + name + ">\n"
    }

    mutating func empty(_ name: String, _ attrs: [String: String], order: [String]? = nil) {
        text += pad + "<" + name + Self.attributes(attrs, order: order) + "/>\n"
    }
}
