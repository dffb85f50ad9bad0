import BevaraArchiveIO
import BevaraIndex
import BevaraModel
import BevaraPackaging
import BevaraProfiles
import BevaraStorage
import Foundation

/// Turns SIPs into AIPs: receive safely, validate, choose the agreement, check who may ingest,
/// store as a new OCFL version, then index from what storage holds.
///
/// Order is what makes a kill at any moment harmless: the OCFL version is complete and fsynced
/// before the index transaction starts, and the index only ever describes stored versions. A run
/// stopped before the version was moved into place leaves staging debris that the next run's
/// `recover` removes; one stopped after finds the SIP in storage (by its METS digest) and only
/// indexes it.
public struct Ingestor {
    public let archive: Archive
    public let user: ArchiveUser
    public var limits = IntakeLimits()
    /// A progress line on a terminal (files, bytes, rate, ETA); quiet in pipes regardless.
    public var showProgress = false

    public init(archive: Archive, user: ArchiveUser) {
        self.archive = archive
        self.user = user
    }

    /// Ingests each package in turn; a rejected package does not stop the others.
    public func ingest(_ packages: [String], agreementID: String?) throws -> [IngestOutcome] {
        let lock = try archive.lockForWriting()
        defer { withExtendedLifetime(lock) {} }
        _ = try archive.storage.recover(stagingDirectory: archive.layout.staging)
        _ = try archive.sweepStaging()
        var outcomes: [IngestOutcome] = []
        for package in packages {
            do {
                outcomes.append(try ingestOne(package, agreementID: agreementID))
            } catch let error as IntakeError {
                // Unsafe or unreadable: refused before anything was unpacked outside staging.
                outcomes.append(IngestOutcome(package: package, status: .rejected, findings: error.findings.map(\.description)))
            } catch let error as IngestError {
                var findings = [error.description]
                if case .rejected(_, let list) = error { findings = list.map(\.description) }
                outcomes.append(IngestOutcome(package: package, status: .rejected, findings: findings))
            }
        }
        return outcomes
    }

    private func ingestOne(_ package: String, agreementID: String?) throws -> IngestOutcome {
        let started = Date()
        switch try store(package, agreementID: agreementID, started: started) {
        case .finished(let outcome):
            return outcome
        case .stored(let stored):
            // The SIP's parsed METS and file lists are gone by now (they lived in `store`): a large
            // package's index transaction does not run on top of them.
            defer { unlink(stored.built.formatsPath) }
            defer { stored.textAhead?.discard() }
            FreedMemory.release()  // storing's per-file lists, before the index transaction
            do {
                try AIPIndexer(archive: archive).index(objectID: stored.objectID, verifyContent: false,
                                                       knownFormats: try KnownFormats(path: stored.built.formatsPath),
                                                       textAhead: stored.textAhead)
            } catch {
                throw IndexingIncomplete(package: package, objectID: stored.objectID, index: archive.layout.index,
                                         reason: "\(error)")
            }
            return IngestOutcome(package: package, status: .archived, objectID: stored.objectID,
                                 organisationID: stored.organisationID, agreementID: stored.agreementID,
                                 version: stored.built.version, files: stored.built.files, bytes: stored.built.bytes,
                                 seconds: Date().timeIntervalSince(started), findings: stored.warnings)
        }
    }

    /// What `store` did: a new version to index, or nothing left to do.
    private enum Stored {
        struct NewVersion {
            var objectID: String
            var organisationID: String
            var agreementID: String
            var built: AIPVersionWriter.Written
            var warnings: [String]
            /// Text read while the package was validated and stored, for the indexer.
            var textAhead: TextAhead?
        }

        case stored(NewVersion)
        case finished(IngestOutcome)
    }

