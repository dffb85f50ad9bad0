/// What `DIPWriter.write` produced.
public struct DIPSummary: Sendable, Codable, Equatable {
    /// `mets/@OBJID`; also the top folder inside a `.zip`.
    public var objid: String
    /// Released content files (not counting the cover list, METS, PREMIS and schemas).
    public var files: Int
    /// Bytes of released content.
    public var bytes: Int64
    /// The finished package: the folder, or the `.zip`.
    public var path: String
    /// Cover-list rows by outcome.
    public var released: Int
    public var masked: Int
    public var withheld: Int
    /// Fingerprint for a receipt or the access log: SHA-256 of the `.zip`, or of the root
    /// `METS.xml` for a folder (which pins every other file through its checksums).
    public var sha256: String

    public init(objid: String, files: Int, bytes: Int64, path: String, released: Int, masked: Int, withheld: Int, sha256: String) {
        self.objid = objid
        self.files = files
        self.bytes = bytes
        self.path = path
        self.released = released
        self.masked = masked
        self.withheld = withheld
        self.sha256 = sha256
    }
}
