import BevaraArchiveIO
import BevaraModel
import BevaraProfiles
import Foundation

/// What to package and how.
public struct PackageRequest: Sendable {
    public enum Format: String, Codable, Sendable { case directory, tar, zip }

    public var exportRoot: String
    public var configuration: DeliveryConfiguration
    /// The package path to create: a folder, or a file ending `.tar` / `.zip`.
    public var output: String
    /// Split into several SIPs so that none holds more content bytes than this.
    public var maxBytes: Int64?
    /// Split into several SIPs of at most this many cases.
    public var maxCases: Int?
    public var schemas: SchemaLibrary
    public var softwareVersion: String
    /// Fixed package id (`uuid-…`); a fresh one when nil. With a split, parts get fresh ids.
    public var packageID: String?
    public var created: Date
    public var showProgress: Bool

    public init(exportRoot: String, configuration: DeliveryConfiguration, output: String, maxBytes: Int64? = nil,
                maxCases: Int? = nil, schemas: SchemaLibrary, softwareVersion: String, packageID: String? = nil,
                created: Date = Date(), showProgress: Bool = false) {
        self.exportRoot = exportRoot
        self.configuration = configuration
        self.output = output
        self.maxBytes = maxBytes
        self.maxCases = maxCases
        self.schemas = schemas
        self.softwareVersion = softwareVersion
        self.packageID = packageID
        self.created = created
        self.showProgress = showProgress
    }

    public var format: Format {
        let lower = output.lowercased()
        if lower.hasSuffix(".tar") { return .tar }
        if lower.hasSuffix(".zip") { return .zip }
        return .directory
    }
}

/// One SIP written.
public struct PackagedPart: Codable, Sendable {
    public var objid: String
    public var path: String
    public var cases: Int
    public var records: Int
    public var files: Int
    public var contentBytes: Int64
    /// SHA-256 of the `.tar`/`.zip` file, or of the root METS.xml for a folder.
    public var sha256: String
}

/// The outcome of `bevara package`.
public struct PackageResult: Codable, Sendable {
    public var format: PackageRequest.Format
    public var parts: [PackagedPart]
    /// The manifest listing the parts of a split delivery, if split.
    public var manifest: String?
    public var preflight: PreflightReport
    public var seconds: Double
}

/// Why a package was not written.
public enum PackagingError: Error, CustomStringConvertible {
    /// The preflight found errors; nothing was written.
    case preflightFailed(PreflightReport)
    /// A file broke a content rule while it was being packaged; the partial output was removed.
    case contentRuleBroken([Finding])

    public var description: String {
        switch self {
        case .preflightFailed(let report):
            return "preflight found \(report.errors) error(s); nothing was written:\n" + report.findings.filter { $0.severity == .error }.prefix(20).map(\.description).joined(separator: "\n")
        case .contentRuleBroken(let findings):
            return "packaging stopped; nothing was written:\n" + findings.map(\.description).joined(separator: "\n")
        }
    }
}

/// Writes E-ARK SIPs from an export: preflight first (refuses on errors), then one read of every
/// file (hash, identify, copy), under temporary names renamed into place only when complete.
public struct Packager {
    public init() {}

