import BevaraIndex
import Foundation
import BevaraIngest
import BevaraModel

/// What a user can do with an archive's records: search, show, retrieve. Every call applies
/// `AccessPolicy`; the CLI (and later an HTTP service) only parses and prints.
public struct AccessService {
    public let archive: Archive
    public let user: ArchiveUser
    public let policy: AccessPolicy

    public init(archive: Archive, user: ArchiveUser) {
        self.archive = archive
        self.user = user
        self.policy = AccessPolicy(user: user)
    }

    /// A page of hits in the user's own organisation, restricted content withheld as the policy says.
    public func search(_ query: SearchQuery) throws -> RegistrarSearch.Result {
        try RegistrarSearch(archive: archive, policy: policy).run(query)
    }

    /// A case by diarienummer, or the case of a record by record id, as the user may see it.
    /// Another organisation's id gives the same answer as an id that does not exist.
    public func show(_ id: String) throws -> [CaseView] {
        try policy.checkRead()
        let organisations = policy.readableOrganisations
        var found = try archive.index.caseContaining(recordID: id, organisations: organisations)
        if found.isEmpty { found = try archive.index.cases(diarienummer: id, organisations: organisations) }
        guard !found.isEmpty else { throw AccessError.notFound(id: id) }
        return found.map { CaseView($0, policy: policy) }
    }

    /// Builds a disclosure package for a request; secrecy-marked records are withheld unless a
    /// decision (made now, or recorded earlier) releases them. Registrars only.
    public func retrieve(_ order: DisclosureOrder, now: Date = Date()) throws -> DisclosureResult {
        try Retriever(archive: archive, policy: policy, now: now).run(order).result
    }
}
