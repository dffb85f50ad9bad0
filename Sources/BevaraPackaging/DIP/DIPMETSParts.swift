import BevaraXML

/// METS pieces the DIP's package and representation METS share; the rest comes from `METSParts`.
enum DIPMETSParts {
    /// The `mets` root: namespaces (no SIP extension), schema locations, the DIP profile (DIP2)
    /// and the CSIP identification attributes (CSIP1–6).
    static func openRoot(_ w: XMLWriter, objid: String, label: String?, packagePath: String) throws {
        try w.open("mets", [
            ("xmlns", Namespace.mets),
            ("xmlns:xlink", Namespace.xlink),
            ("xmlns:csip", Namespace.csip),
            ("xmlns:xsi", Namespace.xsi),
            ("xsi:schemaLocation", PackageLayout.schemaLocation([Namespace.mets, Namespace.xlink, Namespace.csip], from: packagePath)),
            ("OBJID", objid),
            ("LABEL", label),
            ("TYPE", DIPLayout.contentCategory),
            ("csip:CONTENTINFORMATIONTYPE", DIPLayout.contentInformationType),
            ("csip:OTHERCONTENTINFORMATIONTYPE", DIPLayout.otherContentInformationType),
            ("PROFILE", DIPLayout.profile),
        ])
    }

    /// `metsHdr` opened with the DIP package type (DIP3) and the software agent (CSIP10–16), which
    /// must stay the only `ROLE="CREATOR"` agent: in a DIP eark-validator applies CSIP12/13/16 to
    /// every creator, with no tolerance for a creating organisation.
    static func openHeader(_ w: XMLWriter, created: String, softwareVersion: String) throws {
        try w.open("metsHdr", [("CREATEDATE", created), ("LASTMODDATE", created), ("RECORDSTATUS", "NEW"),
                               ("csip:OAISPACKAGETYPE", "DIP")])
        try METSParts.softwareAgent(w, name: DIPWriter.softwareName, version: softwareVersion)
    }
}
