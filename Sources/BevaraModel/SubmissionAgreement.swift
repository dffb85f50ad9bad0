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

    public func matches(mime other: String, puid: String?) -> Bool {
        guard mime.lowercased() == other.lowercased() else { return false }
        if puids.isEmpty { return true }
        guard let puid else { return false }
        return puids.contains(puid)
    }
}
