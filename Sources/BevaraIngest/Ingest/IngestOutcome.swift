/// What happened to one package.
public struct IngestOutcome: Codable, Sendable {
    public enum Status: String, Codable, Sendable {
        /// A new AIP, or a new version of one.
        case archived
        /// The same SIP is already stored; nothing changed.
        case alreadyArchived = "already-archived"
        /// Storage held the SIP (an earlier run was stopped before indexing); the index is now complete.
        case indexCompleted = "index-completed"
        case rejected
    }

    public var package: String
    public var status: Status
    public var objectID: String?
    public var organisationID: String?
    public var agreementID: String?
    public var version: Int?
    public var files: Int
    public var bytes: Int64
    public var seconds: Double
    /// Errors and warnings, for rejected packages (and warnings of accepted ones).
    public var findings: [String]

    public init(package: String, status: Status, objectID: String? = nil, organisationID: String? = nil,
                agreementID: String? = nil, version: Int? = nil, files: Int = 0, bytes: Int64 = 0, seconds: Double = 0,
                findings: [String] = []) {
        self.package = package
        self.status = status
        self.objectID = objectID
        self.organisationID = organisationID
        self.agreementID = agreementID
        self.version = version
        self.files = files
        self.bytes = bytes
        self.seconds = seconds
        self.findings = findings
    }
}
