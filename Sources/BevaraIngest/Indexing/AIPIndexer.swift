import BevaraArchiveIO
import BevaraIndex
import BevaraPackaging
import BevaraStorage
import Foundation

/// Indexes one stored AIP from storage alone: the same code runs after ingest and in reindex, so
/// a rebuilt index cannot differ from the one ingest wrote.
///
/// Everything happens in one index transaction: the package's earlier rows are removed and the
/// head version's rows added, or (if anything fails or the process dies) nothing changes.
struct AIPIndexer {
    let archive: Archive

    func index(objectID: String, into index: ArchiveIndex? = nil) throws {
        let storage = archive.storage
        let record = try AIPReader(storage: storage).record(objectID: objectID)
        let inventory = try storage.inventory(of: objectID)
        let head = inventory.headVersionNumber
        let state = inventory.state(of: head)
        guard let organisation = archive.agreements.organisations[record.organisationID] else {
            throw IngestError.damagedAIP(objectID: objectID,
                                         reason: "owned by organisation '\(record.organisationID)', which this archive's agreements do not name")
        }
        let identifier = try FormatIdentifier()
        let target = index ?? archive.index
        try target.write { writer in
            writer.upsertOrganisation(id: organisation.id, name: organisation.name)
            writer.removePackage(objectID: objectID)
            var bytes: Int64 = 0
            var facts: [(path: String, sha256: String, size: Int64, mime: String, puid: String?)] = []
            for (path, digest) in state.sorted(by: { $0.key < $1.key }) {
                let (size, format) = try storage.withVerifiedFile(in: inventory, objectID: objectID, logicalPath: path) { file in
                    (try FileHead.size(of: file), identifier.identify(head: try FileHead.read(file), name: path))
                }
                bytes += size
                facts.append((path, digest, size, format.mime, format.puid))
            }
            let last = record.submissions.last
            writer.addPackage(IndexedPackage(
                objectID: objectID, organisationID: organisation.id, agreementID: record.agreementID, version: head,
                label: record.label, created: record.created, submittedBy: last?.submittedBy ?? "",
                fileCount: facts.count, byteCount: bytes))

            // Descriptive metadata: CITS ERMS wherever the package keeps it.
            for path in state.keys.sorted() where AIPIndexer.isERMS(path) {
                try storage.withVerifiedFile(in: inventory, objectID: objectID, logicalPath: path) { file in
                    _ = try ERMSIndexReader.read(path: file, logicalPath: path, objectID: objectID,
                                                 organisationID: organisation.id, into: writer)
                }
            }
            for fact in facts {
                let fileID = writer.addFile(IndexedFile(
                    objectID: objectID, organisationID: organisation.id, logicalPath: fact.path, size: fact.size,
                    sha256: fact.sha256, mime: fact.mime, puid: fact.puid))
                if AIPIndexer.isContent(fact.path) {
                    let outcome = try storage.withVerifiedFile(in: inventory, objectID: objectID, logicalPath: fact.path) { file in
                        TextExtractor.extract(path: file, mime: fact.mime)
                    }
                    writer.setText(fileID: fileID, outcome: outcome)
                }
            }
            for path in state.keys.sorted() where path.hasPrefix("metadata/preservation/bevara-ingest-v") {
                let events = try storage.withVerifiedFile(in: inventory, objectID: objectID, logicalPath: path) { try PREMISEventReader.read(path: $0) }
                for event in events {
                    writer.addEvent(IndexedEvent(objectID: objectID, organisationID: organisation.id, type: event.type,
                                                 dateTime: event.dateTime, outcome: event.outcome, detail: event.detail,
                                                 agent: event.implementer ?? ""))
                }
            }
            for event in try FixityLog.events(storage: storage, objectID: objectID) {
                writer.addEvent(IndexedEvent(objectID: objectID, organisationID: organisation.id, type: "fixity check",
                                             dateTime: event.dateTime, outcome: event.outcome, detail: event.detail,
                                             agent: event.agent))
            }
            try Failpoint.hit("ingest.during-index", subject: objectID)
        }
    }

    /// ERMS files: the representation's `data/erms.xml` (Bevara's SIPs) or descriptive metadata
    /// named so by another producer.
    static func isERMS(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent.lowercased()
        return name == "erms.xml" && (path.hasPrefix("representations/") || path.hasPrefix("metadata/descriptive/"))
    }

    /// Files whose text is worth extracting: the records' content, not packaging metadata.
    static func isContent(_ path: String) -> Bool {
        path.hasPrefix("representations/") && path.contains("/data/") && !isERMS(path)
    }
}
