/// One search result: a case, or one record of it.
public struct SearchHit: Hashable, Sendable {
    /// The package (OCFL object) holding the case.
    public var objectID: String
    public var organisationID: String
    public var caseDiarienummer: String
    public var caseTitle: String
    /// Set when the hit is a record.
    public var recordID: String?
    public var recordTitle: String?
    /// The record's date, or the case's opening date for a case hit (`YYYY-MM-DD`).
    public var date: String?
    /// True when the record or its case carries a secrecy marking.
    public var restricted: Bool
    /// The markings' lagrum (record's, then case's), nil when none was given.
    public var legalReference: String?
    /// True when a party of the hit (the case's, or the record's own) has protected identity.
    public var protectedIdentity: Bool
    /// Full-text relevance (FTS5 bm25: lower is better); 0 without a text query, and for text
    /// queries too broad to rank (`SearchOrder`).
    public var rank: Double

    public init(objectID: String, organisationID: String, caseDiarienummer: String, caseTitle: String,
                recordID: String?, recordTitle: String?, date: String?, restricted: Bool, legalReference: String?,
                protectedIdentity: Bool, rank: Double) {
        self.objectID = objectID
        self.organisationID = organisationID
        self.caseDiarienummer = caseDiarienummer
        self.caseTitle = caseTitle
        self.recordID = recordID
        self.recordTitle = recordTitle
        self.date = date
        self.restricted = restricted
        self.legalReference = legalReference
        self.protectedIdentity = protectedIdentity
        self.rank = rank
    }
}
