import BevaraModel
import BevaraXML

/// A PREMIS 3 agent, and how events point at it.
struct PREMISAgent {
    /// The identifier events link with; unique within the document.
    var identifierType: String
    var identifierValue: String
    /// Further identifiers (type, value), e.g. an organisation's identification code, which a
    /// nämnd and its kommun may share and so cannot serve as the link.
    var otherIdentifiers: [(String, String)] = []
    var name: String
    /// LoC agentType vocabulary: `software`, `organization`, `person`.
    var type: String
    var version: String?
    var note: String?

    func write(_ w: XMLWriter) throws {
        try w.open("agent")
        for (type, value) in [(identifierType, identifierValue)] + otherIdentifiers {
            try w.open("agentIdentifier")
            try w.element("agentIdentifierType", text: type)
            try w.element("agentIdentifierValue", text: value)
            try w.close("agentIdentifier")
        }
        try w.element("agentName", text: name)
        try w.element("agentType", text: type)
        try w.optionalElement("agentVersion", text: version)
        try w.optionalElement("agentNote", text: note)
        try w.close("agent")
    }

    func link(_ w: XMLWriter, role: String) throws {
        try w.open("linkingAgentIdentifier")
        try w.element("linkingAgentIdentifierType", text: identifierType)
        try w.element("linkingAgentIdentifierValue", text: identifierValue)
        try w.element("linkingAgentRole", text: role)
        try w.close("linkingAgentIdentifier")
    }

    static func software(name: String, version: String, note: String? = nil) -> PREMISAgent {
        PREMISAgent(identifierType: "local", identifierValue: "\(name)-\(version)", name: name, type: "software",
                    version: version, note: note)
    }
}

/// PREMIS document pieces shared by the package and representation files.
enum PREMISParts {
    static func openRoot(_ w: XMLWriter, packagePath: String) throws {
        try w.open("premis", [
            ("xmlns", Namespace.premis),
            ("xmlns:xsi", Namespace.xsi),
            ("xsi:schemaLocation", PackageLayout.schemaLocation([Namespace.premis], from: packagePath)),
            ("version", "3.0"),
        ])
    }

    static func identifier(_ w: XMLWriter, _ element: String, type: String, value: String) throws {
        try w.open(element)
        try w.element(element + "Type", text: type)
        try w.element(element + "Value", text: value)
        try w.close(element)
    }

    /// An event with outcome `success`, linked to agents and (via `objects`) to objects.
    static func event(_ w: XMLWriter, id: String, type: String, dateTime: String, detail: String,
                      agents: [(PREMISAgent, String)], objects: (XMLWriter) throws -> Void) throws {
        try w.open("event")
        try identifier(w, "eventIdentifier", type: "local", value: id)
        try w.element("eventType", text: type)
        try w.element("eventDateTime", text: dateTime)
        try w.open("eventDetailInformation")
        try w.element("eventDetail", text: detail)
        try w.close("eventDetailInformation")
        try w.open("eventOutcomeInformation")
        try w.element("eventOutcome", text: "success")
        try w.close("eventOutcomeInformation")
        for (agent, role) in agents { try agent.link(w, role: role) }
        try objects(w)
        try w.close("event")
    }

    static func linkObject(_ w: XMLWriter, type: String = "local", id: String) throws {
        try w.open("linkingObjectIdentifier")
        try w.element("linkingObjectIdentifierType", text: type)
        try w.element("linkingObjectIdentifierValue", text: id)
        try w.close("linkingObjectIdentifier")
    }

    /// A file object: identifiers, SHA-256 fixity, size, format, original name.
    static func fileObject(_ w: XMLWriter, id: String, repPath: String, exportPath: String?, size: Int64,
                           sha256: String, format: FileFormat, originalName: String?) throws {
        try w.open("object", [("xsi:type", "file")])
        try identifier(w, "objectIdentifier", type: "local", value: id)
        try identifier(w, "objectIdentifier", type: "filepath", value: repPath)
        if let exportPath { try identifier(w, "objectIdentifier", type: "export path", value: exportPath) }
        try w.open("objectCharacteristics")
        try w.open("fixity")
        try w.element("messageDigestAlgorithm", text: "SHA-256")
        try w.element("messageDigest", text: sha256)
        try w.close("fixity")
        try w.element("size", text: String(size))
        try w.open("format")
        try w.open("formatDesignation")
        try w.element("formatName", text: format.name ?? format.mime)
        try w.optionalElement("formatVersion", text: format.version)
        try w.close("formatDesignation")
        if let puid = format.puid {
            try w.open("formatRegistry")
            try w.element("formatRegistryName", text: "PRONOM")
            try w.element("formatRegistryKey", text: puid)
            try w.close("formatRegistry")
        }
        try w.element("formatNote", text: "MIME type " + format.mime)
        try w.close("format")
        try w.close("objectCharacteristics")
        try w.optionalElement("originalName", text: originalName)
        try w.close("object")
    }
}

/// The representation PREMIS (`representations/rep1/metadata/preservation/premis.xml`): one file
/// object per content file and for erms.xml, one "message digest calculation" and one "format
/// identification" event listing the objects, and the software agent.
///
/// Objects are spooled as files are packaged; the events list objects by their counter-based ids,
/// regenerated at the end, so nothing per file stays in memory.
final class RepresentationPREMISWriter {
    private let spool: Spool
    private let created: String
    private let software: PREMISAgent
    private let objid: String
    private var count = 0

