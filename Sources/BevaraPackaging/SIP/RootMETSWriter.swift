import BevaraXML

/// The package METS (`<OBJID>/METS.xml`): SIP header with the agents eark-validator and
/// commons-ip expect, the package PREMIS in `amdSec`, the Documentation, Schemas and
/// `Representations/rep1` file groups, and the CSIP structMap in the "appease" shape (a
/// `Representations` div with an fptr and a `Representations/rep1` div with an mptr).
enum RootMETSWriter {
    static let documentationGroupID = "fg-documentation"
    static let schemasGroupID = "fg-schemas"
    static let representationGroupID = "fg-rep1"

    static func write(to path: String, context: PackageContext, objid: String, label: String, premis: PackagedFile,
                      documentation: [PackagedFile], schemas: [PackagedFile], representationMETS: PackagedFile) throws {
        let created = PackageLayout.dateTime(context.created)
        let out = try SpliceableOutput(path: path)
        let w = XMLWriter(output: out)
        try w.declaration()
        try METSParts.openRoot(w, objid: objid, label: label, packagePath: PackageLayout.rootMETS)

        // LASTMODDATE = CREATEDATE: CSIP8 asks for it, and an unmodified package last changed at creation.
        try w.open("metsHdr", [("CREATEDATE", created), ("LASTMODDATE", created), ("RECORDSTATUS", "NEW"), ("csip:OAISPACKAGETYPE", "SIP")])
        try METSParts.softwareAgent(w, name: context.softwareName, version: context.softwareVersion)
        let creator = context.agreement.archivalCreator
        try METSParts.agent(w, role: "ARCHIVIST", type: "ORGANIZATION", name: creator.name,
                            identificationCode: creator.identificationCode)
        // The one submitting agent (SIP15): the single CREATOR whose TYPE is not OTHER.
        try METSParts.agent(w, role: "CREATOR", type: "ORGANIZATION", name: context.organisation.name,
                            identificationCode: context.organisation.identificationCode)
        try METSParts.agent(w, role: "PRESERVATION", type: "ORGANIZATION", name: context.archiveName, identificationCode: nil)
        try sourceSystemAgent(w, context: context)
        try w.element("altRecordID", [("TYPE", "SUBMISSIONAGREEMENT")], text: context.agreement.id)
        try w.close("metsHdr")

        try METSParts.premisAmdSec(w, amdID: "amd", digiprovID: PackageLayout.packagePREMISDigiprovID, file: premis,
                                   href: premis.path, created: created)

        try w.open("fileSec", [("ID", "filesec")])
        try METSParts.fileGroup(w, id: documentationGroupID, use: "Documentation", files: documentation,
                                idPrefix: "file-doc-", created: created, admid: nil)
        try METSParts.fileGroup(w, id: schemasGroupID, use: "Schemas", files: schemas, idPrefix: "file-schema-",
                                created: created, admid: nil)
        try METSParts.rootRepresentationAndStructMap(
            w, objid: objid, representationMETS: representationMETS, created: created,
            contentInformationType: PackageLayout.contentInformationType,
            otherContentInformationType: PackageLayout.otherContentInformationType)
        try w.finish()
        try out.close()
    }

    /// The source system as a METS agent: `ROLE="OTHER" OTHERROLE="SOURCESYSTEM"`, software.
    /// Neither CSIP nor SIP defines it; it does not count as a CREATOR, so the SIP15 submitter
    /// and the software agent stay unambiguous.
    private static func sourceSystemAgent(_ w: XMLWriter, context: PackageContext) throws {
        let system = context.agreement.sourceSystem
        try w.open("agent", [("ROLE", "OTHER"), ("OTHERROLE", "SOURCESYSTEM"), ("TYPE", "OTHER"), ("OTHERTYPE", "SOFTWARE")])
        try w.element("name", text: system.name)
        if let version = system.version, !version.isEmpty {
            try w.element("note", [("csip:NOTETYPE", "SOFTWARE VERSION")], text: version)
        }
        try w.close("agent")
    }
}
