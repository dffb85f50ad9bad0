/// A secrecy decision made during an access command (release, mask, deny), with the reason
/// given and the legal reference (lagrum) it rests on.
public struct LoggedDecision: Codable, Sendable, Equatable, Hashable {
    public var recordID: String
    /// `release`, `mask` or `deny` (the access policy's vocabulary; the log stores it as given).
    public var decision: String
    public var reason: String
    /// E.g. `OSL 26 kap. 1 §`; nil when the record carried no secrecy marking.
    public var legalReference: String?

    public init(recordID: String, decision: String, reason: String, legalReference: String? = nil) {
        self.recordID = recordID
        self.decision = decision
        self.reason = reason
        self.legalReference = legalReference
    }
}
