/// The order of a page's hits.
///
/// - Metadata searches: newest first (record date, or the case's opening date).
/// - Full-text and party-name searches with up to 2,000 matching hits: by relevance (bm25).
/// - Broader ones are not ranked (ranking reads every match): newest first when other filters
///   are combined with the text, otherwise in index order, latest indexed first (per
///   organisation: matching cases, then records). Narrowing the search brings back relevance.
public enum SearchOrder: String, Hashable, Sendable, Codable {
    case relevance
    case newestFirst = "newest-first"
    case latestIndexedFirst = "latest-indexed-first"
}
