import BevaraModel

/// Every access rule in one place, so the CLI and a future HTTP service apply the same ones.
///
/// - Organisation separation: a user reads only their own organisation's records; ids from
///   another organisation behave exactly like ids that do not exist.
/// - Secrecy: a secrecy-marked record always shows that it exists and why (its legal reference);
///   its title and parties only to a role that performs secrecy reviews (the registrar).
/// - Protected identity: never shown in clear to anyone; a placeholder replaces name, address and
///   identity number in every output and disclosure package.
/// - Administrators run the platform and read no content.
public struct AccessPolicy: Sendable {
    public let user: ArchiveUser

    public init(user: ArchiveUser) {
        self.user = user
    }

    /// The organisations whose records the user may search and read.
    public var readableOrganisations: Set<String> {
        guard user.role != .administrator, let org = user.organisationID else { return [] }
        return [org]
    }

    /// Whether the user may read at all (search, show).
    public func checkRead() throws(AccessError) {
        guard !readableOrganisations.isEmpty else {
            throw .notPermitted(user: user.id, action: "read records", reason: "the \(user.role.rawValue) role reads no content")
        }
    }

    /// Whether the user may record secrecy decisions and build disclosure packages.
    public func checkDisclose() throws(AccessError) {
        guard user.role == .registrar, user.organisationID != nil else {
            throw .notPermitted(user: user.id, action: "disclose records",
                                reason: "only a registrar decides on secrecy and builds disclosure packages")
        }
    }

    /// Whether a restricted record's title and parties may be shown to this user.
    public var seesRestrictedMetadata: Bool { user.role == .registrar }

    /// What replaces a withheld title or a protected identity in every output.
    public static let withheldTitle = "[sekretessmarkerad – innehåll visas inte]"
    public static let protectedIdentity = "[skyddad identitet]"
}
