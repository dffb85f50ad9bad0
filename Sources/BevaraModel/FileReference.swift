import Foundation

/// A file that a record points to, as the export describes it.
///
/// `path` is relative to the export's file root and is checked for safety before it is ever
/// opened. What Bevara measures itself (size, SHA-256, format) lives in `FileFacts`.
public struct FileReference: Codable, Hashable, Sendable {
    /// Path as the export gives it (forward slashes; backslashes are normalised by the reader).
    public var path: String
    /// The original file name to preserve (defaults to the last path component).
    public var originalName: String
    /// Size the export declares, if any.
    public var declaredSize: Int64?
    /// Checksum the export declares, if any (verified when the algorithm is known).
    public var declaredChecksum: Checksum?
    /// MIME type the export declares, if any (Bevara identifies by content regardless).
    public var declaredMime: String?
    public var source: SourceLocation

    public init(path: String, originalName: String? = nil, declaredSize: Int64? = nil,
                declaredChecksum: Checksum? = nil, declaredMime: String? = nil, source: SourceLocation) {
        self.path = path
        self.originalName = originalName ?? String(path.split(separator: "/").last ?? Substring(path))
        self.declaredSize = declaredSize
        self.declaredChecksum = declaredChecksum
        self.declaredMime = declaredMime
        self.source = source
    }
}

/// A checksum with its algorithm, as declared by an export or a manifest.
public struct Checksum: Codable, Hashable, Sendable {
    public enum Algorithm: String, Codable, Sendable {
        case sha256 = "SHA-256"
        case sha512 = "SHA-512"
        case sha1 = "SHA-1"
        case md5 = "MD5"
        /// A vendor checksum Bevara records but cannot verify (e.g. a 32-bit integer).
        case unknown

        /// Parses the spellings seen in exports: `SHA256`, `sha-256`, `SHA-256` …
        public init(spelling: String) {
            switch spelling.uppercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "") {
            case "SHA256": self = .sha256
            case "SHA512": self = .sha512
            case "SHA1": self = .sha1
            case "MD5": self = .md5
            default: self = .unknown
            }
        }
    }

    public var algorithm: Algorithm
    /// Lower-case hex.
    public var value: String

    public init(algorithm: Algorithm, value: String) {
        self.algorithm = algorithm
        self.value = value.lowercased()
    }
}

/// What Bevara measured about a file while reading it once: size, SHA-256 and format.
public struct FileFacts: Codable, Hashable, Sendable {
    public var size: Int64
    /// Lower-case hex SHA-256.
    public var sha256: String
    public var format: FileFormat

    public init(size: Int64, sha256: String, format: FileFormat) {
        self.size = size
        self.sha256 = sha256
        self.format = format
    }
}

/// A format identified by content: MIME type always, PRONOM PUID and name where known.
public struct FileFormat: Codable, Hashable, Sendable {
    public var mime: String
    public var puid: String?
    public var name: String?
    public var version: String?

    public init(mime: String, puid: String? = nil, name: String? = nil, version: String? = nil) {
        self.mime = mime
        self.puid = puid
        self.name = name
        self.version = version
    }
}
