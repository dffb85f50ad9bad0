/// The kinds of search a registrar makes, each measured on its own; `isFullText` ones have the
/// 50 ms goal, the metadata ones 10 ms (issue 5, P4).
enum QueryKind: String, CaseIterable {
    case diarienummerExact = "diarienummer exact"
    case diarienummerPrefix = "diarienummer prefix"
    case partyName = "party name"
    case partyNumber = "party personnummer"
    case dateRange = "date range"
    case fullText = "full text"

    var isFullText: Bool { self == .fullText }
    /// The p95 goal in milliseconds.
    var goalP95Milliseconds: Double { isFullText ? 50 : 10 }
}
