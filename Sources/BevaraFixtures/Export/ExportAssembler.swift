import BevaraArchiveIO
import Foundation

/// Writes cases into an export folder: each case's files (made by `FileFactory`, hashed with
/// `FileDigest` from what is on disk), then its metadata through the shape's writer, then the
/// next case. Counts everything for the summary.
///
/// With no root it writes nothing and counts metadata bytes only (files are assumed to have
/// their planned sizes and a placeholder checksum): the size planner's dry run.
final class ExportAssembler {
    let root: String?
    let writer: ExportShapeWriter
    private let factory = FileFactory()
    private(set) var summary = FixtureSummary()
    private static let placeholderChecksum = String(repeating: "0", count: 64)

    init(shape: FixtureSpec.Shape, root: String?) {
        self.root = root
        switch shape {
        case .genericCSV: writer = CSVExportWriter(root: root)
        case .fgs: writer = FGSExportWriter(root: root)
        }
    }

    func begin() throws {
        if let root {
            try Self.makeDirectory(root)
            try Self.makeDirectory(root + "/" + writer.filesRoot)
        }
        try writer.begin()
    }

    func add(_ plan: CasePlan) throws {
        var written: [[WrittenFile]] = []
        written.reserveCapacity(plan.records.count)
        var madeFolders = Set<String>()
        for record in plan.records {
            var files: [WrittenFile] = []
            for file in record.files {
                if let root {
                    let path = root + "/" + writer.filesRoot + "/" + file.relativePath
                    let folder = (path as NSString).deletingLastPathComponent
                    if madeFolders.insert(folder).inserted { try Self.makeDirectory(folder) }
                    let size = try factory.write(file.kind, document: file.document, seed: file.seed, size: file.size, to: path)
                    files.append(WrittenFile(plan: file, size: size, sha256: try FileDigest.sha256(path: path)))
                } else {
                    files.append(WrittenFile(plan: file, size: file.size ?? file.kind.minimumPlannedSize,
                                             sha256: Self.placeholderChecksum))
                }
            }
            count(record, files)
            written.append(files)
        }
        try writer.write(plan, files: written)
        summary.cases += 1
        summary.parties += plan.parties.count
        summary.protectedIdentityParties += plan.parties.filter(\.protectedIdentity).count
    }

    private func count(_ record: RecordPlan, _ files: [WrittenFile]) {
        summary.records += 1
        if let secrecy = record.secrecy {
            summary.secrecyMarkedRecords += 1
            if secrecy.legalReference == nil { summary.secrecyMarkedRecordsWithoutLegalReference += 1 }
        }
        for p in [record.sender, record.recipient].compactMap({ $0 }) {
            summary.parties += 1
            if p.protectedIdentity { summary.protectedIdentityParties += 1 }
        }
        if files.isEmpty { summary.recordsWithoutFiles += 1 }
        for f in files {
            summary.files += 1
            summary.fileBytes += f.size
            summary.filesByKind[f.plan.kind.rawValue, default: 0] += 1
        }
    }

    func finish() throws -> FixtureSummary {
        try writer.finish()
        summary.metadataBytes = writer.metadataBytes
        return summary
    }

    /// `mkdir`, accepting a folder that exists.
    static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        if errno == ENOENT {
            try makeDirectory((path as NSString).deletingLastPathComponent)
            if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        }
        throw IOError(path: path, operation: "mkdir", errno: errno)
    }
}
