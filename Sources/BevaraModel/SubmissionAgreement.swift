/// A submission agreement (leveransöverenskommelse) between one party and the archive, for one
/// source system and information type.
///
/// It decides what a delivery may contain (accepted formats, size limits) and which preflight
/// findings are errors. Packages reference it as `altRecordID TYPE="SUBMISSIONAGREEMENT"`.
public struct SubmissionAgreement: Codable, Hashable, Sendable {
    public var id: String
    /// Id of the `Organisation` that delivers and owns the records.
    public var organisationID: String
    public var archivalCreator: ArchivalCreator
    public var sourceSystem: SourceSystem
    /// Id of the profile that maps this system's export onto the model.
    public var profileID: String
    /// MIME types (and optionally PRONOM ids) the archive accepts under this agreement.
    public var acceptedFormats: [AcceptedFormat]
    /// Largest SIP in bytes the archive accepts, if limited; larger exports are split.
    public var maxPackageBytes: Int64?
    /// Whether zero-byte files are accepted (default: no, they are errors).
    public var allowZeroByteFiles: Bool
    /// Free text: scope, delivery schedule, contacts. Kept in the package's documentation.
    public var notes: String?
    /// Preflight rules whose severity this agreement changes (rule id → `error` or `warning`).
    public var ruleSeverity: [String: Finding.Severity]?

    public init(id: String, organisationID: String, archivalCreator: ArchivalCreator, sourceSystem: SourceSystem,
                profileID: String, acceptedFormats: [AcceptedFormat], maxPackageBytes: Int64? = nil,
                allowZeroByteFiles: Bool = false, notes: String? = nil) {
        self.id = id
        self.organisationID = organisationID
        self.archivalCreator = archivalCreator
        self.sourceSystem = sourceSystem
        self.profileID = profileID
        self.acceptedFormats = acceptedFormats
        self.maxPackageBytes = maxPackageBytes
        self.allowZeroByteFiles = allowZeroByteFiles
        self.notes = notes
    }

    private enum CodingKeys: String, CodingKey {
        case id, organisationID, archivalCreator, sourceSystem, profileID, acceptedFormats, maxPackageBytes,
             allowZeroByteFiles, notes, ruleSeverity
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        organisationID = try c.decode(String.self, forKey: .organisationID)
        archivalCreator = try c.decode(ArchivalCreator.self, forKey: .archivalCreator)
        sourceSystem = try c.decode(SourceSystem.self, forKey: .sourceSystem)
        profileID = try c.decode(String.self, forKey: .profileID)
        acceptedFormats = try c.decode([AcceptedFormat].self, forKey: .acceptedFormats)
        maxPackageBytes = try c.decodeIfPresent(Int64.self, forKey: .maxPackageBytes)
        allowZeroByteFiles = try c.decodeIfPresent(Bool.self, forKey: .allowZeroByteFiles) ?? false
        notes = try c.decodeIfPresent(String.self, forKey: .notes)
        ruleSeverity = try c.decodeIfPresent([String: Finding.Severity].self, forKey: .ruleSeverity)
    }

    /// True if a file identified as `mime` (and `puid`, when known) may be delivered.
    public func accepts(mime: String, puid: String?) -> Bool {
        acceptedFormats.contains { $0.matches(mime: mime, puid: puid) }
    }
}

/// One accepted format: a MIME type, optionally narrowed to PRONOM ids.
public struct AcceptedFormat: Codable, Hashable, Sendable {
    public var mime: String
    /// If non-empty, only these PRONOM PUIDs of the MIME type are accepted.
    public var puids: [String]
    public var name: String?

    public init(mime: String, puids: [String] = [], name: String? = nil) {
        self.mime = mime
        self.puids = puids
        self.name = name
    }

    private enum CodingKeys: String, CodingKey { case mime, puids, name }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        mime = try c.decode(String.self, forKey: .mime)
        puids = try c.decodeIfPresent([String].self, forKey: .puids) ?? []
        name = try c.decodeIfPresent(String.self, forKey: .name)
    }

    public func matches(mime other: String, puid: String?) -> Bool {
        guard Self.sameIgnoringCase(mime, other) else { return false }
        if puids.isEmpty { return true }
        guard let puid else { return false }
        return puids.contains(puid)
    }

    /// `a.lowercased() == b.lowercased()`. Byte by byte when both are ASCII (MIME types are):
    /// lower-casing made two strings a comparison, for every accepted format, for every file.
    static func sameIgnoringCase(_ a: String, _ b: String) -> Bool {
        guard a.isASCII, b.isASCII else { return a.lowercased() == b.lowercased() }
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a, b = b  // `withUTF8` is mutating: it makes a bridged string native first
        return a.withUTF8 { x in b.withUTF8 { y in x.indices.allSatisfy { lower(x[$0]) == lower(y[$0]) } } }
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
