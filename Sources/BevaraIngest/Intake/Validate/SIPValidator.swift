import Foundation

/// Validates a received package against the essentials of E-ARK CSIP 2.1 / SIP 2.1 and checks
/// its fixity, reporting every problem at once, each naming the package, the file and the rule.
///
/// What is checked (ids from standards.md):
/// - structure: one top folder (CSIPSTR1), `METS.xml` at the root (`METS-MISSING`), folder name
///   = OBJID (CSIPSTR2, warning);
/// - the root METS: well-formed, no DTD (`XML-MALFORMED`, `XML-ENTITY`); OBJID (CSIP1), TYPE
///   (CSIP2/3), content information type (CSIP4/5), PROFILE (CSIP6, SIP2), metsHdr (CSIP117)
///   with CREATEDATE (CSIP7) and OAISPACKAGETYPE = SIP (CSIP9, SIP4), the software agent
///   (CSIP10–16), fileSec/fileGrp/file/FLocat/mdRef attributes (CSIP18–79, 113, 114), the CSIP
///   structMap (CSIP80–84);
/// - each representation METS (referenced by a file or an `mptr`, or present under
///   `representations/*/`): the same, less the package-level header and agent rules;
/// - fixity: every file and `mdRef` any METS references exists as a regular file inside the
///   package and matches its SIZE and CHECKSUM (`FILE-MISSING`, `FIXITY-SIZE`,
///   `FIXITY-CHECKSUM`), each file read once; files no METS references are warnings
///   (`FILE-UNREFERENCED`).
public struct SIPValidator: Sendable {
    public var limits: IntakeLimits
    /// Findings listed per rule; the rest are counted (`SIPValidation.counts`).
    public var maxFindingsPerRule: Int
    /// Rule id → severity, to relax or tighten a rule (e.g. `["CSIP60": .error]`).
    public var severityOverrides: [String: SIPFinding.Severity]
    /// When true, files whose only declared checksum is SHA-256 are not hashed here (size and
    /// existence still are): the caller verifies the SHA-256 while it copies them (ingest does,
    /// in `OCFLVersionBuilder.addFile(expectedSHA256:)`), so each file is read once.
    public var sha256CheckedByCaller = false
    /// Set (ingest): the fixity references of every METS are kept in scratch files in this folder
    /// (`aip-…` names, which `sweepStaging` removes if left over) instead of in memory, and the
    /// description has no file lists (`files` and each representation's `files` stay empty), so
    /// memory does not grow with the number of files. Findings are the same either way. A scratch
    /// file that cannot be written or read back is thrown (`IOError`, naming it).
    var scratchDirectory: String?

    public init(limits: IntakeLimits = .init(), maxFindingsPerRule: Int = 1000,
                severityOverrides: [String: SIPFinding.Severity] = [:]) {
        self.limits = limits
        self.maxFindingsPerRule = maxFindingsPerRule
        self.severityOverrides = severityOverrides
    }

    /// Validates `package`. `progress` is called with the number of bytes just verified, as the
    /// fixity pass reads them. Throws only when the package root cannot be read at all.
    public func validate(_ package: ReceivedPackage, progress: ((Int64) -> Void)? = nil) throws -> SIPValidation {
        try validate(package, declaredChecksumsPath: nil, progress: progress).validation
    }

    /// Validates `package`; when it is valid and `declaredChecksumsPath` is given, also writes the
    /// SHA-256 its METS documents declare for their files there (`DeclaredChecksums`).
    func validate(_ package: ReceivedPackage, declaredChecksumsPath: String?, progress: ((Int64) -> Void)? = nil) throws
        -> (validation: SIPValidation, declared: DeclaredChecksums?) {
        let log = FindingLog(package: package.name, limitPerRule: maxFindingsPerRule, overrides: severityOverrides)
        let fixity = FixityReferences(scratchDirectory: scratchDirectory)
        defer { fixity.remove() }
        let description = try run(package, log: log, fixity: fixity, progress: progress)
        var declared: DeclaredChecksums?
        if let declaredChecksumsPath, description != nil, log.errorCount == 0 {
            declared = try DeclaredChecksums(references: fixity, path: declaredChecksumsPath)
        }
        return (SIPValidation(description: description, findings: log.findings, counts: log.counts, errorCount: log.errorCount),
                declared)
    }

