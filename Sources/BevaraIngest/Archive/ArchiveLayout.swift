/// Where an archive keeps its parts. The storage root is the truth; everything else can be
/// rebuilt from it (the index) or is configuration.
public struct ArchiveLayout: Sendable {
    public let root: String

    public init(root: String) {
        var r = root
        while r.count > 1 && r.hasSuffix("/") { r.removeLast() }
        self.root = r
    }

    /// `bevara-archive.yaml`: archive name, users and roles, virus scanner.
    public var configuration: String { root + "/bevara-archive.yaml" }
    /// Agreements and parties, copied in at `archive init` so the archive describes itself.
    public var agreements: String { root + "/agreements" }
    /// The OCFL 1.1 storage root of AIPs.
    public var storage: String { root + "/storage" }
    /// The SQLite index: a cache of the storage root.
    public var index: String { root + "/index.sqlite" }
    /// Where incoming packages are unpacked and new OCFL versions are built; never read as truth.
    public var staging: String { root + "/staging" }
    /// Held for the whole of a writing command, so two ingests never interleave.
    public var lock: String { root + "/staging/archive.lock" }
}
