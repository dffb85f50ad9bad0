/// One file released in a disclosure package: a copy the registrar verified (a masked rendition)
/// or the verified stored file itself.
public struct DIPFile: Sendable, Equatable {
    /// Where the bytes are read from. Read once, while they are copied into the package.
    public var sourcePath: String
    /// Path below `representations/rep1/data/`, `/`-separated, e.g. `KS_2021_123/001-Beslut.pdf`.
    public var packagePath: String
    /// Size and SHA-256 (hex) taken when the file was verified; the copy must match both.
    public var size: Int64
    public var sha256: String
    /// IANA media type, written as METS `MIMETYPE`.
    public var mime: String
    /// The record (handling) the file belongs to; recorded in PREMIS.
    public var recordID: String

    public init(sourcePath: String, packagePath: String, size: Int64, sha256: String, mime: String, recordID: String) {
        self.sourcePath = sourcePath
        self.packagePath = packagePath
        self.size = size
        self.sha256 = sha256
        self.mime = mime
        self.recordID = recordID
    }
}