    private func run(_ package: ReceivedPackage, log: FindingLog, fixity: FixityReferences,
                     progress: ((Int64) -> Void)?) throws -> SIPDescription? {
        if case .noSingleFolder(let names) = package.layout {
            let listed = names.isEmpty ? "nothing" : names.prefix(10).joined(separator: ", ") + (names.count > 10 ? ", …" : "")
            log.error("CSIPSTR1", path: "", "the package should unpack to one folder holding METS.xml; its top level holds \(listed) (CSIPSTR1)")
        }
        var st = stat()
        guard lstat(package.root + "/METS.xml", &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            log.error(SIPRule.metsMissing, path: "METS.xml", "the package root has no METS.xml (exact name, capitals); it is what identifies and describes the package (CSIPSTR4)")
            return nil
        }
        let rootRead = try read("METS.xml", base: "", isRoot: true, package: package, log: log, fixity: fixity)
        guard let rootDocument = rootRead.document else { return nil }

        HeaderRules(document: rootDocument, log: log, isRoot: true, folderName: folderName(package)).check()
        let rootMetadataRefs = try finish(rootRead, document: rootDocument, base: "", isRoot: true, package: package,
                                          log: log, fixity: fixity)
        let rootFiles = rootRead.streamed.files

        // Referenced besides the files and mdRefs (`fixity`): the METS documents themselves.
        var referencedMETS: Set<String> = ["METS.xml"]
        var representations: [SIPDescription.Representation] = []
        let discovery = RepresentationDiscovery(
            document: rootDocument, listedMETS: rootRead.streamed.listedMETS,
            listedAmong: { wanted in
                // Only the root METS is committed yet: its files are the root fileSec's.
                var found = Set<String>()
                guard !wanted.isEmpty else { return found }
                try fixity.forEach { reference, isFile in
                    if isFile && wanted.contains(reference.path) { found.insert(reference.path) }
                }
                return found
            },
            root: package.root, log: log)
        for candidate in try discovery.run() {
            var representation = SIPDescription.Representation(
                name: candidate.name, metsPath: nil,
                files: rootFiles.filter { Self.belongs($0, to: candidate.name) && $0.path != candidate.metsPath },
                metadataRefs: [], contentInformationType: candidate.groupContentInformationType)
            if let metsPath = candidate.metsPath {
                if candidate.referencedByRoot { referencedMETS.insert(metsPath) }
                let base = "representations/\(candidate.name)"
                let representationRead = try read(metsPath, base: base, isRoot: false, package: package, log: log, fixity: fixity)
                if let document = representationRead.document {
                    representation.metsPath = metsPath
                    HeaderRules(document: document, log: log, isRoot: false, folderName: candidate.name).check()
                    representation.metadataRefs = try finish(representationRead, document: document, base: base, isRoot: false,
                                                             package: package, log: log, fixity: fixity)
                    representation.files += representationRead.streamed.files
                    representation.contentInformationType = document.contentInformationType ?? representation.contentInformationType
                }
            }
            representations.append(representation)
        }

        let referenceCounts = try FixityCheck(root: package.root, log: log, progress: progress,
                                              sha256CheckedByCaller: sha256CheckedByCaller).run(fixity)
        try reportUnreferenced(root: package.root, log: log) { path in
            referenceCounts[path.hashValue] != nil || referencedMETS.contains(path)
        }

        return SIPDescription(
            objid: rootDocument.objid ?? "", label: rootDocument.label, type: rootDocument.type ?? "",
            otherType: rootDocument.otherType, contentInformationType: rootDocument.contentInformationType,
            otherContentInformationType: rootDocument.otherContentInformationType, profile: rootDocument.profile,
            oaisPackageType: rootDocument.oaisPackageType, recordStatus: rootDocument.recordStatus,
            createDate: rootDocument.createDate, lastModDate: rootDocument.lastModDate,
            altRecordIDs: rootDocument.altRecordIDs.map { .init(type: $0.type, value: $0.value) },
            agents: rootDocument.agents.map {
                .init(role: $0.role, otherRole: $0.otherRole, type: $0.type, otherType: $0.otherType, name: $0.names.first,
                      notes: $0.notes.map { .init(type: $0.type, value: $0.text) })
            },
            files: rootFiles, metadataRefs: rootMetadataRefs, representations: representations)
    }

