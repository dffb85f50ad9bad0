import BevaraIndex
import Foundation

/// Writes a `CorpusPlan` into an `ArchiveIndex` through the real `IndexWriter`, the way ingest
/// does: one transaction per package (a delivery of `casesPerPackage` cases), organisation,
/// package, then per case its row, parties and records, and files with their extracted text.
struct IndexBuilder {
    let plan: CorpusPlan
    var casesPerPackage = 2_000
    /// Cases between two query samples.
    var sampleStride = 50

    struct Outcome {
        var cases = 0
        var records = 0
        var parties = 0
        var files = 0
        var packages = 0
        var seconds = 0.0
        var samples: [QuerySample] = []
    }

    /// Builds the index, or with `write` false only replays the cases to collect the samples
    /// (for queries on an index built earlier from the same plan).
    func build(into index: ArchiveIndex?, progress: (Outcome) -> Void = { _ in }) throws -> Outcome {
        let synthesizer = CaseSynthesizer(plan: plan)
        var outcome = Outcome()
        let start = Date()
        for (o, org) in plan.organisations.enumerated() {
            let target = plan.recordsPerOrganisation[o]
            var written = 0
            var caseIndex = 0
            var package = 0
            while written < target {
                var batch: [SyntheticCase] = []
                while written < target, batch.count < casesPerPackage {
                    var c = synthesizer.makeCase(organisation: o, index: caseIndex)
                    if c.records.count > target - written { c.records.removeLast(c.records.count - (target - written)) }
                    c.parties.removeAll { $0.recordIndex.map { $0 >= c.records.count } ?? false }
                    if caseIndex % sampleStride == 0 { outcome.samples.append(QuerySample(c)) }
                    written += c.records.count
                    caseIndex += 1
                    batch.append(c)
                }
                package += 1
                let objectID = "urn:bevara:bench:\(org.id):\(package)"
                if let index {
                    try index.write { w in try self.write(batch, objectID: objectID, org: org, into: w) }
                }
                outcome.packages += 1
                outcome.cases += batch.count
                outcome.records += batch.reduce(0) { $0 + $1.records.count }
                outcome.parties += batch.reduce(0) { $0 + $1.parties.count }
                outcome.files += batch.reduce(0) { $0 + $1.records.filter { $0.file != nil }.count }
                progress(outcome)
            }
        }
        outcome.seconds = Date().timeIntervalSince(start)
        return outcome
    }

    private func write(_ batch: [SyntheticCase], objectID: String, org: CorpusPlan.OrganisationShare,
                       into w: IndexWriter) throws {
        try w.upsertOrganisation(id: org.id, name: org.name)
        let files = batch.reduce(0) { $0 + $1.records.filter { $0.file != nil }.count }
        let bytes = batch.reduce(Int64(0)) { $0 + $1.records.reduce(Int64(0)) { $0 + ($1.file?.size ?? 0) } }
        try w.addPackage(IndexedPackage(objectID: objectID, organisationID: org.id, agreementID: "EAV-BENCH", version: 1,
                                        label: "Leverans \(objectID)", created: "2026-01-15T09:00:00Z",
                                        submittedBy: "arkivarie-\(org.id)", fileCount: files, byteCount: bytes))
        for c in batch {
            let caseRow = try w.addCase(IndexedCase(
                objectID: objectID, diarienummer: c.diarienummer, title: c.title, status: c.status, opened: c.opened,
                closed: c.closed, classification: c.classification, unit: c.unit, handlingOfficer: c.officer,
                secrecy: IndexedSecrecy(restricted: c.restricted, legalReference: c.legalReference)))
            for p in c.parties where p.recordIndex == nil {
                try w.addParty(party(p, caseRow: caseRow, recordRow: nil))
            }
            for (r, record) in c.records.enumerated() {
                let recordRow = try w.addRecord(IndexedRecord(
                    caseID: caseRow, recordID: record.recordID, type: record.type, direction: record.direction,
                    date: record.date, title: record.title,
                    secrecy: IndexedSecrecy(restricted: record.restricted, legalReference: record.legalReference)))
                for p in c.parties where p.recordIndex == r {
                    try w.addParty(party(p, caseRow: caseRow, recordRow: recordRow))
                }
                if let f = record.file {
                    let fileRow = try w.addFile(IndexedFile(objectID: objectID, recordID: recordRow, logicalPath: f.logicalPath,
                                                            size: f.size, sha256: f.sha256, mime: f.mime, puid: f.puid))
                    try w.setText(fileID: fileRow, outcome: .text(f.text, truncated: false))
                }
            }
        }
        try w.addEvent(IndexedEvent(objectID: objectID, version: 1, type: "ingestion start", dateTime: "2026-01-15T09:00:00Z",
                                    outcome: "success", agent: "arkivarie-\(org.id)"))
        try w.addEvent(IndexedEvent(objectID: objectID, version: 1, type: "ingestion end", dateTime: "2026-01-15T09:05:00Z",
                                    outcome: "success", agent: "arkivarie-\(org.id)"))
    }

    private func party(_ p: SyntheticCase.Party, caseRow: Int64, recordRow: Int64?) -> IndexedParty {
        IndexedParty(caseID: caseRow, recordID: recordRow, name: p.name, organisation: p.organisation, role: p.role,
                     identityNumber: p.identityNumber, protectedIdentity: p.protectedIdentity)
    }
}
