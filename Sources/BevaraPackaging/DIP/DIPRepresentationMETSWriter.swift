import BevaraXML

/// The representation METS (`representations/rep1/METS.xml`): its header, one `fileGrp USE="Data"`
/// with every released copy (hrefs relative to the representation folder) and a CSIP structMap.
/// The copies' PREMIS is the package's (`metadata/preservation/premis.xml`), so files carry no ADMID.
///
/// With nothing released the group is empty and there is no `data/` folder. That representation
/// still passes validate-sip (XSD allows an empty `fileGrp`; eark-validator 1.1.3 only warns,
/// CSIPSTR11 "SHOULD include a sub-folder named data"), whereas dropping the representation would
/// fail CSIP114 and CSIP103 (Errors): so an all-withheld DIP keeps its one, empty, representation.
enum DIPRepresentationMETSWriter {
    static func write(to path: String, request: DisclosureRequest, files: [DIPPackagedFile]) throws {
        let created = PackageLayout.dateTime(request.created)
        let out = try SpliceableOutput(path: path)
        let w = XMLWriter(output: out)
        try w.declaration()
        try DIPMETSParts.openRoot(w, objid: PackageLayout.representation, label: nil, packagePath: PackageLayout.repMETS)
        try DIPMETSParts.openHeader(w, created: created, softwareVersion: request.softwareVersion)
        try w.close("metsHdr")
        try w.open("fileSec", [("ID", "filesec-rep1")])
        try w.open("fileGrp", [("ID", "fg-rep1-data"), ("USE", "Data")])
        for entry in files {
            try METSParts.file(w, id: entry.id, file: entry.file, href: RepresentationMETSWriter.relative(entry.file.path),
                               created: created, admid: nil)
        }
        try w.close("fileGrp")
        try w.close("fileSec")
        try METSParts.representationStructMap(w, metadataADMID: nil)
        try w.finish()
        try out.close()
    }
}
