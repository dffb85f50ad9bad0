/// Takes the `fileSec` files of one METS as `METSReader` streams them: checks each with the
/// file rules (findings held in `fileFindings`), resolves its hrefs (unsafe ones held in
/// `pathFindings`) and adds its fixity references, so no list of the document's files is built.
/// The validator reports the held findings where it would have checked the files, and commits
/// or drops the references once it knows whether the document is usable.
final class StreamedFiles {
    let fileFindings: DeferredFindings
    let pathFindings: DeferredFindings
    /// The description's entries, only when `keepFiles` (a validation outside ingest).
    private(set) var files: [SIPDescription.PackageFile] = []
    /// Paths that name a representation METS (`representations/<name>/METS.xml`).
    private(set) var listedMETS: Set<String> = []
    /// A scratch file that could not be written; the validation throws it.
    private(set) var failure: Error?

    private let keepFiles: Bool
    private let rules: FileSectionRules
    private let collector: ReferenceCollector
    private let fixity: FixityReferences

    init(metsPath: String, base: String, root: String, isRoot: Bool, keepFiles: Bool, limitPerRule: Int,
         fixity: FixityReferences) {
        fileFindings = DeferredFindings(limitPerRule: limitPerRule)
        pathFindings = DeferredFindings(limitPerRule: limitPerRule)
        self.keepFiles = keepFiles
        self.fixity = fixity
        let document = METSDocument(path: metsPath)
        rules = FileSectionRules(document: document, log: fileFindings, isRoot: isRoot)
        collector = ReferenceCollector(document: document, base: base, root: root, log: pathFindings)
    }

    func take(_ file: METSDocument.File) {
        guard failure == nil else { return }
        rules.checkFile(file)
        do {
            try collector.collect(file) { entry, reference in
                if keepFiles { files.append(entry) }
                if RepresentationDiscovery.representationName(ofMETS: entry.path) != nil { listedMETS.insert(entry.path) }
                try fixity.append(reference, isFile: true)
            }
        } catch {
            failure = error
        }
    }
}
