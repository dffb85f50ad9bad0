/// A file of a package's current state.
public struct IndexedFile: Hashable, Sendable {
    public var objectID: String
    /// The record the file belongs to, when known (ERMS `appendix`); see `IndexWriter.linkFile`.
    public var recordID: Int64?
    /// Logical path in the AIP (`representations/rep1/data/KS_2021_123/001-x.pdf`).
    public var logicalPath: String
    public var size: Int64
    /// Lower-case hex SHA-256.
    public var sha256: String
    public var mime: String
    public var puid: String?

    public init(objectID: String, recordID: Int64? = nil, logicalPath: String, size: Int64, sha256: String,
                mime: String, puid: String? = nil) {
        self.objectID = objectID
        self.recordID = recordID
        self.logicalPath = logicalPath
        self.size = size
        self.sha256 = sha256
        self.mime = mime
        self.puid = puid
    }
}
