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
}
