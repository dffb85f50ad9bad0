import BevaraArchiveIO
import BevaraIndex
import BevaraIngest
import BevaraPackaging
import Foundation

/// Builds the disclosure package (E-ARK DIP) for a request: resolves the requested ids within the
/// registrar's organisation, applies secrecy (withheld unless a decision releases), records the
/// decisions made now with the records, and writes the released files, each checksum-verified as
/// it is copied out, with a cover list of what was released and withheld.
struct Retriever {
    let archive: Archive
    let policy: AccessPolicy
    let now: Date

    struct Item {
        var caseDetail: CaseDetail
        var record: RecordDetail
        var restricted: Bool { record.restricted || caseDetail.restricted }
        var legalReference: String? { record.legalReference ?? caseDetail.legalReference }
    }

    struct Outcome {
        var result: DisclosureResult
        var decisions: [SecrecyDecision]
        var files: [(path: String, sha256: String)]
        var records: [String]
    }

    func run(_ order: DisclosureOrder) throws -> Outcome {
        try policy.checkDisclose()
        let items = try resolve(order.ids)
        try check(order, against: items)
        let store = DecisionStore(storage: archive.storage)
        let stamp = Timestamp.string(from: now)

        var made: [(objectID: String, decision: SecrecyDecision)] = []
        var files: [DIPFile] = []
        var cover: [CoverListRow] = []
        var lines: [DisclosureResult.Line] = []
        for item in items {
            let id = item.record.recordID
            var decision = order.decisions[id]
            if let outcome = decision {
                made.append((item.caseDetail.objectID, SecrecyDecision(
                    recordID: id, outcome: outcome, reason: order.reason ?? "", legalReference: item.legalReference,
                    requestReference: order.requestReference, decidedBy: policy.user.id, decidedAt: stamp)))
            } else if item.restricted {
                decision = try store.latest(recordID: id, objectID: item.caseDetail.objectID,
                                             request: order.requestReference)?.outcome
            }
            let folder = SafePath.slug(item.caseDetail.diarienummer.replacingOccurrences(of: "/", with: "-"))
            var released: [DIPFile] = []
            var outcome: CoverListRow.Outcome
            switch (decision, item.restricted) {
            case (.release?, _), (nil, false):
                outcome = .released
                for f in item.record.files {
                    let located = try archive.storage.locate(objectID: item.caseDetail.objectID, logicalPath: f.logicalPath)
                    released.append(DIPFile(sourcePath: located.path,
                                             packagePath: folder + "/" + SafePath.slug(CaseView.scrub(
                                                f.originalName ?? CaseView.lastComponent(f.logicalPath), protectedNames: item.protectedNames)),
                                             size: f.size, sha256: located.sha256, mime: f.mime, recordID: id))
                }
            case (.mask?, _):
                if let copy = order.maskedCopies[id] {
                    outcome = .masked
                    let digest = try FileDigest.stream(path: copy)
                    released.append(DIPFile(sourcePath: copy, packagePath: folder + "/maskerad-" + SafePath.slug(CaseView.lastComponent(copy)),
                                            size: digest.size, sha256: digest.sha256, mime: "application/pdf", recordID: id))
                } else {
                    // A masking decision recorded in an earlier run of this request: its masked copy
                    // is not at hand, so nothing of the record goes out.
                    outcome = .withheld
                }
            case (.deny?, _), (nil, true):
                outcome = .withheld
            }
            let title = outcome == .withheld && item.restricted ? AccessPolicy.withheldTitle
                : CaseView.scrub(item.record.title, protectedNames: item.protectedNames)
            cover.append(CoverListRow(diarienummer: item.caseDetail.diarienummer, recordID: id, date: item.record.date,
                                      title: title, outcome: outcome,
                                      legalReference: outcome == .released && !item.restricted ? nil : item.legalReference,
                                      reason: order.decisions[id] != nil ? order.reason : nil,
                                      files: released.map(\.packagePath)))
            lines.append(DisclosureResult.Line(diarienummer: item.caseDetail.diarienummer, recordID: id, outcome: outcome.rawValue,
                                               legalReference: item.legalReference, files: released.map(\.packagePath)))
            files += released
        }
        files = Self.uniqueNames(files)

        // Decisions are records of their own: kept with the AIP before anything is handed out.
        for (objectID, decision) in made { try store.record(decision, objectID: objectID) }
        let organisation = archive.agreements.organisations[policy.user.organisationID ?? ""]
        let summary = try DIPWriter.write(
            request: DisclosureRequest(reference: order.requestReference, organisationName: organisation?.name ?? "",
                                       registrar: policy.user.name, created: now, archiveName: archive.configuration.archive,
                                       softwareVersion: BevaraVersion.current),
            files: files, cover: cover, to: order.out)
        let result = DisclosureResult(requestReference: order.requestReference, package: summary.path, lines: lines,
                                      filesReleased: files.count, bytesReleased: files.reduce(0) { $0 + $1.size })
        return Outcome(result: result, decisions: made.map(\.decision), files: files.map { ($0.packagePath, $0.sha256) },
                       records: items.map(\.record.recordID))
    }

    /// Requested ids → records, within the user's organisation only. An id of another
    /// organisation is "not found", exactly like one that does not exist.
    private func resolve(_ ids: [String]) throws -> [Item] {
        var items: [Item] = []
        var seen = Set<String>()
        for id in ids {
            let found = try policy.cases(named: id, in: archive.index)
            let matched = found.cases.flatMap { c in
                c.records.filter { !found.isRecordID || $0.recordID == id }.map { Item(caseDetail: c, record: $0) }
            }
            for item in matched where seen.insert(item.caseDetail.objectID + "\u{0}" + item.record.recordID).inserted {
                items.append(item)
            }
        }
        return items
    }

    private func check(_ order: DisclosureOrder, against items: [Item]) throws {
        let requested = Set(items.map(\.record.recordID))
        if !order.decisions.isEmpty && (order.reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw AccessError.invalidDecision("--reason is required with --decide (it is kept with the decision)")
        }
        for id in order.decisions.keys.sorted() where !requested.contains(id) {
            throw AccessError.invalidDecision("\(id) is not among the requested records")
        }
        for (id, outcome) in order.decisions where outcome == .mask && order.maskedCopies[id] == nil {
            throw AccessError.invalidDecision("\(id)=mask needs the masked copy: --masked-copy \(id)=PATH")
        }
        for (id, path) in order.maskedCopies {
            guard order.decisions[id] == .mask else { throw AccessError.invalidDecision("--masked-copy \(id) without --decide \(id)=mask") }
            guard FileManager.default.isReadableFile(atPath: path) else { throw AccessError.invalidDecision("\(path): masked copy not readable") }
        }
    }

    /// Two files of one case with the same name get `-2`, `-3` … so none overwrites another.
    static func uniqueNames(_ files: [DIPFile]) -> [DIPFile] {
        var used = Set<String>()
        return files.map { file in
            var f = file
            var n = 2
            let ext = (file.packagePath as NSString).pathExtension
            let stem = ext.isEmpty ? file.packagePath : String(file.packagePath.dropLast(ext.count + 1))
            while !used.insert(f.packagePath).inserted {
                f.packagePath = stem + "-\(n)" + (ext.isEmpty ? "" : "." + ext)
                n += 1
            }
            return f
        }
    }
}

extension Retriever.Item {
    /// Names of the protected-identity parties of the case and the record.
    var protectedNames: [String] {
        (caseDetail.parties + record.parties).filter(\.protected).map(\.name)
    }
}