    init(spoolPath: String, created: String, software: PREMISAgent, objid: String) throws {
        spool = try Spool(path: spoolPath)
        self.created = created
        self.software = software
        self.objid = objid
    }

    /// Records content file number `index` (its METS file ID is `PackageLayout.contentFileID(index)`).
    func add(index: Int, file: PackagedFile, reference: FileReference, format: FileFormat) throws {
        count = max(count, index)
        try PREMISParts.fileObject(spool.writer, id: PackageLayout.contentFileID(index),
                                   repPath: RepresentationMETSWriter.relative(file.path), exportPath: reference.path,
                                   size: file.size, sha256: file.sha256, format: format, originalName: reference.originalName)
    }

    /// Writes the complete PREMIS file to `path`, given the finished erms.xml; with `splicing`,
    /// the spooled objects are left in their spool (returned as the insertion to make).
    func finish(to path: String, erms: PackagedFile, splicing: Bool) throws -> [SplicedDocument.Insertion] {
        try spool.close()
        let out = try SpliceableOutput(path: path, splicing: splicing)
        let w = XMLWriter(output: out)
        try w.declaration()
        try PREMISParts.openRoot(w, packagePath: PackageLayout.repPREMIS)
        // erms.xml first, then the content files from the spool.
        try PREMISParts.fileObject(w, id: PackageLayout.ermsFileID, repPath: RepresentationMETSWriter.relative(erms.path),
                                   exportPath: nil, size: erms.size, sha256: erms.sha256,
                                   format: FileFormat(mime: "application/xml", puid: "fmt/101", name: "Extensible Markup Language", version: "1.0"),
                                   originalName: nil)
        try w.insertFragment(at: spool.path)
        let count = self.count
        try PREMISParts.event(w, id: "\(objid)-rep1-message-digest-calculation", type: "message digest calculation",
                              dateTime: created,
                              detail: "SHA-256 computed in the same pass that copied each file into the package",
                              agents: [(software, "executing program")]) { w in
            try PREMISParts.linkObject(w, id: PackageLayout.ermsFileID)
            for i in stride(from: 1, through: count, by: 1) { try PREMISParts.linkObject(w, id: PackageLayout.contentFileID(i)) }
        }
        try PREMISParts.event(w, id: "\(objid)-rep1-format-identification", type: "format identification",
                              dateTime: created,
                              detail: "Format identified from each file's first 64 KiB: MIME type by libmagic or by Bevara's signatures (plain text by content and name), PRONOM PUID by Bevara's table",
                              agents: [(software, "executing program")]) { w in
            for i in stride(from: 1, through: count, by: 1) { try PREMISParts.linkObject(w, id: PackageLayout.contentFileID(i)) }
        }
        try software.write(w)
        try w.finish()
        try out.close()
        return out.insertions
    }
}

/// The package PREMIS (`metadata/preservation/premis.xml`): the package as an intellectual
/// entity, its creation event, and the agents involved.
enum PackagePREMISWriter {
    static func write(to path: String, context: PackageContext, objid: String, software: PREMISAgent,
                      cases: Int, records: Int, files: Int) throws {
        let created = PackageLayout.dateTime(context.created)
        let agreement = context.agreement
        let organisation = PREMISAgent(identifierType: "local", identifierValue: "organisation:" + context.organisation.id,
                                       otherIdentifiers: [("IDENTIFICATIONCODE", context.organisation.identificationCode)],
                                       name: context.organisation.name, type: "organization",
                                       note: "submitting organisation")
        let creator = agreement.archivalCreator
        let archivalCreator = PREMISAgent(
            identifierType: "local", identifierValue: "archival-creator:" + creator.name,
            otherIdentifiers: creator.identificationCode.map { [("IDENTIFICATIONCODE", $0)] } ?? [],
            name: creator.name, type: "organization", note: "archival creator (arkivbildare)")
        let system = agreement.sourceSystem
        let sourceSystem = PREMISAgent(identifierType: "local",
                                       identifierValue: "source-system:" + system.name + (system.version.map { "-" + $0 } ?? ""),
                                       name: system.name, type: "software", version: system.version,
                                       note: "source system the export was taken from")
        let eventID = "\(objid)-information-package-creation"

        let out = try SpliceableOutput(path: path)
        let w = XMLWriter(output: out)
        try w.declaration()
        try PREMISParts.openRoot(w, packagePath: PackageLayout.packagePREMIS)
        try w.open("object", [("xsi:type", "intellectualEntity")])
        try PREMISParts.identifier(w, "objectIdentifier", type: "OBJID", value: objid)
        try PREMISParts.identifier(w, "linkingEventIdentifier", type: "local", value: eventID)
        try w.close("object")
        try PREMISParts.event(w, id: eventID, type: "information package creation", dateTime: created,
                              detail: "E-ARK SIP created from an export of \(system.name) read with profile '\(context.profileName)' "
                                  + "under submission agreement \(agreement.id): \(cases) cases, \(records) records, \(files) files",
                              agents: [(software, "executing program"), (organisation, "submitter")]) { w in
            try PREMISParts.linkObject(w, type: "OBJID", id: objid)
        }
        for agent in [software, organisation, archivalCreator, sourceSystem] { try agent.write(w) }
        try w.finish()
        try out.close()
    }
}