    public func run(_ request: PackageRequest) throws -> PackageResult {
        let start = Date()
        let config = request.configuration
        guard let agreement = config.agreement, let organisation = config.organisation else {
            throw ProfileError.invalid(path: request.exportRoot, reason: "packaging needs a submission agreement (--agreement)")
        }
        let catalog = try ExportCatalog()
        // The case-content rules run on the cases as they are packaged (each record decoded
        // once) when they can only warn; otherwise, and for a refused export or a split
        // delivery (every part carries the whole report), they run here first.
        let pending = try Preflight(profile: config.profile, agreement: agreement, organisation: organisation)
            .runForPackaging(exportRoot: request.exportRoot, catalog: catalog)
        guard pending.report().passed else {
            try pending.runCaseRules(catalog)
            throw PackagingError.preflightFailed(pending.report())
        }

        let layout = ExportLayout(exportRoot: request.exportRoot, profile: config.profile)
        let plan = try SplitPlan.make(catalog: catalog, layout: layout,
                                      maxBytes: request.maxBytes ?? agreement.maxPackageBytes, maxCases: request.maxCases,
                                      measured: pending.referencedContent)
        if plan.parts.count > 1 { try pending.runCaseRules(catalog) }
        let checkCases = !pending.caseRulesDone
        let outputs = PartNaming(output: request.output, parts: plan.parts.count)
        let staged = try outputs.paths.map { try StagedOutput(finalPath: $0) }
        let manifestStage = try outputs.manifest.map { try StagedOutput(finalPath: $0) }
        var parts: [PackagedPart] = []
        let context = PackageContext(organisation: organisation, agreement: agreement, archiveName: config.archiveName,
                                     profileName: config.profile.name, softwareVersion: request.softwareVersion,
                                     created: request.created, schemas: request.schemas)
        let reportFiles = try PreflightDocumentation(report: pending.report())
        let rules = FileContentRules(agreement: agreement)
        let progress = request.showProgress
            ? ProgressLine(label: "package", totalFiles: plan.totalFiles, totalBytes: plan.totalBytes) : nil
        do {
            for (index, part) in plan.parts.enumerated() {
                let objid = (plan.parts.count == 1 ? request.packageID : nil) ?? "uuid-" + UUID().uuidString.lowercased()
                let label = config.archiveName + ": " + agreement.archivalCreator.name
                    + (plan.parts.count > 1 ? " (part \(index + 1) of \(plan.parts.count))" : "")
                var contents = SIPContents(
                    objid: objid, label: label, exportFileRoot: layout.fileRoot,
                    documentation: reportFiles.files,
                    cases: { body in
                        try catalog.forEachCase(offset: part.caseOffset, limit: part.caseCount) { item, records in
                            if checkCases { pending.check(item, records: records) }
                            try body(item, records)
                        }
                    })
                if checkCases {
                    // One part holding every case: the report is complete once they are streamed.
                    contents.beforeDocumentation = {
                        pending.finishCaseRules()
                        try reportFiles.write(pending.report())
                    }
                }
                var manifest = FolderLookup.manifest(in: catalog)
                let check: FileCheck = { ref, _, facts in
                    let listed = layout.manifest == nil ? nil : try manifest.answer(ref.path)
                    let broken = rules.evaluate(ref, exportPath: layout.exportRelative(ref.path), facts: facts,
                                                manifest: listed, manifestName: layout.manifest)
                        .filter { $0.severity == .error }
                    if !broken.isEmpty { throw PackagingError.contentRuleBroken(broken) }
                }
                let stage = staged[index]
                let summary: SIPSummary
                let sha: String
                switch request.format {
                case .directory:
                    summary = try SIPWriter(context: context).write(contents, to: .directory(stage.stagingPath), check: check, progress: progress)
                    sha = summary.rootMETSSHA256
                case .tar, .zip:
                    let scratch = stage.stagingPath + ".scratch"
                    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: false)
                    defer { try? FileManager.default.removeItem(atPath: scratch) }
                    let writer = try ArchiveWriter(path: stage.stagingPath, format: request.format == .tar ? .tar : .zip,
                                                   modificationTime: request.created)
                    summary = try SIPWriter(context: context).write(contents, to: .archive(writer, scratchDirectory: scratch),
                                                                     check: check, progress: progress)
                    // Hashed as written: the finished archive is not read again.
                    sha = try writer.close()
                }
                parts.append(PackagedPart(objid: summary.objid, path: stage.finalPath, cases: summary.cases, records: summary.records,
                                          files: summary.files, contentBytes: summary.contentBytes, sha256: sha))
            }
            progress?.finish()
            for stage in staged { try stage.commit() }
            if let manifestStage {
                let manifest = SplitManifest(parts: parts, agreement: agreement.id, organisation: organisation.id, created: request.created)
                try manifest.json().write(to: URL(fileURLWithPath: manifestStage.stagingPath))
                try manifestStage.commit()
            }
        } catch {
            progress?.finish()
            staged.forEach { $0.discard() }
            manifestStage?.discard()
            throw error
        }
        return PackageResult(format: request.format, parts: parts, manifest: outputs.manifest, preflight: pending.report(),
                             seconds: Date().timeIntervalSince(start))
    }
}
