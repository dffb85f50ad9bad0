/// The order of a page's hits.
///
/// - Metadata searches: `newestFirst` (record date, or the case's opening date).
/// - Full-text and party-name searches with up to 2,000 matching hits: `relevance` (bm25).
/// - Broader ones are not ranked, because ranking reads every match: `unrankedNewestFirst` when
///   other filters are combined with the text, otherwise `latestIndexedFirst` (per organisation:
///   matching cases, then records, the latest indexed first). Narrowing the search brings back
///   relevance.
public enum SearchOrder: String, Hashable, Sendable, Codable {
    case relevance
    case newestFirst = "newest-first"
    case unrankedNewestFirst = "unranked-newest-first"
    case latestIndexedFirst = "latest-indexed-first"

    /// True when the search would have been ranked by relevance had it had fewer hits.
    public var isUnranked: Bool { self == .unrankedNewestFirst || self == .latestIndexedFirst }
}
