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
        try METSParts.fileGroup(w, id: RootMETSWriter.documentationGroupID, use: "Documentation", files: documentation,
                                idPrefix: "file-doc-", created: created, admid: PackageLayout.packagePREMISDigiprovID)
        try METSParts.fileGroup(w, id: RootMETSWriter.schemasGroupID, use: "Schemas", files: schemas,
                                idPrefix: "file-schema-", created: created, admid: nil)
        try METSParts.rootRepresentationAndStructMap(
            w, objid: objid, representationMETS: representationMETS, created: created,
            contentInformationType: DIPLayout.contentInformationType,
            otherContentInformationType: DIPLayout.otherContentInformationType)
        try w.finish()
        try out.close()
    }
}
