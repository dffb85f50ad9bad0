import BevaraModel
import BevaraXML
import Foundation

/// SAX handler that turns CITS ERMS v3 events into rows as it goes, handing each to `emit`
/// (`ERMSIndexItem`; `ERMSRowWriter` writes them): a case when its first record (or nested
/// aggregation, or its end) arrives, a record when it ends. Memory holds one case header per
/// nesting level and one record at a time. It never touches the index, so it can run on a thread
/// of its own.
///
/// SAX callbacks cannot throw: the first error (the parse's, or `emit`'s when the writing side
/// has stopped) is kept in `thrown` and the parser stopped.
final class ERMSIndexHandler: SAXHandler {
    static let namespace = "https://DILCIS.eu/XML/ERMS"
    /// Agent types that are parties of a case or record (the rest are officers, units, systems).
    static let partyAgentTypes: Set<String> = ["counterpart", "sender", "recipient", "applicant", "other"]
    static let nonPartyOtherTypes: Set<String> = ["organisational_unit", "source_system"]

    private let objectID: String
    private let path: String
    /// Folder of the ERMS in the AIP (`representations/rep1/data/`): appendix paths that are
    /// not package-relative are taken relative to it.
    private let ermsFolder: String

    /// Open elements: ERMS local name ("" for other namespaces) and the attributes an end needs.
    private var stack: [(name: String, attributes: SAXAttributes)] = []
    /// The current element's text as UTF-8, gathered in place rather than as a string per piece.
    private var text: [UInt8] = []
    private var aggregations: [ERMSParts.Aggregation] = []
    private var record: ERMSParts.Record?
    private var agent: ERMSParts.Agent?
    private var restriction: ERMSParts.Restriction?

    /// Set for the length of one `parse()` (it is the pipeline's, which must not escape it).
    var emit: ((ERMSIndexItem) throws -> Void)?
    /// `control/identification[@identificationType="OBJID"]`.
    private(set) var declaredObjectID: String?
    /// `appendix` elements read; the writing side counts the rest of the summary.
    private(set) var appendices = 0
    var thrown: Error?

    init(objectID: String, path: String, ermsFolder: String) {
        self.objectID = objectID
        self.path = path
        self.ermsFolder = ermsFolder
    }

    // MARK: SAX events

    func startElement(_ element: SAXElement, parser: SAXParser) {
        guard thrown == nil else { return }
        // Elements of other namespaces (extensions) are kept on the stack under no name, so
        // nothing inside them is mistaken for ERMS.
        let name = element.namespace == Self.namespace ? element.local : ""
        let attributes = element.attributes
        let parent = stack.last?.name
        do {
            switch name {
            case "aggregation":
                if !aggregations.isEmpty { try emitCase(at: aggregations.count - 1) }
                aggregations.append(ERMSParts.Aggregation())
            case "record" where parent == "aggregation":
                try emitCase(at: aggregations.count - 1)
                record = ERMSParts.Record(recordType: attributes["recordType"])
            case "agent" where parent == "agents" && isObjectLevel(stack.dropLast().last?.name):
                agent = ERMSParts.Agent(agentType: attributes["agentType"] ?? "",
                                        otherAgentType: attributes["otherAgentType"])
            case "restriction" where isObjectLevel(parent):
                restriction = ERMSParts.Restriction(type: attributes["restrictionType"] ?? "")
            case "appendix" where record != nil:
                appendices += 1
                if let p = attributes["path"] {
                    record?.appendices.append(ERMSParts.Appendix(name: attributes["name"], path: p))
                }
            default:
                break
            }
        } catch {
            fail(parser, error)
        }
        // Only ERMS elements keep their attributes: holding them copies the parser's scratch list.
        stack.append((name, name.isEmpty || attributes.isEmpty ? SAXAttributes() : attributes))
        text.removeAll(keepingCapacity: true)
    }

