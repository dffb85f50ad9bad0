/// What a generator run (or a bundled fixture) wrote, counted as it was written.
public struct FixtureSummary: Sendable, Hashable, Codable {
    public var cases = 0
    public var records = 0
    /// Party entries: parties of cases plus senders and recipients of records (rows of
    /// `parter.csv`; `Motpart`, `Avsandare` and `Mottagare` elements in FGS).
    public var parties = 0
    public var files = 0
    /// Bytes of the attached files.
    public var fileBytes: Int64 = 0
    /// Bytes of the metadata (CSV tables and manifest, or the FGS XML).
    public var metadataBytes: Int64 = 0
    public var secrecyMarkedRecords = 0
    public var secrecyMarkedRecordsWithoutLegalReference = 0
    public var protectedIdentityParties = 0
    public var recordsWithoutFiles = 0
    /// Files per format (`FixtureFileKind` raw value → count).
    public var filesByKind: [String: Int] = [:]

    public init() {}

    /// Everything written: files and metadata.
    public var bytesWritten: Int64 { fileBytes + metadataBytes }
}
