/// The order of a page's hits.
///
/// - Metadata and party searches: `newestFirst` (record date, or the case's opening date).
/// - Full-text searches with up to 2,000 matching hits: `relevance` (bm25).
/// - Broader ones are not ranked, because ranking reads every match: `unrankedNewestFirst` when
///   other filters are combined with the text, otherwise `latestIndexedFirst` (per organisation:
///   matching cases, then records, the latest indexed first). A party name alone with more than
///   500 hits is also listed `latestIndexedFirst`. Narrowing the search brings back relevance
///   or date order.
public enum SearchOrder: String, Hashable, Sendable, Codable {
    case relevance
    case newestFirst = "newest-first"
    case unrankedNewestFirst = "unranked-newest-first"
    case latestIndexedFirst = "latest-indexed-first"

    /// True when the search had too many hits to be ranked or dated.
    public var isUnranked: Bool { self == .unrankedNewestFirst || self == .latestIndexedFirst }
}
