/// A person who uses the archive, with one role and (except administrators) one organisation.
///
/// Roles follow the shared-archive model (domain notes §6.2): an archivist submits and approves
/// deliveries for their own organisation; a registrar searches and discloses their own
/// organisation's records and decides on secrecy; an officer (handläggare) searches and reads
/// their organisation's non-restricted records; an administrator runs the platform and never
/// reads content.
public struct ArchiveUser: Codable, Hashable, Sendable {
    public enum Role: String, Codable, Sendable, CaseIterable {
        case archivist, registrar, officer, administrator
    }

    public var id: String
    public var name: String
    public var role: Role
    /// The organisation whose records this user works with; nil for administrators.
    public var organisationID: String?

    public init(id: String, name: String, role: Role, organisationID: String?) {
        self.id = id
        self.name = name
        self.role = role
        self.organisationID = organisationID
    }
}
