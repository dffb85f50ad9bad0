/// A party (part, motpart, avsändare, mottagare): a person or an organisation.
public struct Party: Codable, Hashable, Sendable {
    public enum Role: String, Codable, Sendable {
        case counterpart, sender, recipient, applicant, other
    }

    public var name: String
    public var identityNumber: IdentityNumber?
    public var organisation: String?
    public var address: String?
    public var role: Role
    /// Skyddad identitet: the name, address and number must never be shown in clear without review.
    public var protectedIdentity: Bool
    public var source: SourceLocation?

    public init(name: String, identityNumber: IdentityNumber? = nil, organisation: String? = nil,
                address: String? = nil, role: Role, protectedIdentity: Bool = false, source: SourceLocation? = nil) {
        self.name = name
        self.identityNumber = identityNumber
        self.organisation = organisation
        self.address = address
        self.role = role
        self.protectedIdentity = protectedIdentity
        self.source = source
    }

    /// CITS ERMS `agent/@agentType` for this role.
    public var ermsAgentType: String {
        switch role {
        case .counterpart, .applicant: return "counterpart"
        case .sender: return "sender"
        case .recipient: return "recipient"
        case .other: return "other"
        }
    }
}
