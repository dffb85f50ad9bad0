/// A file released by an access command: its logical path in the AIP and its SHA-256, so the log
/// proves which bytes left the archive.
public struct LoggedFile: Codable, Sendable, Equatable, Hashable {
    /// The logical path inside the archived package (e.g. `representations/rep1/data/beslut.pdf`).
    public var path: String
    /// Lower-case hex SHA-256 of the bytes released.
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}
