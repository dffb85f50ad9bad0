import BevaraArchiveIO
import BevaraModel
import BevaraPackaging
import BevaraProfiles
import BevaraStorage
import Foundation

/// Writes one accepted SIP as the next OCFL version of its AIP.
///
/// Logical state of the version: the SIP's tree unchanged, its root METS kept as
/// `submission/METS.xml`, Bevara's record (`metadata/other/bevara-aip.json`), the PREMIS events of
/// this ingest (`metadata/preservation/bevara-ingest-vN.xml`, earlier ones carried forward) and a
/// new AIP root METS listing every file. An update replaces the submitted content; earlier states
/// stay in their own OCFL versions (never overwritten), and unchanged files are stored once.
struct AIPVersionWriter {
    struct Written {
        var version: Int
        var files: Int
        var bytes: Int64
        /// Format of each stored SIP file by logical path, as identified while storing (the index
        /// reuses it instead of running libmagic on every file again), in a staging file that
        /// `KnownFormats` reads; the caller deletes it.
        var formatsPath: String
    }

    let archive: Archive
    let user: ArchiveUser
    let organisation: Organisation
    let agreement: SubmissionAgreement
    let showProgress: Bool

    /// What of an accepted SIP's description storing needs; the parsed METS itself is gone by
    /// then (a large package's file list would otherwise stay in memory through the commit).
    struct AcceptedSIP {
        var objid: String
        var label: String?
        /// SHA-256 the SIP's METS declares by path, in a staging file read in path order.
        var declared: DeclaredChecksums

        /// `scratch`: a new file in staging for the declared checksums.
        init(_ sip: SIPDescription, scratch: String) throws {
            objid = sip.objid
            label = sip.label
            declared = try DeclaredChecksums(sip, path: scratch)
        }
    }

