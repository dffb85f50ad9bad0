import BevaraModel
import BevaraXML

/// A file as packaged in the DIP, with what PREMIS says about it.
struct DIPPackagedFile {
    let id: String
    let file: PackagedFile
    let format: FileFormat
    /// The record a released copy belongs to; nil for the cover list.
    let recordID: String?
}

/// `metadata/preservation/premis.xml`: the package as an intellectual entity, one file object per
/// released copy and per cover-list file (SHA-256 fixity, size, format), the one `dissemination`
/// event (LoC eventType vocabulary: "making an object available to users") that links them, and
/// the agents: the software, the archive, the authority and the registrar.
enum DIPPREMISWriter {
    static func write(to path: String, request: DisclosureRequest, objid: String, files: [DIPPackagedFile],
                      rows: [CoverListRow]) throws {
        let created = PackageLayout.dateTime(request.created)
        let software = PREMISAgent.software(name: DIPWriter.softwareName, version: request.softwareVersion)
        let archive = PREMISAgent(identifierType: "local", identifierValue: "archive:" + request.archiveName,
                                  name: request.archiveName, type: "organization",
                                  note: "archive holding the records; made and disseminates this package")
        let authority = PREMISAgent(identifierType: "local", identifierValue: "organisation:" + request.organisationName,
                                    name: request.organisationName, type: "organization",
                                    note: "authority whose records these are and which decided on their disclosure")
        let registrar = PREMISAgent(identifierType: "local", identifierValue: "user:" + request.registrar,
                                    name: request.registrar, type: "person", note: "registrar who prepared the answer")
        let eventID = "\(objid)-dissemination"
        let count = { (o: CoverListRow.Outcome) in rows.filter { $0.outcome == o }.count }
        let content = files.filter { $0.recordID != nil }

        let out = try SpliceableOutput(path: path)
        let w = XMLWriter(output: out)
        try w.declaration()
        try PREMISParts.openRoot(w, packagePath: PackageLayout.packagePREMIS)
        try w.open("object", [("xsi:type", "intellectualEntity")])
        try PREMISParts.identifier(w, "objectIdentifier", type: "OBJID", value: objid)
        try PREMISParts.identifier(w, "objectIdentifier", type: "disclosure request", value: request.reference)
        try PREMISParts.identifier(w, "linkingEventIdentifier", type: "local", value: eventID)
        try w.close("object")
        for file in files { try fileObject(w, file, eventID: eventID) }
        try PREMISParts.event(
            w, id: eventID, type: "dissemination", dateTime: created,
            detail: "Disclosure of public records in answer to request \(request.reference): \(rows.count) records considered, "
                + "\(count(.released)) released, \(count(.masked)) released with masking, \(count(.withheld)) withheld; "
                + "\(content.count) files, each copied with its SHA-256 recomputed and compared to the value verified before release",
            agents: [(software, "executing program"), (registrar, "implementer"), (authority, "authorizer")]) { w in
            try PREMISParts.linkObject(w, type: "OBJID", id: objid)
            for file in files { try PREMISParts.linkObject(w, id: file.id) }
        }
        for agent in [software, archive, authority, registrar] { try agent.write(w) }
        try w.finish()
        try out.close()
    }

    /// A file object; a released copy also says which record it is part of.
    private static func fileObject(_ w: XMLWriter, _ entry: DIPPackagedFile, eventID: String) throws {
        try w.open("object", [("xsi:type", "file")])
        try PREMISParts.identifier(w, "objectIdentifier", type: "local", value: entry.id)
        try PREMISParts.identifier(w, "objectIdentifier", type: "filepath", value: entry.file.path)
        try w.open("objectCharacteristics")
        try w.open("fixity")
        try w.element("messageDigestAlgorithm", text: "SHA-256")
        try w.element("messageDigest", text: entry.file.sha256)
        try w.close("fixity")
        try w.element("size", text: String(entry.file.size))
        try w.open("format")
        try w.open("formatDesignation")
        try w.element("formatName", text: entry.format.name ?? entry.format.mime)
        try w.optionalElement("formatVersion", text: entry.format.version)
        try w.close("formatDesignation")
        if let puid = entry.format.puid {
            try w.open("formatRegistry")
            try w.element("formatRegistryName", text: "PRONOM")
            try w.element("formatRegistryKey", text: puid)
            try w.close("formatRegistry")
        }
        try w.element("formatNote", text: "MIME type " + entry.format.mime)
        try w.close("format")
        try w.close("objectCharacteristics")
        if let recordID = entry.recordID {
            try w.open("relationship")
            try w.element("relationshipType", text: "structural")
            try w.element("relationshipSubType", text: "is Part Of")
            try PREMISParts.identifier(w, "relatedObjectIdentifier", type: "record", value: recordID)
            try w.close("relationship")
        }
        try PREMISParts.identifier(w, "linkingEventIdentifier", type: "local", value: eventID)
        try w.close("object")
    }
}
