import BevaraModel

/// A party of a case, or of one record of it (sender, recipient).
public struct IndexedParty: Hashable, Sendable {
    public var caseID: Int64
    /// Set when the party belongs to a record rather than to the case as a whole.
    public var recordID: Int64?
    public var name: String
    /// The organisation a person party acts for, or an organisation party's name when `name` is a contact.
    public var organisation: String?
    /// ERMS agent type or role (`counterpart`, `sender`, `recipient`, `applicant` …).
    public var role: String
    /// The number as delivered; `identityKey` is what searches compare.
    public var identityNumber: String?
    /// Skyddad identitet: name and number are kept out of the full-text index.
    public var protectedIdentity: Bool

    public init(caseID: Int64, recordID: Int64? = nil, name: String, organisation: String? = nil, role: String,
                identityNumber: String? = nil,
                protectedIdentity: Bool = false) {
        self.caseID = caseID
        self.recordID = recordID
        self.name = name
        self.organisation = organisation
        self.role = role
        self.identityNumber = identityNumber
        self.protectedIdentity = protectedIdentity
    }

    /// Canonical 12 digits (`IdentityNumber.canonical`), nil when the number does not parse.
    public var identityKey: String? {
        identityNumber.flatMap { IdentityNumber($0).canonical }
    }
}