    func write(received: ReceivedPackage, sip: AcceptedSIP, package: String, metsSHA256: String,
               previous: AIPRecord?, started: Date) throws -> Written {
        let storage = archive.storage
        let objectID = sip.objid
        let version = previous == nil ? 1 : try storage.inventory(of: objectID).headVersionNumber + 1
        let builder = try storage.beginVersion(of: objectID, stagingDirectory: archive.layout.staging)
        var committed = false
        defer { if !committed { builder.discard() } }

        // The METS's file list, on disk (see `AIPFileListWriter`).
        let files = try AIPFileListWriter(path: archive.layout.staging + "/aip-files-\(UUID().uuidString)")
        defer { unlink(files.path) }
        if previous != nil {
            // Carry forward only the earlier ingests' PREMIS; the rest comes from the new SIP.
            try builder.inheritPreviousState()
            let inventory = try storage.inventory(of: objectID)
            for (path, digest) in inventory.state(of: inventory.headVersionNumber).sorted(by: { $0.key < $1.key }) {
                if path.hasPrefix("metadata/preservation/bevara-ingest-v") {
                    let size = try storage.withVerifiedFile(in: inventory, objectID: objectID, logicalPath: path) {
                        try FileHead.size(of: $0)
                    }
                    files.appendAside(AIPFile(path: path, size: size, sha256: digest, mime: "application/xml"), rank: .beforeSIP)
                } else {
                    _ = builder.removeFile(logicalPath: path)
                }
            }
        }

        var events = [PreservationEvent(type: "ingestion start", dateTime: started, outcome: .success,
                                        detail: "SIP \(PackageName.of(package)) received from \(user.name) under agreement \(agreement.id)")]
        // Scanned before storing: an extracted SIP's folder is moved into storage below.
        let virusScan = try VirusScan.run(archive.configuration.virusScanner, on: received.root)
        let identifier = try FormatIdentifier()
        // What the extraction lanes identified, by path; a file not found there (streamed by the
        // extractor, a folder SIP, an unexpected root) is identified here from its hashing pass.
        let identified = try received.identifiedFormats?.lookup(forRoot: received.root)
        var puids: [String: Int] = [:]
        // On disk, not in a map: the index transaction that reads them holds every other per-file
        // structure of a large package too.
        let formats = try KnownFormats.Recorder(path: archive.layout.staging + "/aip-formats-\(UUID().uuidString)")
        var formatsKept = false
        defer { if !formatsKept { unlink(formats.path) } }
        var bytes: Int64 = 0
        // The package's files in path order, listed to a scratch file rather than an array (which
        // held every path) before the folder is taken over below.
        let tree = try PackageTree.list(under: received.root, to: archive.layout.staging + "/aip-tree-\(UUID().uuidString)")
        defer { unlink(tree.path) }
        let fileCount = tree.files
        let progress = showProgress
            ? ProgressLine(label: PackageName.of(package), totalFiles: tree.files, totalBytes: tree.bytes)
            : nil
        // A SIP that intake extracted into staging is Bevara's own copy: its folder becomes the
        // version's content folder in one rename (no copy, no per-file move, no folders to make
        // or delete). A folder submitted in place is copied and left as it was; so is an
        // extracted one if the rename fails (another file system), which leaves it untouched.
        let adopted = received.extracted ? try? builder.adoptContent(from: received.root) : nil
        // Each file's SHA-256 is checked against the one the SIP declares: a small file's as the
        // extraction lanes took it from the bytes they wrote (nothing is read again); any other
        // file's in the one read that stores it (in place when adopted, in the copy otherwise).
        try tree.forEach { entry in
            let logical = entry.relativePath == "METS.xml" ? AIPLayout.submissionMETS : entry.relativePath
            let expected = try sip.declared.sha256(of: entry.relativePath)
            let recorded = try identified?.recorded(of: entry.relativePath, size: entry.size)
            let size: Int64, sha256: String, format: FormatIdentifier.Identification
            do {
                if adopted != nil, let recorded {
                    try builder.addAdoptedFile(relativePath: entry.relativePath, as: logical,
                                               writtenSHA256: recorded.sha256, expectedSHA256: expected)
                    (size, sha256, format) = (entry.size, recorded.sha256, recorded.format)
                } else {
                    let stored = adopted != nil
                        ? try builder.addAdoptedFile(relativePath: entry.relativePath, as: logical,
                                                     expectedSHA256: expected)
                        : try builder.addFile(logicalPath: logical, copyingFrom: received.root + "/" + entry.relativePath,
                                              expectedSHA256: expected)
                    let known = stored.size == entry.size ? recorded?.format : nil
                    (size, sha256, format) = (stored.size, stored.sha256,
                                              known ?? identifier.identify(head: stored.head, name: entry.relativePath))
                }
            } catch OCFLStorageError.sourceDigestMismatch(_, _, let expected, let actual) {
                throw IngestError.rejected(package: package, findings: [SIPFinding(
                    ruleID: SIPRule.fixityChecksum, severity: .error, package: PackageName.of(package), path: entry.relativePath,
                    message: "the METS says SHA-256 \(expected), but the file's is \(actual)")])
            }
            puids[format.puid ?? format.mime, default: 0] += 1
            if logical == entry.relativePath { try formats.record(logical, format, size: size) }
            let file = AIPFile(path: logical, size: size, sha256: sha256, mime: format.mime)
            if logical == entry.relativePath { try files.appendSIPFile(file) } else { files.appendAside(file, rank: .sipOutOfOrder) }
            bytes += size
            progress?.advance(bytes: size)
            try Failpoint.hit("ingest.between-files", subject: objectID)
        }
        progress?.finish()
        try formats.finish()
        // Per-file lists this loop alone needed: freed before the METS and the inventory are
        // written, where a large package's memory peaks.
        sip.declared.remove()
        let now = Date()
        events.append(PreservationEvent(
            type: "fixity check", dateTime: now, outcome: .success,
            detail: "\(fileCount) files: sizes and checksums declared in the SIP's METS verified against SHA-256 computed from the bytes as they were unpacked or stored"))
        let formatCounts = puids.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
        events.append(PreservationEvent(type: "format identification", dateTime: now, outcome: .success,
                                        detail: "libmagic and Bevara's signatures, with Bevara's PRONOM table: \(formatCounts)"))
        if let virusScan { events.append(virusScan) }

        let record = AIPRecord(
            objid: objectID, label: sip.label, organisationID: organisation.id, agreementID: agreement.id,
            created: previous?.created ?? started,
            submissions: (previous?.submissions ?? []) + [AIPRecord.Submission(
                version: version, packageName: PackageName.of(package), metsSHA256: metsSHA256, submittedBy: user.id,
                ingested: now, files: fileCount, bytes: bytes)])
        files.appendAside(try add(builder, AIPLayout.record, data: try record.json(), mime: "application/json"), rank: .afterSIP)
        events.append(PreservationEvent(type: "ingestion end", dateTime: Date(), outcome: .success,
                                        detail: "stored as version \(version) of AIP \(objectID)"))

        let scratch = archive.layout.staging + "/aip-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let premisPath = scratch + "/premis.xml"
        try IngestPREMISWriter.write(to: premisPath, objid: objectID, version: version, events: events, user: user,
                                     organisation: organisation, softwareVersion: BevaraVersion.current)
        files.appendAside(try add(builder, AIPLayout.ingestPREMIS(version: version), from: premisPath, mime: "application/xml"),
                          rank: .afterSIP)
        let metsPath = scratch + "/METS.xml"
        try AIPMETSWriter.write(AIPDescription(
            objid: objectID, label: sip.label, organisation: organisation, agreementID: agreement.id,
            archiveName: archive.configuration.archive, softwareVersion: BevaraVersion.current,
            created: previous?.created ?? started, modified: now, files: try files.finish()), to: metsPath)
        _ = try add(builder, AIPLayout.rootMETS, from: metsPath, mime: "application/xml")

        let number = try builder.commit(created: now, message: "Ingest of \(PackageName.of(package)) under \(agreement.id)",
                                        user: (name: user.name, address: "bevara:user/\(user.id)"))
        committed = true
        formatsKept = true
        return Written(version: number, files: fileCount, bytes: bytes, formatsPath: formats.path)
    }

    private func add(_ builder: OCFLVersionBuilder, _ path: String, data: Data, mime: String) throws -> AIPFile {
        let stored = try builder.addFile(logicalPath: path, data: data)
        return AIPFile(path: path, size: stored.size, sha256: stored.sha256, mime: mime)
    }

    private func add(_ builder: OCFLVersionBuilder, _ path: String, from source: String, mime: String) throws -> AIPFile {
        let stored = try builder.addFile(logicalPath: path, from: source, expectedSHA256: nil)
        return AIPFile(path: path, size: stored.size, sha256: stored.sha256, mime: mime)
    }
}
