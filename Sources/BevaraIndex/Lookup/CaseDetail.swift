/// A case with everything the index holds about it: for `bevara show` and disclosure. The index
/// returns it whole; the access layer decides what a user may see.
public struct CaseDetail: Codable, Sendable, Equatable {
    public var objectID: String
    public var organisationID: String
    public var diarienummer: String
    public var title: String
    public var status: String?
    public var opened: String?
    public var closed: String?
    public var classification: String?
    public var classificationText: String?
    public var unit: String?
    public var handlingOfficer: String?
    public var restricted: Bool
    public var legalReference: String?
    public var parties: [PartyDetail]
    public var records: [RecordDetail]
}

public struct RecordDetail: Codable, Sendable, Equatable {
    public var recordID: String
    public var type: String?
    public var direction: String?
    public var date: String?
    public var title: String
    public var restricted: Bool
    public var legalReference: String?
    public var parties: [PartyDetail]
    public var files: [FileDetail]
}

public struct PartyDetail: Codable, Sendable, Equatable {
    public var name: String
    public var organisation: String?
    public var role: String
    public var identityNumber: String?
    public var protected: Bool
}

public struct FileDetail: Codable, Sendable, Equatable {
    /// Logical path in the AIP (read it through storage's verified read).
    public var logicalPath: String
    public var originalName: String?
    public var size: Int64
    public var sha256: String
    public var mime: String
    public var puid: String?
}