    func endElement(namespace: String, local: String, parser: SAXParser) {
        guard thrown == nil, let (name, attributes) = stack.popLast() else { return }
        let parent = stack.last?.name
        let grandparent = stack.dropLast().last?.name
        let value = String(decoding: text, as: UTF8.self).trimmedWhitespace()
        text.removeAll(keepingCapacity: true)
        do {
            if let handled = try agentField(name, parent: parent, value: value, attributes: attributes), handled { return }
            switch name {
            case "identification" where parent == "control":
                if attributes["identificationType"] == "OBJID" { declaredObjectID = value }
            case "identification" where parent == "aggregation":
                if attributes["identificationType"] == "diarienummer" { updateCase { $0.diarienummer = value } }
            case "objectId" where parent == "aggregation":
                updateCase { $0.objectId = value }
            case "objectId" where parent == "record":
                record?.objectId = value
            case "extraId" where parent == "aggregation":
                if !value.isEmpty { updateCase { $0.extraIds.append(value) } }
            case "classification" where parent == "aggregation":
                updateCase {
                    $0.classificationCode = attributes["classificationCode"]
                    $0.classificationText = value.isEmpty ? nil : value
                }
            case "title" where parent == "aggregation":
                updateCase { $0.title = value }
            case "title" where parent == "record":
                record?.title = value
            case "status" where parent == "aggregation":
                updateCase { $0.status = attributes["value"].map(ERMSParts.statusLabel) }
            case "direction" where parent == "record":
                record?.direction = attributes["directionDefinition"]
            case "regulation" where parent == "restriction":
                restriction?.regulation = value
            case "restriction" where isObjectLevel(parent):
                if let r = restriction {
                    if parent == "record" { record?.restrictions.append(r) } else { updateCase { $0.restrictions.append(r) } }
                }
                restriction = nil
            case "date" where parent == "dates" && isObjectLevel(grandparent):
                if let type = attributes["dateType"] { updateDates(owner: grandparent) { $0.byType[type] = value } }
            case "note" where parent == "notes" && isObjectLevel(grandparent):
                if attributes["noteType"] == "bevara", value.hasPrefix(ERMSParts.fallbackDateNote) {
                    updateDates(owner: grandparent) { $0.createdIsFallback = true }
                }
            case "record" where parent == "aggregation":
                try emitRecord()
            case "aggregation":
                try emitCase(at: aggregations.count - 1)
                aggregations.removeLast()
            default:
                break
            }
        } catch {
            fail(parser, error)
        }
    }

    func characters(_ utf8: UnsafeRawBufferPointer, parser: SAXParser) {
        text.append(contentsOf: utf8)
    }

    func problem(_ problem: SAXProblem, parser: SAXParser) {
        switch problem.kind {
        case .declaration:
            fail(parser, IndexError.unreadableERMS(path: path, reason: "it has a DOCTYPE; DTDs are refused (entity expansion, external entities)"))
        case .libxml2(let code, let level):
            // A warning (a relative namespace URI, say) leaves the document readable.
            guard level != .warning else { return }
            fail(parser, IndexError.unreadableERMS(
                path: path, reason: "not well-formed XML at line \(problem.line), column \(problem.column) (libxml2 error \(code))"))
        }
    }

    // MARK: Mapping

    private func isObjectLevel(_ name: String?) -> Bool { name == "aggregation" || name == "record" }

    /// Fields of the agent being read; nil when `name` is not one.
    private func agentField(_ name: String, parent: String?, value: String, attributes: SAXAttributes) throws -> Bool? {
        guard agent != nil else { return nil }
        switch (name, parent) {
        case ("name", "agent"): agent?.name = value
        case ("organisation", "agent"): agent?.organisation = value.isEmpty ? nil : value
        case ("idNumber", "agent"): agent?.idNumber = value.isEmpty ? nil : value
        case ("role", "agent"): agent?.role = value.isEmpty ? nil : value
        case ("unitName", "agent"): agent?.unitName = value.isEmpty ? nil : value
        case ("protectedIdentity", "agent"): agent?.protectedIdentity = value == "true" || value == "1"
        case ("agent", "agents"):
            let a = agent!
            agent = nil
            if stack.dropLast().last?.name == "record" { record?.agents.append(a) } else { updateCase { $0.agents.append(a) } }
        default: return nil
        }
        return true
    }

    private func updateCase(_ change: (inout ERMSParts.Aggregation) -> Void) {
        guard !aggregations.isEmpty else { return }
        change(&aggregations[aggregations.count - 1])
    }

    private func updateDates(owner: String?, _ change: (inout ERMSParts.Dates) -> Void) {
        if owner == "record" {
            if record != nil { change(&record!.dates) }
        } else {
            updateCase { change(&$0.dates) }
        }
    }

