/// An organisation that is a party to the shared archive (a municipality or a kommunalförbund).
///
/// Each party is its own legal person and personuppgiftsansvarig: every package, index row and
/// log entry belongs to exactly one organisation.
public struct Organisation: Codable, Hashable, Sendable {
    /// Short stable id used in agreements and the archive config (`vanersborg`).
    public var id: String
    public var name: String
    /// The organisationsnummer, when it has been confirmed with the party.
    public var organisationNumber: String?
    /// False while `organisationNumber` is a placeholder that must be confirmed before production.
    public var organisationNumberConfirmed: Bool

    public init(id: String, name: String, organisationNumber: String?, organisationNumberConfirmed: Bool) {
        self.id = id
        self.name = name
        self.organisationNumber = organisationNumber
        self.organisationNumberConfirmed = organisationNumberConfirmed
    }

    /// The code written in METS agent notes (`IDENTIFICATIONCODE`): `ORG:<number>` when confirmed,
    /// otherwise the agreement-local id, so that no unconfirmed number is ever presented as real.
    public var identificationCode: String {
        if organisationNumberConfirmed, let number = organisationNumber { return "ORG:\(number)" }
        return "E-ARKIV-VAST:\(id)"
    }
}

/// The archival creator (arkivbildare): the authority, such as a nämnd, whose records these are.
public struct ArchivalCreator: Codable, Hashable, Sendable {
    public var name: String
    /// An identification code if known (organisationsnummer of the municipality, or a local id).
    public var identificationCode: String?

    public init(name: String, identificationCode: String? = nil) {
        self.name = name
        self.identificationCode = identificationCode
    }
}

/// The case-management system an export comes from.
public struct SourceSystem: Codable, Hashable, Sendable {
    public var name: String
    public var version: String?

    public init(name: String, version: String? = nil) {
        self.name = name
        self.version = version
    }
}
