import BevaraArchiveIO
import BevaraModel
import Foundation

/// Writes an E-ARK SIP (CSIP 2.1.0 + SIP 2.1.0 with CITS ERMS content, i.e. FGS 2.0) from a
/// stream of cases, as a folder or into a tar/zip archive.
///
/// Each content file is read exactly once: hashed, identified and copied in the same pass. Per-file
/// METS and PREMIS entries go to spool files and the ERMS is written as cases arrive, so memory
/// does not grow with the number of files; that metadata is written on the calling thread while
/// the content loop runs on another (`ContentMetadataSpool`). Layout and values: `PackageLayout`; order of work:
/// content files, erms.xml, representation PREMIS and METS, package PREMIS, documentation,
/// schemas, and the root METS last.
///
/// On error the partial output is left for the caller to delete (it writes into a staging path);
/// nothing is written outside the destination and the scratch folder.
public struct SIPWriter {
    public let context: PackageContext

    public init(context: PackageContext) {
        self.context = context
    }

    /// Writes `contents` to `destination`. `check` runs after each content file is packaged and
    /// may throw to abort; `progress` advances once per content file.
    public func write(_ contents: SIPContents, to destination: SIPDestination,
                      check: FileCheck = { _, _, _ in }, progress: ProgressLine? = nil) throws -> SIPSummary {
        let objid = contents.objid
        guard PackageLayout.isValidObjectID(objid) else { throw SIPError.invalidObjectID(objid) }
        guard !contents.documentation.isEmpty else { throw SIPError.noDocumentation }
        for doc in contents.documentation where !Self.isRegularFile(doc.sourcePath) {
            throw SIPError.documentationMissing(name: doc.name, path: doc.sourcePath)
        }

        let sink: PackageSink
        switch destination {
        case .directory(let path):
            sink = try DirectorySink(root: path)
        case .archive(let archive, let scratch):
            sink = try ArchiveSink(archive: archive, objid: objid, scratchDirectory: scratch)
        }
        // One timestamp for the package: CREATEDATE and every CREATED (when the package copy was
        // made), which also keeps the output byte-identical for the same input.
        let created = PackageLayout.dateTime(context.created)
        let software = PREMISAgent.software(name: context.softwareName, version: context.softwareVersion)
        let identifier = try FormatIdentifier()
        let repMETS = try RepresentationMETSWriter(spoolPath: try sink.spoolPath("rep-mets-files.xml"), created: created)
        let repPREMIS = try RepresentationPREMISWriter(spoolPath: try sink.spoolPath("rep-premis-objects.xml"),
                                                       created: created, software: software, objid: objid)
        let erms = try ERMSWriter(path: try sink.metadataPath(for: PackageLayout.erms), context: context, objid: objid)
        let metadata = ContentMetadataSpool(erms: erms, representationMETS: repMETS, representationPREMIS: repPREMIS)

        var folders = CaseFolderNames()
        var namer = ContentFileNamer()
        var caseCount = 0, recordCount = 0, fileCount = 0
        var contentBytes: Int64 = 0
        let prefetch = try ContentPrefetch(exportFileRoot: contents.exportFileRoot)
        defer { prefetch.stop() }

        // The content loop (cases from the catalog, files from the prefetch lanes into the sink,
        // `check`, progress) runs on a thread of its own; the metadata it produces is written on
        // this one, in the same order. Everything the loop uses is used by it alone until `run`
        // returns, which is after its thread has ended (so `check` does not outlive this call).
        try withoutActuallyEscaping(check) { check in try TwoThreadPipeline.run(threadName: "bevara.package-content", produce: { emit in
            func writeCase(_ item: Case, _ records: [BevaraModel.Record]) throws {
                caseCount += 1
                let folder = folders.name(for: item.diarienummer.verbatim)
                try emit(.openCase(item, records: records))
                var indexInCase = 0
                for record in records {
                    recordCount += 1
                    var appendices: [ERMSAppendix] = []
                    for reference in record.files {
                        indexInCase += 1
                        fileCount += 1
                        let packagePath = "\(PackageLayout.repDir)/data/\(folder)/"
                            + namer.name(index: indexInCase, originalName: reference.originalName)
                        let digest: FileDigest.Result
                        let id: FormatIdentifier.Identification
                        do {
                            if let prepared = try prefetch.next() {
                                try sink.addFile(at: packagePath, bytes: prepared.bytes)
                                digest = prepared.digest
                                id = prepared.identification
                            } else {
                                let source = try Self.resolve(reference, under: contents.exportFileRoot)
                                digest = try sink.addFile(at: packagePath, from: source)
                                id = identifier.identify(head: digest.head, name: reference.originalName)
                            }
                        } catch let error as IOError {
                            throw SIPError.fileUnreadable(path: reference.path, source: reference.source, reason: error.description)
                        }
                        let format = FileFormat(mime: id.mime, puid: id.puid, name: id.name, version: id.version)
                        try check(reference, record, FileFacts(size: digest.size, sha256: digest.sha256, format: format))
                        let packaged = PackagedFile(path: packagePath, size: digest.size, sha256: digest.sha256, mime: format.mime)
                        try emit(.file(index: fileCount, packaged, reference: reference, format: format))
                        appendices.append(ERMSAppendix(originalName: reference.originalName, packagePath: packagePath, format: format))
                        contentBytes += digest.size
                        progress?.advance(bytes: digest.size)
                        try Failpoint.hit("package.after-content-file")
                    }
                    try emit(.record(record, appendices: appendices))
                }
                try emit(.closeCase)
            }

            // Cases wait here until enough files behind them are queued for the prefetch lanes;
            // they are written strictly in the order they arrive.
            var buffered: [(item: Case, records: [BevaraModel.Record], files: Int)] = []
            var bufferedFiles = 0
            func writeFirstBuffered() throws {
                let first = buffered.removeFirst()
                bufferedFiles -= first.files
                try writeCase(first.item, first.records)
            }
            try contents.cases { item, records in
                let references = records.flatMap(\.files)
                prefetch.enqueue(references)
                buffered.append((item, records, references.count))
                bufferedFiles += references.count
                while bufferedFiles > ContentPrefetch.inFlightLimit || buffered.count > 256 { try writeFirstBuffered() }
            }
            while !buffered.isEmpty { try writeFirstBuffered() }
        }, consume: metadata.write) }
        guard caseCount > 0 else { throw SIPError.noCases }

        // Metadata, innermost first: each file's hash goes into the one that references it.
        try erms.finish()
        let ermsFile = try commit(sink, PackageLayout.erms)
        let premisSpools = try repPREMIS.finish(to: try sink.metadataPath(for: PackageLayout.repPREMIS), erms: ermsFile,
                                                splicing: sink.splicesMetadata)
        let repPREMISFile = try commit(sink, PackageLayout.repPREMIS, insertions: premisSpools)
        let metsSpools = try repMETS.finish(to: try sink.metadataPath(for: PackageLayout.repMETS), erms: ermsFile,
                                            premis: repPREMISFile, softwareName: context.softwareName,
                                            softwareVersion: context.softwareVersion, splicing: sink.splicesMetadata)
        let repMETSFile = try commit(sink, PackageLayout.repMETS, insertions: metsSpools)
        try PackagePREMISWriter.write(to: try sink.metadataPath(for: PackageLayout.packagePREMIS), context: context,
                                      objid: objid, software: software, cases: caseCount, records: recordCount, files: fileCount)
        let packagePREMISFile = try commit(sink, PackageLayout.packagePREMIS)

        try contents.beforeDocumentation()
        var docNames: Set<String> = []
        var documentation: [PackagedFile] = []
        for doc in contents.documentation {
            let base = SafePath.slug(doc.name)
            var name = base
            var n = 1
            while docNames.contains(name.lowercased()) { n += 1; name = "\(n)-" + base }
            docNames.insert(name.lowercased())
            let path = PackageLayout.documentationDir + "/" + name
            let digest = try sink.addFile(at: path, from: doc.sourcePath)
            let mime = doc.mime ?? identifier.identify(head: digest.head, name: doc.name).mime
            documentation.append(PackagedFile(path: path, size: digest.size, sha256: digest.sha256, mime: mime))
        }
        let schemas = try SchemaLibrary.required.map { schema in
            let path = PackageLayout.schemasDir + "/" + schema.fileName
            let digest = try sink.addFile(at: path, from: context.schemas.path(of: schema))
            return PackagedFile(path: path, size: digest.size, sha256: digest.sha256, mime: "application/xml")
        }

        try RootMETSWriter.write(to: try sink.metadataPath(for: PackageLayout.rootMETS), context: context, objid: objid,
                                 label: contents.label, premis: packagePREMISFile, documentation: documentation,
                                 schemas: schemas, representationMETS: repMETSFile)
        let root = try sink.commitMetadata(PackageLayout.rootMETS)
        try sink.finish()
        return SIPSummary(objid: objid, cases: caseCount, records: recordCount, files: fileCount,
                          contentBytes: contentBytes, rootMETSSHA256: root.sha256)
    }

    private func commit(_ sink: PackageSink, _ path: String, insertions: [SplicedDocument.Insertion] = []) throws -> PackagedFile {
        let digest = try sink.commitMetadata(path, insertions: insertions)
        return PackagedFile(path: path, size: digest.size, sha256: digest.sha256, mime: "application/xml")
    }

    /// The real path of a referenced file, refusing anything outside the export's file root.
    static func resolve(_ reference: FileReference, under root: String, realRoot: String? = nil) throws -> String {
        if SafePath.validateRelative(reference.path) != nil {
            throw SIPError.fileOutsideExport(path: reference.path, source: reference.source)
        }
        let resolved = realRoot.map { SafePath.resolve(reference.path, underRealRoot: $0) } ?? SafePath.resolve(reference.path, under: root)
        if let real = resolved { return real }
        // Not resolvable: either nothing is there, or a symlink leads outside the root.
        if SafePath.realPath((root as NSString).appendingPathComponent(reference.path)) == nil {
            throw SIPError.fileMissing(path: reference.path, source: reference.source)
        }
        throw SIPError.fileOutsideExport(path: reference.path, source: reference.source)
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }
}
