/// What the ERMS parse hands to the writing side (`ERMSRowWriter`), in document order: plain
/// values, so the parse can run on a thread of its own while the calling thread writes rows.
///
/// Row ids exist only on the writing side: the `caseID` and `recordID` of the rows below are
/// placeholders (0, nil) that `ERMSRowWriter` fills in.
enum ERMSIndexItem {
    /// A case (written when its first record, a nested aggregation or its end arrives) and its
    /// parties. `depth` is its place in the aggregation nesting, 0 for a top-level one.
    case caseFile(IndexedCase, parties: [IndexedParty], depth: Int)
    /// A record of the case last written at `depth`, its parties and its appendices.
    case record(IndexedRecord, parties: [IndexedParty], appendices: [Appendix], depth: Int)

    struct Appendix {
        var name: String?
        /// As written in the ERMS.
        var path: String
        /// Its path in the AIP, or nil when `path` is refused (absolute, climbing out with `..`).
        var logicalPath: String?
    }
}
