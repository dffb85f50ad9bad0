import BevaraArchiveIO
import BevaraModel
import BevaraProfiles
import Foundation

/// Preflight of an export against its profile and submission agreement: reads the export into a
/// catalog and reports every problem at once, each with file, line or element, and rule.
///
/// `bevara check` runs it with `readContent: true` (formats identified, every checksum verified).
/// `bevara package` runs it with `readContent: false` and applies the content rules during its
/// single read of each file (`FileContentRules`), so no file is read twice.
public struct Preflight {
    public let profile: Profile
    public let agreement: SubmissionAgreement?
    public let organisation: Organisation?

    public init(profile: Profile, agreement: SubmissionAgreement?, organisation: Organisation?) {
        self.profile = profile
        self.agreement = agreement
        self.organisation = organisation
    }

    /// Runs the preflight. Throws only when the export cannot be read at all.
    public func run(exportRoot: String, catalog: ExportCatalog, readContent: Bool,
                    progress: Bool = false) throws -> PreflightReport {
        let pending = try run(exportRoot: exportRoot, catalog: catalog, readContent: readContent, progress: progress,
                              caseRulesNow: true)
        return pending.report()
    }

    /// Runs the preflight for `bevara package`. While the case-content rules can only warn
    /// (`canDeferCaseRules`) they are left to the caller, which runs them on the cases it streams
    /// (`PendingPreflight.check`); otherwise they run here and `caseRulesDone` is already true.
    public func runForPackaging(exportRoot: String, catalog: ExportCatalog) throws -> PendingPreflight {
        try run(exportRoot: exportRoot, catalog: catalog, readContent: false, progress: false,
                caseRulesNow: !Self.canDeferCaseRules(agreement))
    }

    /// True when the case-content rules can only warn under `agreement` (no `ruleSeverity` makes
    /// one an error), so running them later cannot change whether the preflight passes.
    public static func canDeferCaseRules(_ agreement: SubmissionAgreement?) -> Bool {
        let overrides = agreement?.ruleSeverity ?? [:]
        return !CaseContentRules.rules.contains { overrides[$0] == .error }
    }

    private func run(exportRoot: String, catalog: ExportCatalog, readContent: Bool, progress: Bool,
                     caseRulesNow: Bool) throws -> PendingPreflight {
        let layout = ExportLayout(exportRoot: exportRoot, profile: profile)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: layout.root, isDirectory: &isDir), isDir.boolValue else {
            throw IOError(path: exportRoot, operation: "read export", reason: "not a directory")
        }
        let findings = FindingCollector()
        findings.severityOverrides = agreement?.ruleSeverity ?? [:]
        checkAgreement(findings)

        // The manifest loads into a store of its own on a second thread while the reader loads
        // the case tables here; its findings follow the reader's, as when it was read after.
        let manifestFindings = FindingCollector(limitPerRule: findings.limitPerRule)
        manifestFindings.severityOverrides = findings.severityOverrides
        let manifestStore = try catalog.manifestStore()
        try SideThread.run(threadName: "bevara.manifest-reader", side: {
            try ManifestReader.read(layout, into: manifestStore, findings: manifestFindings)
        }, while: {
            try makeReader(for: profile).read(exportRoot: layout.root, into: catalog, findings: findings)
        })
        findings.absorb(manifestFindings)
        try CatalogRules.run(catalog, findings: findings)
        // Case findings come here in the report; `PendingPreflight` collects them apart.
        let caseRulesPosition = findings.findings.count

        let identifier = readContent ? try FormatIdentifier() : nil
        let contentRules = FileContentRules(agreement: agreement)
        let totalRefs = try catalog.counts().fileReferences
        let bar = ProgressLine(label: "check", totalFiles: totalRefs, totalBytes: 0, enabled: progress && readContent && isatty(STDERR_FILENO) == 1)
        let folders = layout.realFileRoot.map { RealDirectoryCache(fileRoot: layout.fileRoot, realRoot: $0) }
        // The tree walk runs first: when it reached every referenced path, no reference needs a
        // `lstat` or real-path check of its own (two system calls a file). Its findings still
        // come after the references' in the report.
        let walkFindings = FindingCollector(limitPerRule: findings.limitPerRule)
        walkFindings.severityOverrides = findings.severityOverrides
        let walk = try ExportTreeWalk.run(layout, catalog: catalog, findings: walkFindings)
        // Per-reference manifest lookups only when some reference is unlisted, or to compare digests.
        let lookUpManifest = try layout.manifest != nil && (readContent || catalog.unlistedReferenceCount() > 0)
        var manifest = FolderLookup.manifest(in: catalog)
        try catalog.forEachFileReference { ref, _ in
            guard let real = FileReferenceRules.check(ref, layout: layout, folders: folders, found: walk.everyReferenceFound,
                                                      findings: findings) else { return }
            let shown = layout.exportRelative(ref.path)
            let listed = lookUpManifest ? try manifest.answer(ref.path) : nil
            if lookUpManifest, let manifest = layout.manifest, listed == nil {
                findings.warning("manifest.unlisted", ref.source, "'\(shown)' is not in the manifest \(manifest)")
            }
            guard let identifier else { return }
            do {
                let result = try FileDigest.stream(path: real)
                let format = FileFormat(identifier.identify(head: result.head, name: ref.originalName))
                let facts = FileFacts(size: result.size, sha256: result.sha256, format: format)
                for f in contentRules.evaluate(ref, exportPath: shown, facts: facts, manifest: listed, manifestName: layout.manifest) {
                    findings.add(f)
                }
                bar.advance(bytes: result.size)
            } catch let error as IOError {
                findings.error("file.unreadable", ref.source, "'\(shown)': \(error.reason)")
            }
        }
        bar.finish()
        findings.absorb(walkFindings)

        let c = try catalog.counts()
        let summary = PreflightReport.Summary(
            export: layout.root, profile: profile.id, agreement: agreement?.id, organisation: organisation?.id,
            contentVerified: readContent,
            totals: .init(cases: c.cases, records: c.records, parties: c.parties, fileReferences: c.fileReferences,
                          filesOnDisk: walk.files, bytesOnDisk: walk.bytes))
        let measured = walk.everyReferenceFound && walk.referencedFiles == c.fileReferences
            ? SplitPlan.Measured(cases: c.cases, files: walk.referencedFiles, bytes: walk.referencedBytes) : nil
        let pending = PendingPreflight(summary: summary, collector: findings, position: caseRulesPosition,
                                       referencedContent: measured)
        if caseRulesNow { try pending.runCaseRules(catalog) }
        return pending
    }

    private func checkAgreement(_ findings: FindingCollector) {
        guard let agreement else { return }
        let here = SourceLocation(file: "profiles/agreements/\(agreement.id).yaml")
        if agreement.profileID != profile.id {
            findings.error("agreement.profile-mismatch", here,
                           "agreement \(agreement.id) is for profile '\(agreement.profileID)', not '\(profile.id)'")
        }
        if let organisation, !organisation.organisationNumberConfirmed {
            findings.warning("agreement.organisation-number", SourceLocation(file: "profiles/agreements/parties.yaml"),
                             "the organisation number of \(organisation.name) is a placeholder to confirm; packages identify the party as \(organisation.identificationCode)")
        }
    }
}
