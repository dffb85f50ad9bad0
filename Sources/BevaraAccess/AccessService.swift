import BevaraIndex
import BevaraIngest
import BevaraModel
import Foundation

/// What a user can do with an archive's records: search, show, retrieve. Every call applies
/// `AccessPolicy` and appends one entry to the archive's hash-chained access log, whether it
/// succeeded or was refused. The CLI (and later an HTTP service) only parses and prints.
public struct AccessService {
    public let archive: Archive
    public let user: ArchiveUser
    public let policy: AccessPolicy
    public let log: AccessLog

    public init(archive: Archive, user: ArchiveUser) throws {
        self.archive = archive
        self.user = user
        self.policy = AccessPolicy(user: user)
        self.log = try AccessLog(archiveRoot: archive.layout.root)
    }

    /// A page of hits in the user's own organisation, restricted content withheld as the policy says.
    public func search(_ query: SearchQuery) throws -> RegistrarSearch.Result {
        try logged("search", query: Self.describe(query)) {
            let result = try RegistrarSearch(archive: archive, policy: policy).run(query)
            return (result, Self.draftDetails(records: result.hits.map { $0.recordID ?? $0.diarienummer }))
        }
    }

    /// A case by diarienummer, or the case of a record by record id, as the user may see it.
    /// Another organisation's id gives the same answer as an id that does not exist.
    public func show(_ id: String) throws -> [CaseView] {
        try logged("show", query: ["id": id]) {
            try policy.checkRead()
            let views = try policy.cases(named: id, in: archive.index).cases.map { CaseView($0, policy: policy) }
            return (views, Self.draftDetails(records: views.flatMap { $0.records.map(\.recordID) }))
        }
    }

    /// Builds a disclosure package for a request; secrecy-marked records are withheld unless a
    /// decision made for this request releases them. Registrars only.
    public func retrieve(_ order: DisclosureOrder, now: Date = Date()) throws -> DisclosureResult {
        var query = ["ids": order.ids.joined(separator: ", "), "out": order.out]
        if !order.decisions.isEmpty {
            query["decide"] = order.decisions.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.rawValue)" }.joined(separator: ", ")
        }
        var written = false
        do {
            return try logged("retrieve", query: query, request: order.requestReference) {
                let outcome = try Retriever(archive: archive, policy: policy, now: now).run(order)
                written = true
                var details = Self.draftDetails(records: outcome.records)
                details.files = outcome.files.map { LoggedFile(path: $0.path, sha256: $0.sha256) }
                details.decisions = outcome.decisions.map {
                    LoggedDecision(recordID: $0.recordID, decision: $0.outcome.rawValue, reason: $0.reason,
                                   legalReference: $0.legalReference)
                }
                return (outcome.result, details)
            }
        } catch {
            // Nothing leaves the archive unlogged: a package whose log entry failed is removed.
            if written { try? FileManager.default.removeItem(atPath: order.out) }
            throw error
        }
    }

    // MARK: Logging

    struct Details {
        var records: [String] = []
        var files: [LoggedFile] = []
        var decisions: [LoggedDecision] = []
    }

    static func draftDetails(records: [String]) -> Details { Details(records: records) }

    /// Runs `body` and logs what it returned, or that it was refused or failed; the entry is
    /// written before the result is handed out, and a result whose entry cannot be written is
    /// not handed out.
    private func logged<T>(_ command: String, query: [String: String], request: String? = nil,
                           _ body: () throws -> (T, Details)) throws -> T {
        let value: T
        let details: Details
        do {
            (value, details) = try body()
        } catch let error as AccessError {
            let outcome: String
            switch error {
            case .notFound: outcome = "not-found"
            case .notPermitted: outcome = "denied"
            case .decisionRequired, .invalidDecision: outcome = "refused"
            }
            try log.append(AccessLogDraft(user: user, command: command, query: query, requestReference: request, outcome: outcome))
            throw error
        } catch {
            _ = try? log.append(AccessLogDraft(user: user, command: command, query: query, requestReference: request, outcome: "failed"))
            throw error
        }
        try log.append(AccessLogDraft(user: user, command: command, query: query, requestReference: request,
                                      records: details.records, files: details.files, decisions: details.decisions))
        return value
    }

    /// The filters as given, for the log (a personnummer searched for is logged: the log is
    /// itself a protected record of the organisation).
    static func describe(_ q: SearchQuery) -> [String: String] {
        var d: [String: String] = [:]
        d["diarienummer"] = q.diarienummer
        d["text"] = q.text
        d["party"] = q.party
        d["from"] = q.from
        d["to"] = q.to
        d["class"] = q.classification
        d["type"] = q.recordType
        d["status"] = q.status
        d["limit"] = String(q.limit)
        d["offset"] = String(q.offset)
        return d
    }
}
