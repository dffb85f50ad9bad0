import Foundation

/// An OCFL 1.1 object inventory (`inventory.json`), field for field as the spec names them.
/// Digests are lower-case hex SHA-256; paths are `/`-separated and relative to the object root
/// (manifest) or to the version's logical root (state).
public struct OCFLInventory: Codable, Equatable, Sendable {
    public static let inventoryType = "https://ocfl.io/1.1/spec/#inventory"

    public var id: String
    public var type: String
    public var digestAlgorithm: String
    /// The highest version, e.g. `v3`.
    public var head: String
    /// Content directory name inside each version; nil means `content`.
    public var contentDirectory: String?
    /// digest → content paths (`v1/content/…`) holding those bytes.
    public var manifest: [String: [String]]
    /// `v1`, `v2`, … → version.
    public var versions: [String: Version]
    /// Optional extra digests: algorithm → digest → content paths.
    public var fixity: [String: [String: [String]]]?

    public struct Version: Codable, Equatable, Sendable {
        /// RFC 3339 with a time zone.
        public var created: String
        public var message: String?
        public var user: User?
        /// digest → logical paths with those bytes in this version.
        public var state: [String: [String]]

        public init(created: String, message: String?, user: User?, state: [String: [String]]) {
            self.created = created
            self.message = message
            self.user = user
            self.state = state
        }
    }

    public struct User: Codable, Equatable, Sendable {
        public var name: String
        /// A URI (`mailto:…`, `https://…`) per OCFL W009.
        public var address: String?

        public init(name: String, address: String?) {
            self.name = name
            self.address = address
        }
    }

    public init(id: String, head: String, manifest: [String: [String]], versions: [String: Version],
                fixity: [String: [String: [String]]]? = nil) {
        self.id = id
        self.type = Self.inventoryType
        self.digestAlgorithm = "sha256"
        self.head = head
        self.contentDirectory = nil
        self.manifest = manifest
        self.versions = versions
        self.fixity = fixity
    }

    /// The number of `head` (`v3` → 3); 0 if malformed.
    public var headVersionNumber: Int { Self.versionNumber(head) ?? 0 }

    /// All version numbers, ascending.
    public var versionNumbers: [Int] { versions.keys.compactMap(Self.versionNumber).sorted() }

    /// Logical path → digest for version `version`; empty when the object has no such version
    /// (check `versions["v\(n)"]` to tell the two apart).
    public func state(of version: Int) -> [String: String] {
        guard let v = versions[Self.versionName(version)] else { return [:] }
        var out: [String: String] = [:]
        for (digest, paths) in v.state { for path in paths { out[path] = digest } }
        return out
    }

    /// The digest of `logicalPath` in version `version`; nil if that version has no such path.
    /// One pass over the version's state, without building `state(of:)`'s map of every path
    /// (for a caller that reads one file of a large object).
    public func digest(of logicalPath: String, version: Int) -> String? {
        guard let v = versions[Self.versionName(version)] else { return nil }
        for (digest, paths) in v.state where paths.contains(logicalPath) { return digest }
        return nil
    }

    /// The first content path holding `digest`, relative to the object root.
    public func contentPath(for digest: String) -> String? {
        manifest[digest.lowercased()]?.sorted().first
    }

    /// `content` unless the inventory names another content directory.
    public var contentDirectoryName: String { contentDirectory ?? "content" }

    public static func versionName(_ number: Int) -> String { "v\(number)" }

    /// `v3` → 3; nil for anything else (including zero-padded `v03`, which this code never writes).
    public static func versionNumber(_ name: String) -> Int? {
        guard name.hasPrefix("v"), let n = Int(name.dropFirst()), n > 0, "v\(n)" == name else { return nil }
        return n
    }
}
