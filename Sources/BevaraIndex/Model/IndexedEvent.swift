/// A preservation event of a package (PREMIS): ingest, fixity check, migration ….
public struct IndexedEvent: Hashable, Sendable {
    public var objectID: String
    /// The package version the event belongs to.
    public var version: Int
    public var type: String
    /// ISO 8601 date-time.
    public var dateTime: String
    public var outcome: String?
    public var detail: String?
    public var agent: String?

    public init(objectID: String, version: Int, type: String, dateTime: String, outcome: String? = nil,
                detail: String? = nil, agent: String? = nil) {
        self.objectID = objectID
        self.version = version
        self.type = type
        self.dateTime = dateTime
        self.outcome = outcome
        self.detail = detail
        self.agent = agent
    }
}
