import BevaraXML

/// The package METS (`METS.xml`) of a DIP: header with agents, the PREMIS in `amdSec`, the
/// Documentation (cover list), Schemas and `Representations/rep1` file groups, and the CSIP
/// structMap in the SIP writer's "appease" shape (validators/README.md: CSIP103).
enum DIPRootMETSWriter {
    static func write(to path: String, request: DisclosureRequest, objid: String, premis: PackagedFile,
                      documentation: [PackagedFile], schemas: [PackagedFile], representationMETS: PackagedFile) throws {
        let created = PackageLayout.dateTime(request.created)
        let out = try SpliceableOutput(path: path)
        let w = XMLWriter(output: out)
        try w.declaration()
        try DIPMETSParts.openRoot(w, objid: objid, label: "Utlämnande av allmänna handlingar, begäran \(request.reference)",
                                  packagePath: PackageLayout.rootMETS)
        try DIPMETSParts.openHeader(w, created: created, softwareVersion: request.softwareVersion)
        // The archive disseminates the package; the authority owns the records and decided on
        // their release; the registrar prepared it. None may be a CREATOR (see openHeader).
        try METSParts.agent(w, role: "DISSEMINATOR", type: "ORGANIZATION", name: request.archiveName, identificationCode: nil)
        try METSParts.agent(w, role: "IPOWNER", type: "ORGANIZATION", name: request.organisationName, identificationCode: nil)
        try w.open("agent", [("ROLE", "OTHER"), ("OTHERROLE", "REGISTRAR"), ("TYPE", "INDIVIDUAL")])
        try w.element("name", text: request.registrar)
        try w.close("agent")
        try w.element("altRecordID", [("TYPE", "DISCLOSUREREQUEST")], text: request.reference)
        try w.close("metsHdr")

        try METSParts.premisAmdSec(w, amdID: "amd", digiprovID: PackageLayout.packagePREMISDigiprovID, file: premis,
                                   href: premis.path, created: created)

        try w.open("fileSec", [("ID", "filesec")])
        // The cover list has PREMIS objects (ADMID); the schemas do not.
        try group(w, id: RootMETSWriter.documentationGroupID, use: "Documentation", files: documentation,
                  idPrefix: "file-doc-", created: created, admid: PackageLayout.packagePREMISDigiprovID)
        try group(w, id: RootMETSWriter.schemasGroupID, use: "Schemas", files: schemas, idPrefix: "file-schema-",
                  created: created, admid: nil)
        try w.open("fileGrp", [
            ("ID", RootMETSWriter.representationGroupID), ("USE", "Representations/" + PackageLayout.representation),
            ("csip:CONTENTINFORMATIONTYPE", DIPLayout.contentInformationType),
            ("csip:OTHERCONTENTINFORMATIONTYPE", DIPLayout.otherContentInformationType),
        ])
        try METSParts.file(w, id: "file-rep1-mets", file: representationMETS, href: representationMETS.path,
                           created: created, admid: nil)
        try w.close("fileGrp")
        try w.close("fileSec")

        try w.open("structMap", [("ID", "structmap-csip"), ("TYPE", "PHYSICAL"), ("LABEL", "CSIP")])
        try w.open("div", [("ID", "div-package"), ("LABEL", objid)])
        try w.element("div", [("ID", "div-metadata"), ("LABEL", "Metadata"), ("ADMID", PackageLayout.packagePREMISDigiprovID)])
        try pointerDiv(w, id: "div-documentation", label: "Documentation", group: RootMETSWriter.documentationGroupID)
        try pointerDiv(w, id: "div-schemas", label: "Schemas", group: RootMETSWriter.schemasGroupID)
        try pointerDiv(w, id: "div-representations", label: "Representations", group: RootMETSWriter.representationGroupID)
        try w.open("div", [("ID", "div-rep1"), ("LABEL", "Representations/" + PackageLayout.representation)])
        try w.element("mptr", [
            ("LOCTYPE", "URL"), ("xlink:type", "simple"), ("xlink:href", representationMETS.path),
            ("xlink:title", RootMETSWriter.representationGroupID),
        ])
        try w.close("div")
        try w.close("div")
        try w.close("structMap")
        try w.finish()
        try out.close()
    }

    private static func group(_ w: XMLWriter, id: String, use: String, files: [PackagedFile], idPrefix: String, created: String,
                              admid: String?) throws {
        try w.open("fileGrp", [("ID", id), ("USE", use)])
        for (i, file) in files.enumerated() {
            try METSParts.file(w, id: idPrefix + PackageLayout.pad(i + 1, 3), file: file, href: file.path, created: created,
                               admid: admid)
        }
        try w.close("fileGrp")
    }

    private static func pointerDiv(_ w: XMLWriter, id: String, label: String, group: String) throws {
        try w.open("div", [("ID", id), ("LABEL", label)])
        try w.element("fptr", [("FILEID", group)])
        try w.close("div")
    }
}
