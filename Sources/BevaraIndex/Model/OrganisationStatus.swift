/// What the index holds for one organisation (the facts for volume and cost reports).
public struct OrganisationStatus: Codable, Hashable, Sendable {
    public var organisationID: String
    public var name: String?
    public var packages: Int
    public var cases: Int
    public var records: Int
    public var files: Int
    public var bytes: Int64

    public init(organisationID: String, name: String?, packages: Int, cases: Int, records: Int, files: Int, bytes: Int64) {
        self.organisationID = organisationID
        self.name = name
        self.packages = packages
        self.cases = cases
        self.records = records
        self.files = files
        self.bytes = bytes
    }
}
