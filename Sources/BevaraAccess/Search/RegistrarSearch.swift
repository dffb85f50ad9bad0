import BevaraIndex
import BevaraIngest

/// Search as a user: always within the organisations the policy allows, with restricted content
/// withheld from users who may not read it.
public struct RegistrarSearch {
    /// A page of results, as the user may see them.
    public struct Result: Codable, Sendable {
        public var total: Int
        /// True when counting stopped at `total` (10,000) and there are more hits.
        public var totalIsLowerBound: Bool
        /// How the hits are ordered: broad full-text and party-name searches are not ranked.
        public var order: SearchOrder
        public var offset: Int
        public var hits: [HitView]
    }

    public let archive: Archive
    public let policy: AccessPolicy

    public init(archive: Archive, policy: AccessPolicy) {
        self.archive = archive
        self.policy = policy
    }

    public func run(_ query: SearchQuery) throws -> Result {
        try policy.checkRead()
        var query = query
        // A full-text or party match on a restricted record would tell a user who may not read
        // its title that the hidden words or party are there; such users search only what they
        // may read (the record's existence still shows under the other filters).
        if !policy.seesRestrictedMetadata && (query.text != nil || query.party != nil) {
            query.excludeRestricted = true
        }
        let page = try archive.index.search(query, organisations: policy.readableOrganisations)
        return Result(total: page.total, totalIsLowerBound: page.totalIsLowerBound, order: page.order, offset: query.offset,
                      hits: page.hits.map { HitView($0, policy: policy) })
    }
}