    /// One METS read with its files streamed (`StreamedFiles`); `document` nil when unusable.
    private struct Read {
        var document: METSDocument?
        var streamed: StreamedFiles
    }

    /// Reads the METS at `path`, checking and collecting its files as they are read; an unusable
    /// document is reported and its references dropped.
    private func read(_ path: String, base: String, isRoot: Bool, package: ReceivedPackage, log: FindingLog,
                      fixity: FixityReferences) throws -> Read {
        let streamed = StreamedFiles(metsPath: path, base: base, root: package.root, isRoot: isRoot,
                                     keepFiles: scratchDirectory == nil, limitPerRule: maxFindingsPerRule, fixity: fixity)
        let document = METSReader.read(absolutePath: package.root + "/" + path, relativePath: path, onFile: streamed.take)
        if let failure = streamed.failure {
            fixity.discard()
            throw failure
        }
        guard usable(document, log: log) else {
            fixity.discard()
            return Read(document: nil, streamed: streamed)
        }
        return Read(document: document, streamed: streamed)
    }

    /// The rules on a usable document's file section and structMap, its held findings in the
    /// order a whole-document check gives them, and its mdRefs; commits its references.
    private func finish(_ read: Read, document: METSDocument, base: String, isRoot: Bool, package: ReceivedPackage,
                        log: FindingLog, fixity: FixityReferences) throws -> [SIPDescription.MetadataRef] {
        FileSectionRules(document: document, log: log, isRoot: isRoot).check {
            read.streamed.fileFindings.replay(into: log)
        }
        StructMapRules(document: document, log: log).check()
        // Unsafe hrefs come where collecting the references reported them: files, then mdRefs.
        read.streamed.pathFindings.replay(into: log)
        var metadataRefs: [SIPDescription.MetadataRef] = []
        try ReferenceCollector(document: document, base: base, root: package.root, log: log).collectMetadata { entry, reference in
            metadataRefs.append(entry)
            try fixity.append(reference, isFile: false)
        }
        try fixity.commit()
        return metadataRefs
    }

    /// True for a root fileSec entry of representation `name`: in its `Representations/<name>`
    /// group (or a sub-folder group) or stored under `representations/<name>/`.
    static func belongs(_ file: SIPDescription.PackageFile, to name: String) -> Bool {
        let group = "Representations/\(name)"
        return file.group == group || file.group?.hasPrefix(group + "/") == true || file.path.hasPrefix("representations/\(name)/")
    }

    /// Reports a METS that could not be read or is not METS; true when it can be used.
    private func usable(_ document: METSDocument, log: FindingLog) -> Bool {
        if let problem = document.problem {
            log.error(problem.rule, path: document.path, line: problem.line, problem.message)
            return false
        }
        guard document.rootElement == "mets", document.rootNamespace == METSNamespace.mets else {
            let found = "\(document.rootElement ?? "?") in namespace '\(document.rootNamespace ?? "")'"
            log.error(SIPRule.xmlMalformed, path: document.path, line: document.rootLine,
                      "the root element is \(found), not mets in \(METSNamespace.mets); this is not a METS document")
            return false
        }
        return true
    }

    /// The folder whose name CSIPSTR2 compares with OBJID, when the package has one.
    private func folderName(_ package: ReceivedPackage) -> String? {
        switch package.layout {
        case .singleFolder(let name): return name
        case .metsAtTop: return package.extracted ? nil : (package.root as NSString).lastPathComponent
        case .noSingleFolder: return nil
        }
    }

    /// Files in the package that no METS references (warnings), and links or devices that
    /// appeared after intake (errors).
    private func reportUnreferenced(root: String, log: FindingLog, isReferenced: (String) -> Bool) throws {
        do {
            try TreeWalk.walk(root) { entry in
                switch entry.kind {
                case .file where !isReferenced(entry.path):
                    log.warning(SIPRule.fileUnreferenced, path: entry.path, "no METS references this file; it would be archived without a checksum or description")
                case .symlink:
                    log.error(SIPRule.symlink, path: entry.path, "symbolic link inside the package")
                case .special:
                    log.error(SIPRule.specialFile, path: entry.path, "device, FIFO or socket inside the package")
                default:
                    break
                }
                return .continue
            }
        } catch {
            throw IntakeError.unreadable(path: root, reason: "cannot list the package: \(error)")
        }
    }
}
