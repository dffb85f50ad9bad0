/// What a registrar asks `retrieve` to do for one request.
public struct DisclosureOrder: Sendable {
    /// The request's own reference (its diarienummer or the registrar's note).
    public var requestReference: String
    /// Case diarienummer or record ids; a case means all its records.
    public var ids: [String]
    /// Decisions made now: record id → outcome, all with `reason`.
    public var decisions: [String: SecrecyDecision.Outcome]
    public var reason: String?
    /// Masked copies the registrar made, for records decided `mask`: record id → file path.
    public var maskedCopies: [String: String]
    /// Folder or `.zip` to write.
    public var out: String

    public init(requestReference: String, ids: [String], decisions: [String: SecrecyDecision.Outcome] = [:],
                reason: String? = nil, maskedCopies: [String: String] = [:], out: String) {
        self.requestReference = requestReference
        self.ids = ids
        self.decisions = decisions
        self.reason = reason
        self.maskedCopies = maskedCopies
        self.out = out
    }
}

/// What `retrieve` did: per record the outcome, and the package written.
public struct DisclosureResult: Codable, Sendable {
    public struct Line: Codable, Sendable {
        public var diarienummer: String
        public var recordID: String
        public var outcome: String
        public var legalReference: String?
        public var files: [String]
    }

    public var requestReference: String
    public var package: String
    public var lines: [Line]
    public var filesReleased: Int
    public var bytesReleased: Int64
}
