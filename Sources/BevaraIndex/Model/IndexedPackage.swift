/// One archived package (an OCFL object) as the index knows it: the version indexed and its
/// size. Ingest compares `version` with storage to decide whether a package needs (re)indexing.
public struct IndexedPackage: Codable, Hashable, Sendable {
    /// The OCFL object id (the AIP's `OBJID`), unique across the archive.
    public var objectID: String
    public var organisationID: String
    public var agreementID: String
    /// The OCFL version number the index rows describe (`v3` → 3).
    public var version: Int
    public var label: String?
    /// When the package was first created (ISO 8601), as the AIP says; not when it was indexed.
    public var created: String
    /// Who submitted the version (user or system id), if known.
    public var submittedBy: String?
    public var fileCount: Int
    public var byteCount: Int64

    public init(objectID: String, organisationID: String, agreementID: String, version: Int, label: String? = nil,
                created: String, submittedBy: String? = nil, fileCount: Int, byteCount: Int64) {
        self.objectID = objectID
        self.organisationID = organisationID
        self.agreementID = agreementID
        self.version = version
        self.label = label
        self.created = created
        self.submittedBy = submittedBy
        self.fileCount = fileCount
        self.byteCount = byteCount
    }
}
