/// One page of hits and how many hits the query has in all.
public struct SearchPage: Hashable, Sendable {
    public var hits: [SearchHit]
    /// The number of hits; when `totalIsLowerBound`, counting stopped there (10,000) and there
    /// are more: narrow the search.
    public var total: Int
    /// True when `total` is where counting stopped, not the whole count ("more than 10,000").
    public var totalIsLowerBound: Bool
    /// How the hits are ordered (broad full-text and party-name searches are not ranked).
    public var order: SearchOrder

    public init(hits: [SearchHit], total: Int, totalIsLowerBound: Bool = false, order: SearchOrder = .newestFirst) {
        self.hits = hits
        self.total = total
        self.totalIsLowerBound = totalIsLowerBound
        self.order = order
    }
}
