/// One page of hits and how many hits the query has in all.
public struct SearchPage: Hashable, Sendable {
    public var hits: [SearchHit]
    public var total: Int

    public init(hits: [SearchHit], total: Int) {
        self.hits = hits
        self.total = total
    }
}
