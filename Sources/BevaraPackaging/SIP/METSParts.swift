import BevaraXML

/// METS pieces shared by the package and representation METS.
enum METSParts {
    /// The `mets` root with namespaces, schema locations and the CSIP/SIP identification
    /// attributes (CSIP1–6, SIP1–2). `packagePath` is where this METS lives in the package.
    static func openRoot(_ w: XMLWriter, objid: String, label: String?, packagePath: String) throws {
        try w.open("mets", [
            ("xmlns", Namespace.mets),
            ("xmlns:xlink", Namespace.xlink),
            ("xmlns:csip", Namespace.csip),
            ("xmlns:sip", Namespace.sip),
            ("xmlns:xsi", Namespace.xsi),
            ("xsi:schemaLocation", PackageLayout.schemaLocation(
                [Namespace.mets, Namespace.xlink, Namespace.csip, Namespace.sip], from: packagePath)),
            ("OBJID", objid),
            ("LABEL", label),
            ("TYPE", PackageLayout.contentCategory),
            ("csip:CONTENTINFORMATIONTYPE", PackageLayout.contentInformationType),
            ("csip:OTHERCONTENTINFORMATIONTYPE", PackageLayout.otherContentInformationType),
            ("PROFILE", PackageLayout.profile),
        ])
    }

    /// The creating-software agent (CSIP10–16).
    static func softwareAgent(_ w: XMLWriter, name: String, version: String) throws {
        try w.open("agent", [("ROLE", "CREATOR"), ("TYPE", "OTHER"), ("OTHERTYPE", "SOFTWARE")])
        try w.element("name", text: name)
        try w.element("note", [("csip:NOTETYPE", "SOFTWARE VERSION")], text: version)
        try w.close("agent")
    }

    /// An agent with an optional identification-code note (SIP9–31 shapes).
    static func agent(_ w: XMLWriter, role: String, type: String, name: String, identificationCode: String?) throws {
        try w.open("agent", [("ROLE", role), ("TYPE", type)])
        try w.element("name", text: name)
        if let code = identificationCode, !code.isEmpty {
            try w.element("note", [("csip:NOTETYPE", "IDENTIFICATIONCODE")], text: code)
        }
        try w.close("agent")
    }

    /// A `file` with the six attributes CSIP67–72 demand and one `FLocat` (CSIP76–79).
    /// `href` is relative to the METS that lists the file.
    static func file(_ w: XMLWriter, id: String, file: PackagedFile, href: String, created: String, admid: String?) throws {
        try w.open("file", [
            ("ID", id), ("MIMETYPE", file.mime), ("SIZE", String(file.size)), ("CREATED", created),
            ("CHECKSUM", file.sha256), ("CHECKSUMTYPE", "SHA-256"), ("ADMID", admid),
        ])
        try w.element("FLocat", [("LOCTYPE", "URL"), ("xlink:type", "simple"), ("xlink:href", href)])
        try w.close("file")
    }

    /// An `amdSec` with one PREMIS `digiprovMD` (CSIP31–44).
    static func premisAmdSec(_ w: XMLWriter, amdID: String, digiprovID: String, file: PackagedFile, href: String, created: String) throws {
        try w.open("amdSec", [("ID", amdID)])
        try w.open("digiprovMD", [("ID", digiprovID), ("STATUS", "CURRENT")])
        try w.element("mdRef", [
            ("LOCTYPE", "URL"), ("xlink:type", "simple"), ("xlink:href", href),
            ("MDTYPE", "PREMIS"), ("MDTYPEVERSION", "3.0"), ("MIMETYPE", file.mime), ("SIZE", String(file.size)),
            ("CREATED", created), ("CHECKSUM", file.sha256), ("CHECKSUMTYPE", "SHA-256"),
        ])
        try w.close("digiprovMD")
        try w.close("amdSec")
    }

    /// A `fileGrp` listing `files` with ids `idPrefix` + 001, 002, …
    static func fileGroup(_ w: XMLWriter, id: String, use: String, files: [PackagedFile], idPrefix: String,
                          created: String, admid: String?) throws {
        try w.open("fileGrp", [("ID", id), ("USE", use)])
        for (i, file) in files.enumerated() {
            try Self.file(w, id: idPrefix + PackageLayout.pad(i + 1, 3), file: file, href: file.path, created: created,
                          admid: admid)
        }
        try w.close("fileGrp")
    }

    /// The end of a package (root) METS shared by SIP and DIP: the `Representations/rep1` file
    /// group pointing at the representation METS, then the CSIP structMap in the "appease" shape
    /// (a `Representations` div with an fptr and a `Representations/rep1` div with an mptr).
    static func rootRepresentationAndStructMap(_ w: XMLWriter, objid: String, representationMETS: PackagedFile,
                                               created: String, contentInformationType: String,
                                               otherContentInformationType: String) throws {
        try w.open("fileGrp", [
            ("ID", RootMETSWriter.representationGroupID), ("USE", "Representations/" + PackageLayout.representation),
            ("csip:CONTENTINFORMATIONTYPE", contentInformationType),
            ("csip:OTHERCONTENTINFORMATIONTYPE", otherContentInformationType),
        ])
        try file(w, id: "file-rep1-mets", file: representationMETS, href: representationMETS.path, created: created, admid: nil)
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
    }

    /// The representation METS's CSIP structMap: the representation div, its metadata div when
    /// it has its own PREMIS (`metadataADMID`), and the Data div pointing at `fg-rep1-data`.
    static func representationStructMap(_ w: XMLWriter, metadataADMID: String?) throws {
        try w.open("structMap", [("ID", "structmap-rep1"), ("TYPE", "PHYSICAL"), ("LABEL", "CSIP")])
        try w.open("div", [("ID", "div-rep1"), ("LABEL", PackageLayout.representation)])
        if let metadataADMID {
            try w.element("div", [("ID", "div-rep1-metadata"), ("LABEL", "Metadata"), ("ADMID", metadataADMID)])
        }
        try w.open("div", [("ID", "div-rep1-data"), ("LABEL", "Data")])
        try w.element("fptr", [("FILEID", "fg-rep1-data")])
        try w.close("div")
        try w.close("div")
        try w.close("structMap")
    }

    private static func pointerDiv(_ w: XMLWriter, id: String, label: String, group: String) throws {
        try w.open("div", [("ID", id), ("LABEL", label)])
        try w.element("fptr", [("FILEID", group)])
        try w.close("div")
    }
}