    /// Receives, validates and stores the package as a new OCFL version (or finds it stored).
    private func store(_ package: String, agreementID: String?, started: Date) throws -> Stored {
        let received = try PackageIntake.open(package, stagingDirectory: archive.layout.staging, limits: limits,
                                              identifyFormats: true)
        defer { received.cleanUp() }
        // Reads the content files' text on the idle core while this thread validates and stores.
        var textAhead = received.identifiedFormats.flatMap { TextAhead(formats: $0, staging: archive.layout.staging) }
        defer { textAhead?.discard() }  // unless handed to the indexer (at the end)
        // Validated in a scope of its own: the parsed METS and its file lists are freed before
        // storing starts; only what storing needs is kept (`AcceptedSIP`).
        let sip: AIPVersionWriter.AcceptedSIP
        let agreementNames: [String], warnings: [String]
        (sip, agreementNames, warnings) = try validate(received, package: package)
        defer { sip.declared.remove() }
        FreedMemory.release()  // the parsed METS of a large package, freed by `validate`
        let agreement = try AgreementResolution.resolve(
            package: package, named: agreementNames, explicit: agreementID, registry: archive.agreements)
        try Permissions.checkIngest(package: package, user: user, agreement: agreement)
        let organisation = archive.agreements.organisation(for: agreement)
        let objectID = sip.objid
        let metsSHA256 = try FileDigest.sha256(path: received.root + "/METS.xml")

        var previous: AIPRecord?
        if archive.storage.objectExists(objectID) {
            let record = try AIPReader(storage: archive.storage).record(objectID: objectID)
            guard record.organisationID == organisation.id else {
                throw IngestError.packageIDTaken(package: package, objid: objectID)
            }
            if let earlier = record.submissions.first(where: { $0.metsSHA256 == metsSHA256 }) {
                let head = try archive.storage.inventory(of: objectID).headVersionNumber
                let indexed = try archive.index.packageRecord(objectID: objectID)?.version
                let status: IngestOutcome.Status = indexed == head ? .alreadyArchived : .indexCompleted
                if indexed != head { try AIPIndexer(archive: archive).index(objectID: objectID) }
                return .finished(IngestOutcome(package: package, status: status, objectID: objectID,
                                               organisationID: organisation.id, agreementID: record.agreementID,
                                               version: earlier.version, seconds: Date().timeIntervalSince(started),
                                               findings: warnings))
            }
            previous = record
        }

        let built = try AIPVersionWriter(archive: archive, user: user, organisation: organisation, agreement: agreement,
                                         showProgress: showProgress)
            .write(received: received, sip: sip, package: package, metsSHA256: metsSHA256, previous: previous,
                   started: started)
        try Failpoint.hit("ingest.after-storage", subject: objectID)
        let handedOver = textAhead
        textAhead = nil  // the indexer's now
        return .stored(.init(objectID: objectID, organisationID: organisation.id, agreementID: agreement.id, built: built,
                             warnings: warnings, textAhead: handedOver))
    }

    /// Validates the SIP; returns what storing needs, the agreement IDs it names and its
    /// non-error findings. A package that is not valid is rejected with every finding.
    private func validate(_ received: ReceivedPackage, package: String) throws
        -> (AIPVersionWriter.AcceptedSIP, agreementNames: [String], warnings: [String]) {
        var validator = SIPValidator(limits: limits)
        validator.sha256CheckedByCaller = true
        validator.scratchDirectory = archive.layout.staging  // the file lists on disk, not in memory
        let (validation, declared) = try validator.validate(
            received, declaredChecksumsPath: archive.layout.staging + "/aip-declared-\(UUID().uuidString)")
        guard validation.isValid, let sip = validation.description, let declared else {
            // Refused anyway: hash everything too, so the report lists every problem at once.
            validator.sha256CheckedByCaller = false
            throw IngestError.rejected(package: package, findings: try validator.validate(received).findings)
        }
        let accepted = AIPVersionWriter.AcceptedSIP(objid: sip.objid, label: sip.label, declared: declared)
        return (accepted,
                sip.altRecordIDs.filter { $0.type == "SUBMISSIONAGREEMENT" }.map(\.value),
                validation.findings.filter { $0.severity != .error }.map(\.description))
    }
}