    private func isParty(_ a: ERMSParts.Agent) -> Bool {
        guard Self.partyAgentTypes.contains(a.agentType) else { return false }
        return !(a.agentType == "other" && a.otherAgentType.map(Self.nonPartyOtherTypes.contains) == true)
    }

    /// The agents that are parties, as rows whose case and record ids the writing side sets.
    private func parties(_ agents: [ERMSParts.Agent]) -> [IndexedParty] {
        agents.filter(isParty).map { a in
            let role = a.role ?? (a.agentType == "other" ? "other" : a.agentType)
            // An organisation delivered with an empty contact name is named by the organisation.
            let name = a.name.isEmpty ? (a.organisation ?? "") : a.name
            return IndexedParty(caseID: 0, recordID: nil, name: name,
                                organisation: a.name.isEmpty ? nil : a.organisation, role: role, identityNumber: a.idNumber,
                                protectedIdentity: a.protectedIdentity)
        }
    }

    private func emitCase(at index: Int) throws {
        guard aggregations.indices.contains(index), !aggregations[index].written else { return }
        let a = aggregations[index]
        var officer: String?
        var unit: String?
        for agent in a.agents {
            if agent.agentType == "responsible_person", officer == nil {
                officer = agent.name
                unit = unit ?? agent.unitName
            } else if agent.agentType == "other", agent.otherAgentType == "organisational_unit" {
                unit = unit ?? agent.name
            }
        }
        let dnr = a.diarienummer ?? a.objectId
        aggregations[index].written = true
        try emit?(.caseFile(IndexedCase(
            objectID: objectID, diarienummer: dnr, title: a.title, status: a.status,
            opened: a.dates.day("opened") ?? a.dates.ownCreated, closed: a.dates.day("closed"),
            classification: a.classificationCode, classificationText: a.classificationText, unit: unit,
            handlingOfficer: officer, extraIdentifiers: a.extraIds.filter { $0 != dnr },
            secrecy: ERMSParts.secrecy(a.restrictions)), parties: parties(a.agents), depth: index))
    }

    private func emitRecord() throws {
        guard let r = record, aggregations.last?.written == true else { return }
        record = nil
        let date = r.dates.day("received") ?? r.dates.day("expedited") ?? r.dates.day("sent") ?? r.dates.ownCreated
        let appendices = r.appendices.map {
            ERMSIndexItem.Appendix(name: $0.name, path: $0.path, logicalPath: logicalPath($0.path))
        }
        try emit?(.record(IndexedRecord(
            caseID: 0, recordID: r.objectId, type: r.recordType, direction: r.direction, date: date,
            title: r.title, secrecy: ERMSParts.secrecy(r.restrictions)),
            parties: parties(r.agents), appendices: appendices, depth: aggregations.count - 1))
    }

    /// Bevara's ERMS writer gives package-relative paths (`representations/rep1/data/…`), which
    /// the AIP keeps unchanged; other paths are relative to the ERMS's folder.
    private func logicalPath(_ raw: String) -> String? {
        // Nothing to trim in the usual path, and Foundation's trimming bridges through NSString
        // (≈ 2.5 % of ingest's main thread on a package of many small files).
        var p = raw.hasPrintableASCIIEnds ? raw : raw.trimmingCharacters(in: .whitespaces)
        while p.hasPrefix("./") { p.removeFirst(2) }
        guard !p.isEmpty, !p.hasPrefix("/"), !Self.hasEmptyOrParentSegment(p) else { return nil }
        return p.hasPrefix("representations/") ? p : ermsFolder + p
    }

    /// True when a `/`-separated segment of `path` is empty or `..`. A printable-ASCII path
    /// (nearly every one) is split by byte, which for it is the same as by character; splitting
    /// by character cost ≈ 30,000 instructions a file.
    static func hasEmptyOrParentSegment(_ path: String) -> Bool {
        guard path.isPrintableASCII else {
            let segments = path.split(separator: "/", omittingEmptySubsequences: false)
            return segments.contains("..") || segments.contains("")
        }
        return path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            .contains { $0.isEmpty || $0.elementsEqual("..".utf8) }
    }

    private func fail(_ parser: SAXParser, _ error: Error) {
        guard thrown == nil else { return }
        thrown = error
        parser.stop()
    }
}
