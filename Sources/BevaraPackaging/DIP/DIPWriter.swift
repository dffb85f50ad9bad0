import BevaraArchiveIO
import BevaraModel
import Foundation

/// Writes an E-ARK DIP (CSIP 2.1.0 + DIP) answering a request for public records: the released
/// copies in `representations/rep1/data/`, the cover list (HTML and CSV) in `documentation/`, a
/// PREMIS `dissemination` event and the schemas, as a folder or a `.zip`.
///
/// Layout and order of work mirror `SIPWriter`: content first (each file read once: copied,
/// hashed and compared with the hash taken when it was verified), then the cover list, PREMIS,
/// the representation METS and the root METS last, each file's checksum going into the METS that
/// references it.
public enum DIPWriter {
    static let softwareName = "Bevara"

    /// Writes to `out` (a folder, or a `.zip` when `out` ends so) via a staged temporary name and a
    /// rename. Every file is copied with its SHA-256 recomputed and compared to `DIPFile.sha256`
    /// (and its size to `DIPFile.size`); a mismatch throws `DIPError.checksumMismatch` naming the
    /// file, and nothing is left at `out`. `out` must not exist.
    ///
    /// - Parameters:
    ///   - files: the released copies; each must be listed by exactly one non-withheld cover-list row.
    ///   - cover: every record considered, in the order the requester should see them.
    ///   - objid: `mets/@OBJID` (and the zip's top folder); a new `uuid-…` when nil. Tests pass one.
    ///   - schemas: where the XSDs shipped in `schemas/` come from; `SchemaLibrary.locate()` when nil.
    public static func write(request: DisclosureRequest, files: [DIPFile], cover: [CoverListRow], to out: String,
                             objid: String? = nil, schemas: SchemaLibrary? = nil) throws -> DIPSummary {
        let objid = objid ?? "uuid-" + UUID().uuidString.lowercased()
        try DIPInputCheck.check(objid: objid, files: files, cover: cover)
        guard let library = schemas ?? SchemaLibrary.locate() else { throw DIPError.schemasNotFound }
        // libarchive converts entry names through the locale: å ä ö in names need UTF-8.
        ProcessSetup.useUTF8Locale()

        let stage = try StagedOutput(finalPath: out)
        let isZip = stage.finalPath.lowercased().hasSuffix(".zip")
        let scratch = stage.stagingPath + ".scratch"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        do {
            let bytes: Int64
            let rootMETS: PackagedFile
            if isZip {
                try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: false)
                let archive = try ArchiveWriter(path: stage.stagingPath, format: .zip, modificationTime: request.created)
                let sink = try ArchiveSink(archive: archive, objid: objid, scratchDirectory: scratch)
                (bytes, rootMETS) = try writePackage(sink: sink, request: request, files: files, cover: cover, objid: objid, schemas: library)
                try archive.close()
            } else {
                let sink = try DirectorySink(root: stage.stagingPath)
                (bytes, rootMETS) = try writePackage(sink: sink, request: request, files: files, cover: cover, objid: objid, schemas: library)
            }
            let sha256 = isZip ? try FileDigest.sha256(path: stage.stagingPath) : rootMETS.sha256
            try stage.commit()
            let count = { (o: CoverListRow.Outcome) in cover.filter { $0.outcome == o }.count }
            return DIPSummary(objid: objid, files: files.count, bytes: bytes, path: stage.finalPath,
                              released: count(.released), masked: count(.masked), withheld: count(.withheld), sha256: sha256)
        } catch {
            stage.discard()
            throw error
        }
    }

    /// Writes the whole package into `sink`; returns the content bytes and the root METS.
    private static func writePackage(sink: PackageSink, request: DisclosureRequest, files: [DIPFile], cover: [CoverListRow],
                                     objid: String, schemas: SchemaLibrary) throws -> (Int64, PackagedFile) {
        let identifier = try FormatIdentifier()
        var content: [DIPPackagedFile] = []
        var bytes: Int64 = 0
        for (index, file) in files.enumerated() {
            let path = DIPLayout.contentPath(file.packagePath)
            let digest: FileDigest.Result
            do {
                digest = try sink.addFile(at: path, from: file.sourcePath)
            } catch let error as IOError {
                throw DIPError.sourceUnreadable(packagePath: file.packagePath, source: file.sourcePath, reason: error.description)
            }
            guard digest.sha256 == file.sha256.lowercased(), digest.size == file.size else {
                throw DIPError.checksumMismatch(packagePath: file.packagePath, source: file.sourcePath,
                                                expectedSHA256: file.sha256, actualSHA256: digest.sha256,
                                                expectedSize: file.size, actualSize: digest.size)
            }
            content.append(DIPPackagedFile(id: DIPLayout.contentFileID(index + 1),
                                           file: PackagedFile(path: path, size: digest.size, sha256: digest.sha256, mime: file.mime),
                                           format: format(of: digest, mime: file.mime, name: file.packagePath, identifier: identifier),
                                           recordID: file.recordID))
            bytes += digest.size
        }

        try CoverListHTML.write(to: try sink.metadataPath(for: DIPLayout.coverListHTML), request: request, rows: cover)
        let html = try commit(sink, DIPLayout.coverListHTML, mime: "text/html")
        try CoverListCSV.write(to: try sink.metadataPath(for: DIPLayout.coverListCSV), rows: cover)
        let csv = try commit(sink, DIPLayout.coverListCSV, mime: "text/csv")
        let documentation = [
            DIPPackagedFile(id: DIPLayout.documentationFileID(1), file: html,
                            format: FileFormat(mime: "text/html", puid: "fmt/471", name: "Hypertext Markup Language", version: "5"),
                            recordID: nil),
            DIPPackagedFile(id: DIPLayout.documentationFileID(2), file: csv,
                            format: FileFormat(mime: "text/csv", puid: "x-fmt/18", name: "Comma Separated Values"), recordID: nil),
        ]

        try DIPPREMISWriter.write(to: try sink.metadataPath(for: PackageLayout.packagePREMIS), request: request, objid: objid,
                                  files: content + documentation, rows: cover)
        let premis = try commit(sink, PackageLayout.packagePREMIS, mime: "application/xml")
        try DIPRepresentationMETSWriter.write(to: try sink.metadataPath(for: PackageLayout.repMETS), request: request, files: content)
        let repMETS = try commit(sink, PackageLayout.repMETS, mime: "application/xml")
        let shippedSchemas = try DIPLayout.schemas.map { schema in
            let path = PackageLayout.schemasDir + "/" + schema.fileName
            let digest = try sink.addFile(at: path, from: schemas.path(of: schema))
            return PackagedFile(path: path, size: digest.size, sha256: digest.sha256, mime: "application/xml")
        }
        try DIPRootMETSWriter.write(to: try sink.metadataPath(for: PackageLayout.rootMETS), request: request, objid: objid,
                                    premis: premis, documentation: documentation.map(\.file), schemas: shippedSchemas,
                                    representationMETS: repMETS)
        let root = try commit(sink, PackageLayout.rootMETS, mime: "application/xml")
        try sink.finish()
        return (bytes, root)
    }

    private static func commit(_ sink: PackageSink, _ path: String, mime: String) throws -> PackagedFile {
        let digest = try sink.commitMetadata(path)
        return PackagedFile(path: path, size: digest.size, sha256: digest.sha256, mime: mime)
    }

    /// PRONOM details from the file's head when they agree with the caller's MIME type, which
    /// stays authoritative (it is what the registrar verified).
    private static func format(of digest: FileDigest.Result, mime: String, name: String, identifier: FormatIdentifier) -> FileFormat {
        let found = identifier.identify(head: digest.head, name: name)
        guard found.mime == mime else { return FileFormat(mime: mime) }
        return FileFormat(mime: mime, puid: found.puid, name: found.name, version: found.version)
    }
}
