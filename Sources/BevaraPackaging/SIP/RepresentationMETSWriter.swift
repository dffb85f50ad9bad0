import BevaraXML

/// The representation METS (`representations/rep1/METS.xml`): its own header, an `amdSec` for the
/// representation PREMIS, one `fileGrp USE="Data"` with every content file and erms.xml, and a
/// CSIP structMap. Content entries are spooled while files are packaged and spliced in at the end.
final class RepresentationMETSWriter {
    private let spool: Spool
    private let created: String

    init(spoolPath: String, created: String) throws {
        spool = try Spool(path: spoolPath)
        self.created = created
    }

    /// Records one content file (package-relative path); written to the spool at once.
    func add(id: String, file: PackagedFile) throws {
        try METSParts.file(spool.writer, id: id, file: file, href: Self.relative(file.path), created: created,
                           admid: PackageLayout.repPREMISDigiprovID)
    }

    /// Writes the complete METS to `path`, given the finished erms.xml and representation PREMIS;
    /// with `splicing`, the spooled file entries are left in their spool (returned as the
    /// insertion to make).
    func finish(to path: String, erms: PackagedFile, premis: PackagedFile, softwareName: String, softwareVersion: String,
                splicing: Bool) throws -> [SplicedDocument.Insertion] {
        try spool.close()
        let out = try SpliceableOutput(path: path, splicing: splicing)
        let w = XMLWriter(output: out)
        try w.declaration()
        try METSParts.openRoot(w, objid: PackageLayout.representation, label: nil, packagePath: PackageLayout.repMETS)
        try w.open("metsHdr", [("CREATEDATE", created), ("LASTMODDATE", created), ("RECORDSTATUS", "NEW"), ("csip:OAISPACKAGETYPE", "SIP")])
        try METSParts.softwareAgent(w, name: softwareName, version: softwareVersion)
        try w.close("metsHdr")
        try METSParts.premisAmdSec(w, amdID: "amd-rep1", digiprovID: PackageLayout.repPREMISDigiprovID, file: premis,
                                   href: Self.relative(premis.path), created: created)
        try w.open("fileSec", [("ID", "filesec-rep1")])
        try w.open("fileGrp", [("ID", "fg-rep1-data"), ("USE", "Data")])
        // erms.xml first, then the content files from the spool.
        try METSParts.file(w, id: PackageLayout.ermsFileID, file: erms, href: Self.relative(erms.path), created: created,
                           admid: PackageLayout.repPREMISDigiprovID)
        try w.insertFragment(at: spool.path)
        try w.close("fileGrp")
        try w.close("fileSec")
        try METSParts.representationStructMap(w, metadataADMID: PackageLayout.repPREMISDigiprovID)
        try w.finish()
        try out.close()
        return out.insertions
    }

    /// Hrefs in the representation METS are relative to the representation folder.
    /// By UTF-8 offset: the folder's path is ASCII, and dropping characters walked graphemes
    /// (≈ 1,300 instructions a file).
    static func relative(_ packagePath: String) -> String {
        String(decoding: packagePath.utf8.dropFirst(PackageLayout.repDir.utf8.count + 1), as: UTF8.self)
    }
}
