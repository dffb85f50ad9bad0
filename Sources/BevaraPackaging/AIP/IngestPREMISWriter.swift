import BevaraModel
import BevaraXML
import Foundation

/// A preservation event of one ingest, in PREMIS terms (LoC eventType vocabulary).
public struct PreservationEvent: Codable, Hashable, Sendable {
    public enum Outcome: String, Codable, Sendable { case success, failure, warning }

    /// `ingestion start`, `fixity check`, `format identification`, `virus check`, `ingestion end` …
    public var type: String
    public var dateTime: Date
    public var outcome: Outcome
    public var detail: String

    public init(type: String, dateTime: Date, outcome: Outcome, detail: String) {
        self.type = type
        self.dateTime = dateTime
        self.outcome = outcome
        self.detail = detail
    }
}

/// Writes the PREMIS file of one ingest (`metadata/preservation/bevara-ingest-vN.xml`): the AIP as
/// an intellectual entity, the events, and every agent an event links to (AIP16, AIP18): Bevara
/// (software), the archivist (person) and the owning organisation.
public enum IngestPREMISWriter {
    public static func write(to path: String, objid: String, version: Int, events: [PreservationEvent],
                             user: ArchiveUser, organisation: Organisation, softwareVersion: String) throws {
        let out = try XMLFileOutput(path: path)
        let w = XMLWriter(output: out)
        try w.declaration()
        try w.open("premis", [("xmlns", Namespace.premis), ("xmlns:xsi", Namespace.xsi),
                              ("xsi:schemaLocation", "\(Namespace.premis) http://www.loc.gov/standards/premis/premis.xsd"),
                              ("version", "3.0")])
        try w.open("object", [("xsi:type", "intellectualEntity")])
        try PREMISParts.identifier(w, "objectIdentifier", type: "OBJID", value: objid)
        try w.close("object")

        let software = PREMISAgent.software(name: "Bevara", version: softwareVersion)
        let person = PREMISAgent(identifierType: "bevara-user", identifierValue: user.id, name: user.name, type: "person",
                                 note: "role: \(user.role.rawValue)")
        let owner = PREMISAgent(identifierType: "organisation", identifierValue: organisation.identificationCode,
                                name: organisation.name, type: "organization")
        for (i, event) in events.enumerated() {
            try w.open("event")
            try PREMISParts.identifier(w, "eventIdentifier", type: "local", value: "\(objid)-v\(version)-event-\(i + 1)")
            try w.element("eventType", text: event.type)
            try w.element("eventDateTime", text: PackageLayout.dateTime(event.dateTime))
            try w.open("eventDetailInformation")
            try w.element("eventDetail", text: event.detail)
            try w.close("eventDetailInformation")
            try w.open("eventOutcomeInformation")
            try w.element("eventOutcome", text: event.outcome.rawValue)
            try w.close("eventOutcomeInformation")
            try software.link(w, role: "executing program")
            try person.link(w, role: "implementer")
            try PREMISParts.linkObject(w, type: "OBJID", id: objid)
            try w.close("event")
        }
        for agent in [software, person, owner] { try agent.write(w) }
        try w.finish()
        try out.close()
    }
}
