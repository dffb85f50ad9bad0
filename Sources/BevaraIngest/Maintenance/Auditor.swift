import BevaraArchiveIO
import BevaraIndex
import BevaraModel
import BevaraStorage
import Foundation

/// What an audit found: every damaged or missing file by AIP and path.
public struct FixityReport: Codable, Sendable {
    public struct Damage: Codable, Sendable, Hashable, CustomStringConvertible {
        public var objectID: String
        public var organisationID: String
        public var path: String
        public var problem: String
        public var description: String { "\(objectID): \(path): \(problem)" }
    }

    public init() {}

    public var objectsChecked = 0
    public var objectsSkipped = 0
    public var damage: [Damage] = []
    public var isIntact: Bool { damage.isEmpty }
}

/// Re-reads stored files and checks them against the OCFL inventory and the AIP's own METS,
/// then records a fixity event in the AIP's logs and the index.
public struct Auditor {
    public let archive: Archive
    public let user: ArchiveUser

    public init(archive: Archive, user: ArchiveUser) {
        self.archive = archive
        self.user = user
    }

    /// Audits every AIP, or only those whose last audit is older than `olderThanDays`.
    public func run(olderThanDays: Int? = nil, now: Date = Date()) throws -> FixityReport {
        let lock = try archive.lockForWriting()
        defer { withExtendedLifetime(lock) {} }
        let storage = archive.storage
        var report = FixityReport()
        for objectID in try storage.objectIDs() {
            if let days = olderThanDays, let last = try FixityLog.events(storage: storage, objectID: objectID).last,
               let when = Timestamp.date(from: last.dateTime),
               now.timeIntervalSince(when) < Double(days) * 86_400 {
                report.objectsSkipped += 1
                continue
            }
            let version = (try? storage.inventory(of: objectID).headVersionNumber) ?? 0
            let organisation = (try? AIPReader(storage: storage).record(objectID: objectID))?.organisationID ?? "?"
            var found = try storage.verify(objectID: objectID).map {
                FixityReport.Damage(objectID: objectID, organisationID: organisation, path: $0.path, problem: $0.problem)
            }
            found += try AIPMETSCrossCheck.mismatches(storage: storage, objectID: objectID).map {
                FixityReport.Damage(objectID: objectID, organisationID: organisation, path: $0.path, problem: $0.problem)
            }
            report.objectsChecked += 1
            report.damage += found
            let entry = FixityLog.Entry(
                dateTime: Timestamp.string(from: now), outcome: found.isEmpty ? "success" : "failure",
                detail: found.isEmpty ? "every stored file matches the inventory and the AIP METS"
                    : found.map { "\($0.path): \($0.problem)" }.joined(separator: "; "),
                agent: user.id)
            try FixityLog.append(entry, storage: storage, objectID: objectID)
            try archive.index.write { writer in
                try writer.addEvent(IndexedEvent(objectID: objectID, version: version, type: "fixity check",
                                             dateTime: entry.dateTime, outcome: entry.outcome, detail: entry.detail,
                                             agent: entry.agent))
            }
        }
        return report
    }
}
