import BevaraModel
import BevaraXML
import Foundation

/// A content file as the ERMS `appendix` names it.
struct ERMSAppendix {
    let originalName: String
    /// Path relative to the package root.
    let packagePath: String
    let format: FileFormat
}

/// Writes `representations/rep1/data/erms.xml` (CITS ERMS 3, valid against ERMS_v3.xsd) as a
/// stream: `control`, then one `aggregation aggregationType="caseFile"` per case with its records.
///
/// Element order follows the XSD sequences exactly; values a MUST rule needs but the export may
/// lack (a `created` date, a restriction's `regulation`) get a documented fallback.
final class ERMSWriter {
    /// Regulation text when a secrecy marking has no legal reference (`regulation` is mandatory).
    static let unknownRegulation = "unknown – to be assessed"

    private let output: SpliceableOutput
    private let w: XMLWriter
    private let context: PackageContext
    private let packageDate: String

    init(path: String, context: PackageContext, objid: String) throws {
        output = try SpliceableOutput(path: path)
        w = XMLWriter(output: output)
        self.context = context
        packageDate = PackageLayout.dateTime(context.created)
        try w.declaration()
        try w.open("erms", [
            ("xmlns", Namespace.erms),
            ("xmlns:xsi", Namespace.xsi),
            ("xsi:schemaLocation", PackageLayout.schemaLocation([Namespace.erms], from: PackageLayout.erms)),
        ])
        try writeControl(objid: objid)
        try w.open("aggregations")
    }

    private func writeControl(objid: String) throws {
        let org = context.organisation
        try w.open("control")
        try w.element("identification", [("identificationType", "OBJID")], text: objid)
        try w.element("identification", [("identificationType", "SUBMISSIONAGREEMENT")], text: context.agreement.id)
        try w.open("maintenanceInformation")
        try w.element("maintenanceStatus", [("value", "new")])
        try w.open("maintenanceAgency")
        try w.element("agencyCode", [("type", "IDENTIFICATIONCODE")], text: org.identificationCode)
        try w.element("agencyName", text: org.name)
        try w.close("maintenanceAgency")
        try w.open("maintenanceHistory")
        try w.open("maintenanceEvent")
        try w.element("eventType", [("value", "created")])
        try w.element("eventDateTime", text: packageDate)
        try w.open("agent", [("agentType", "creator")])
        try w.element("name", text: context.softwareName)
        try w.element("role", text: "software, version \(context.softwareVersion)")
        try w.close("agent")
        try w.close("maintenanceEvent")
        try w.close("maintenanceHistory")
        try w.close("maintenanceInformation")
        // The case-management system the export came from.
        let system = context.agreement.sourceSystem
        try w.open("systemInformation")
        try w.open("agents")
        try w.open("agent", [("agentType", "other"), ("otherAgentType", "source_system")])
        try w.element("name", text: system.name)
        try w.optionalElement("role", text: system.version.map { "version \($0)" })
        try w.close("agent")
        try w.close("agents")
        try w.close("systemInformation")
        try w.close("control")
    }

    // MARK: Cases

    /// Opens a case's aggregation and writes everything before its records. Returns the case's
    /// `created` date, which records without a date of their own inherit.
    @discardableResult
    func openCase(_ item: Case, records: [BevaraModel.Record]) throws -> String {
        let systemID = NameBasedUUID.uuid(existing: item.systemID, name: nameKey("case", item.systemID ?? item.diarienummer.verbatim))
        // ERMS204 demands a created date: the opened date, else the earliest record date, else
        // the package date; a note says which when it is not the opened date.
        var created = packageDate
        var createdNote: String? = "created date is the package date: the export gives no opening date and no record dates"
        if let opened = item.opened {
            created = opened.xsDateTime
            createdNote = nil
        } else if let earliest = records.compactMap(\.date).min() {
            created = earliest.xsDateTime
            createdNote = "created date is the earliest record date: the export gives no opening date"
        }

        try w.open("aggregation", [("systemIdentifier", systemID), ("aggregationType", "caseFile")])
        try w.element("objectId", text: item.diarienummer.verbatim)
        try sourceID(item.systemID)
        for extra in item.extraIDs { try w.element("extraId", [("extraIdType", extra.type)], text: extra.value) }
        try w.element("identification", [("identificationType", "diarienummer")], text: item.diarienummer.verbatim)
        if let c = item.classification {
            try w.element("classification", [("classificationCode", c.code)], text: c.text ?? "")
        }
        try w.element("title", text: item.title)
        try w.element("status", [("value", item.status.ermsValue)])
        for marking in item.secrecy { try restriction(marking) }
        let hasAgents = !item.parties.isEmpty || item.officer != nil || item.unit != nil
        if hasAgents {
            try w.open("agents")
            if let officer = item.officer {
                try w.open("agent", [("agentType", "responsible_person")])
                try w.element("name", text: officer)
                try w.optionalElement("unitName", text: item.unit)
                try w.close("agent")
            } else if let unit = item.unit {
                try w.open("agent", [("agentType", "other"), ("otherAgentType", "organisational_unit")])
                try w.element("name", text: unit)
                try w.close("agent")
            }
            for party in item.parties { try agent(party) }
            try w.close("agents")
        }
        try w.open("dates")
        try w.element("date", [("dateType", "created")], text: created)
        if let opened = item.opened { try w.element("date", [("dateType", "opened")], text: opened.xsDateTime) }
        if let closed = item.closed { try w.element("date", [("dateType", "closed")], text: closed.xsDateTime) }
        try w.close("dates")
        try notes(createdNote)
        return created
    }

