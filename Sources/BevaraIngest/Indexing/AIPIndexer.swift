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

    /// `verifyContent: false` only right after ingest stored the version, whose every file was
    /// hashed in the copy that stored it; reindex and every other caller verify each read.
    /// `knownFormats` (logical path → format and size) comes from the same ingest too: those
    /// files are not identified or measured a second time; every other file is. `textAhead` (the
    /// same ingest too) goes on reading while the files are indexed, and its texts are used for
    /// the files it read them from; it stops when the indexer catches up with it.
    func index(objectID: String, into index: ArchiveIndex? = nil, verifyContent: Bool = true,
               knownFormats: KnownFormats = .none, textAhead: TextAhead? = nil) throws {
        let storage = archive.storage
        // The head version's files read in one streamed pass into a scratch folder in staging
        // (deleted with `state`; `sweepStaging` removes one a crash left): the inventory of a
        // large package parsed whole, then its table in memory, was the largest thing while indexing.
        let state = try storage.headState(of: objectID,
                                          scratchFolder: archive.layout.staging + "/aip-headstate-\(UUID().uuidString)")
        let head = state.headVersion
        let record = try AIPReader(storage: storage).record(objectID: objectID, in: state)
        guard let organisation = archive.agreements.organisations[record.organisationID] else {
            throw IngestError.damagedAIP(objectID: objectID,
                                         reason: "owned by organisation '\(record.organisationID)', which this archive's agreements do not name")
        }
        let identifier = try FormatIdentifier()
        let objectRoot = storage.objectPath(for: objectID)
        func read<T>(_ file: OCFLHeadState.File, _ body: (String) throws -> T) throws -> T {
            if verifyContent { return try storage.withVerifiedFile(file, objectID: objectID, body) }
            return try body(objectRoot + "/" + file.contentPath)
        }
        func read<T>(_ path: String, _ body: (String) throws -> T) throws -> T {
            guard let file = try state.file(path) else {
                throw OCFLStorageError.logicalPathNotFound(objectID: objectID, path: path, version: head)
            }
            return try read(file, body)
        }
        let target = index ?? archive.index
        try target.write { writer in
            try writer.upsertOrganisation(id: organisation.id, name: organisation.name)
            try writer.removePackage(objectID: objectID)
            // Its byte count is the sum of the file sizes, set once the file loop below has seen them.
            try writer.addPackage(IndexedPackage(
                objectID: objectID, organisationID: organisation.id, agreementID: record.agreementID, version: head,
                label: record.label, created: ISO8601DateFormatter().string(from: record.created),
                submittedBy: record.submissions.last?.submittedBy, fileCount: state.count, byteCount: 0))

            // Descriptive metadata first (CITS ERMS wherever the package keeps it): it names the
            // records that the files below are linked to.
            for path in try state.paths(where: AIPIndexer.isERMS) {
                try read(path) { file in
                    _ = try ERMSIndexReader.read(path: file, logicalPath: path, objectID: objectID,
                                                 organisationID: organisation.id, into: writer)
                }
            }
            // Every file once: verified, identified, and its text extracted if it is content. Text
            // is extracted on lanes, one per core (PDFs by poppler in worker processes), while this
            // loop writes the index; texts are written as they come back (never all held at once).
            let texts = TextBatch()
            defer { texts.cancel() }
            // Reading ahead goes on while this loop writes the rows of the texts it did.
            let precomputed = textAhead.map { PrecomputedTexts(following: $0) } ?? .none
            defer { precomputed.remove() }
            var bytes: Int64 = 0
            try state.forEach { stored in
                let path = stored.logicalPath, digest = stored.digest
                try read(stored) { file in
                    let known = try knownFormats.file(path)
                    let format = try known?.format ?? identifier.identify(head: FileHead.read(file), name: path).known
                    let size = try known?.size ?? FileHead.size(of: file)
                    bytes += size
                    let indexed = IndexedFile(objectID: objectID, logicalPath: path, size: size, sha256: digest,
                                              mime: format.mime, puid: format.puid)
                    let content = AIPIndexer.isContent(path)
                    // A type without a reader (images, mostly) is answered here: handing it to a
                    // lane woke a thread per file for nothing.
                    if content, let outcome = TextExtractor.outcomeWithoutReader(format.mime) {
                        try writer.addFile(indexed, text: outcome)
                        return
                    }
                    if content, let outcome = try precomputed.outcome(for: path, sha256: digest, mime: format.mime) {
                        try writer.addFile(indexed, text: outcome)
                        return
                    }
                    let fileID = try writer.addFile(indexed)
                    guard content else { return }
                    for done in texts.submit(file, mime: format.mime, tag: fileID) {
                        try writer.setText(fileID: done.tag, outcome: done.outcome)
                    }
                }
            }
            for done in texts.finish() {
                try writer.setText(fileID: done.tag, outcome: done.outcome)
            }
            try writer.setByteCount(objectID: objectID, bytes)
            for path in try state.paths(where: { $0.hasPrefix("metadata/preservation/bevara-ingest-v") }) {
                let version = Int(path.dropFirst("metadata/preservation/bevara-ingest-v".count).dropLast(".xml".count)) ?? head
                let events = try read(path) { try PREMISEventReader.read(path: $0) }
                for event in events {
                    try writer.addEvent(IndexedEvent(objectID: objectID, version: version, type: event.type,
                                                 dateTime: event.dateTime, outcome: event.outcome, detail: event.detail,
                                                 agent: event.implementer ?? ""))
                }
            }
            for event in try FixityLog.events(storage: storage, objectID: objectID) {
                try writer.addEvent(IndexedEvent(objectID: objectID, version: head, type: "fixity check",
                                             dateTime: event.dateTime, outcome: event.outcome, detail: event.detail,
                                             agent: event.agent))
            }
            try Failpoint.hit("ingest.during-index", subject: objectID)
        }
    }

    /// ERMS files: the representation's `data/erms.xml` (Bevara's SIPs) or descriptive metadata
    /// named so by another producer.
    static func isERMS(_ path: String) -> Bool {
        guard path.hasPrefix("representations/") || path.hasPrefix("metadata/descriptive/") else { return false }
        return lastComponentIsERMS(path)
    }

    /// Whether the last path component is `erms.xml` in any case. Asked of every file while
    /// indexing: `NSString.lastPathComponent` and `lowercased()` per path were ≈ 1.5 % of
    /// ingest's main thread. ASCII case folding is exact here: no other character lower-cases
    /// to a letter of "erms.xml". A path ending in "/" takes Foundation's rule.
    static func lastComponentIsERMS(_ path: String) -> Bool {
        let bytes = path.utf8
        guard let last = bytes.last, last != UInt8(ascii: "/") else {
            return (path as NSString).lastPathComponent.lowercased() == "erms.xml"
        }
        let name = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes[bytes.index(after: $0)...] } ?? bytes[...]
        return name.count == 8 && zip(name, "erms.xml".utf8).allSatisfy { byte, wanted in
            (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte) == wanted
        }
    }

    /// Files whose text is worth extracting: the records' content, not packaging metadata.
    static func isContent(_ path: String) -> Bool {
        path.hasPrefix("representations/") && ByteSearch.contains(dataFolder, in: path) && !isERMS(path)
    }

    /// Searched as bytes (`ByteSearch`): this is asked for every file by unpacking, reading
    /// ahead and indexing.
    private static let dataFolder = Array("/data/".utf8)
}
