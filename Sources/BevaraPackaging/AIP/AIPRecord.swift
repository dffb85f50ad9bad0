import Foundation

/// Bevara's own record of an AIP (`metadata/other/bevara-aip.json`), rewritten in every version:
/// which organisation owns it, under which agreement, and each submission that made a version.
/// Reindex reads ownership from here, so the storage root alone says whose records are whose.
public struct AIPRecord: Codable, Hashable, Sendable {
    /// One accepted SIP: the version it became and how to recognise it if it is sent again.
    public struct Submission: Codable, Hashable, Sendable {
        public var version: Int
        /// File or folder name the SIP arrived as.
        public var packageName: String
        /// SHA-256 of the SIP's root METS: the same SIP sent twice is recognised by it.
        public var metsSHA256: String
        public var submittedBy: String
        public var ingested: Date
        public var files: Int
        public var bytes: Int64

        public init(version: Int, packageName: String, metsSHA256: String, submittedBy: String, ingested: Date,
                    files: Int, bytes: Int64) {
            self.version = version
            self.packageName = packageName
            self.metsSHA256 = metsSHA256
            self.submittedBy = submittedBy
            self.ingested = ingested
            self.files = files
            self.bytes = bytes
        }
    }

    public var objid: String
    public var label: String?
    public var organisationID: String
    public var agreementID: String
    public var created: Date
    public var submissions: [Submission]

    public init(objid: String, label: String?, organisationID: String, agreementID: String, created: Date,
                submissions: [Submission]) {
        self.objid = objid
        self.label = label
        self.organisationID = organisationID
        self.agreementID = agreementID
        self.created = created
        self.submissions = submissions
    }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }

    public static func decode(_ data: Data) throws -> AIPRecord {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(AIPRecord.self, from: data)
    }
}
