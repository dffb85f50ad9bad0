/// A record (handling) of an indexed case.
public struct IndexedRecord: Hashable, Sendable {
    /// Row id returned by `IndexWriter.addCase`.
    public var caseID: Int64
    /// The record's identifier in the export (`KS 2021/123:4`).
    public var recordID: String
    /// Handlingstyp (Ansökan, Beslut …).
    public var type: String?
    /// ERMS `directionDefinition` (`incoming`, `outgoing`, `internal_memo_without_follow-up`, `other`).
    public var direction: String?
    /// `YYYY-MM-DD`: received, expedited, else created (when that is the record's own date).
    public var date: String?
    public var title: String
    public var secrecy: IndexedSecrecy

    public init(caseID: Int64, recordID: String, type: String? = nil, direction: String? = nil, date: String? = nil,
                title: String, secrecy: IndexedSecrecy = .none) {
        self.caseID = caseID
        self.recordID = recordID
        self.type = type
        self.direction = direction
        self.date = date
        self.title = title
        self.secrecy = secrecy
    }
}