    /// Writes one record of the open case, with its files as appendices.
    func record(_ record: BevaraModel.Record, caseCreated: String, appendices: [ERMSAppendix]) throws {
        let systemID = NameBasedUUID.uuid(existing: record.systemID, name: nameKey("record", record.systemID ?? record.id))
        try w.open("record", [
            ("systemIdentifier", systemID),
            ("recordType", record.type),
            ("recordPhysicalOrDigital", record.files.isEmpty ? nil : "digital"),
        ])
        try w.element("objectId", text: record.id)
        try sourceID(record.systemID)
        try w.element("title", text: record.title)
        if let n = record.runningNumber { try w.element("runningNumber", text: String(n)) }
        for marking in record.secrecy { try restriction(marking) }
        try w.element("direction", [
            ("directionDefinition", record.direction.ermsValue),
            ("otherDirectionDefinition", record.direction == .unknown ? "unknown" : nil),
        ])
        if !record.parties.isEmpty {
            try w.open("agents")
            for party in record.parties { try agent(party) }
            try w.close("agents")
        }
        // ERMS135 demands a created date: the record's own date, else the case's created date.
        try w.open("dates")
        try w.element("date", [("dateType", "created")], text: record.date?.xsDateTime ?? caseCreated)
        if let date = record.date {
            switch record.direction {
            case .incoming: try w.element("date", [("dateType", "received")], text: date.xsDateTime)
            case .outgoing: try w.element("date", [("dateType", "expedited")], text: date.xsDateTime)
            case .drawnUp, .unknown: break
            }
        }
        try w.close("dates")
        try notes(record.date == nil ? "created date is the case's created date: the export gives no record date" : nil)
        if !appendices.isEmpty {
            try w.open("additionalInformation")
            for a in appendices {
                try w.element("appendix", [
                    ("name", a.originalName), ("fileFormat", a.format.puid ?? a.format.mime), ("path", a.packagePath),
                ])
            }
            try w.close("additionalInformation")
        }
        try w.close("record")
    }

    func closeCase() throws { try w.close("aggregation") }

    /// Closes the document and the file.
    func finish() throws {
        try w.finish()
        try output.close()
    }

    // MARK: Parts

    private func restriction(_ marking: SecrecyMarking) throws {
        try w.open("restriction", [
            ("restrictionType", marking.ermsRestrictionType),
            ("otherRestrictionType", marking.kind == .other ? "other" : nil),
        ])
        try w.optionalElement("explanatoryText", text: marking.explanation)
        let regulation = marking.legalReference.flatMap { $0.isEmpty ? nil : $0 } ?? Self.unknownRegulation
        try w.element("regulation", text: regulation)
        if let expires = marking.expires {
            try w.open("dates")
            try w.element("date", [("dateType", "expiration")], text: expires.xsDateTime)
            try w.close("dates")
        }
        try w.close("restriction")
    }

    /// A party as delivered, names included: the SIP is the archive's copy, and protected
    /// identity is flagged here and enforced at disclosure.
    private func agent(_ party: Party) throws {
        try w.open("agent", [
            ("agentType", party.ermsAgentType),
            ("otherAgentType", party.ermsAgentType == "other" ? "other_party" : nil),
        ])
        try w.element("name", text: party.name)
        try w.optionalElement("organisation", text: party.organisation)
        if let number = party.identityNumber {
            try w.element("idNumber", [("idNumberType", number.kind.rawValue)], text: number.raw)
        }
        // The model's role where the agent type does not already say it (applicant → counterpart).
        if party.role.rawValue != party.ermsAgentType { try w.element("role", text: party.role.rawValue) }
        if let address = party.address, !address.isEmpty {
            try w.open("addressContactInformation")
            try w.element("addressLine", [("addressType", "postal_address")], text: address)
            try w.close("addressContactInformation")
        }
        try w.element("protectedIdentity", text: party.protectedIdentity ? "true" : "false")
        try w.close("agent")
    }

    /// A source identifier that is not a UUID (and so not the `systemIdentifier`) is kept as `extraId`.
    private func sourceID(_ systemID: String?) throws {
        // A UUID is the case's own systemIdentifier already; other ids are kept as extraId.
        guard let systemID, NameBasedUUID.canonical(systemID) == nil else { return }
        try w.element("extraId", [("extraIdType", "systemID")], text: systemID)
    }

    private func notes(_ text: String?) throws {
        guard let text else { return }
        try w.open("notes")
        try w.element("note", [("noteType", "bevara")], text: text)
        try w.close("notes")
    }

    /// Name for a deterministic UUID: organisation and source system scope the source's own id.
    private func nameKey(_ kind: String, _ id: String) -> String {
        "\(kind):\(context.organisation.id):\(context.agreement.sourceSystem.name):\(id)"
    }
}
