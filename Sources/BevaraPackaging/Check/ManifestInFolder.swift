import BevaraProfiles

/// `catalog.manifestEntry` answered from the manifest entries of the folder asked last, fetched
/// once per folder: files arrive folder by folder (a case's files share one), and a query per
/// file was ≈ 10 % of the thread that writes a package's content.
struct ManifestInFolder {
    static let folderLimit = 4096
    let catalog: ExportCatalog
    /// The folder as bytes: two folders may differ only in Unicode normalisation.
    private var folder: [UInt8]?
    private var entries: [[UInt8]: (sha256: String, line: Int)]?

    init(catalog: ExportCatalog) { self.catalog = catalog }

    /// The manifest's SHA-256 for `path` (relative to the file root) and the line it is on, if listed.
    mutating func entry(_ path: String) throws -> (sha256: String, line: Int)? {
        // Files directly in the file root, and crowded folders: one query each.
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return try catalog.manifestEntry(path: path) }
        let here = Array(path.utf8[..<slash])
        if here != folder {
            folder = here
            entries = try catalog.manifestEntries(inFolder: String(decoding: here, as: UTF8.self), limit: Self.folderLimit)
        }
        guard let entries else { return try catalog.manifestEntry(path: path) }
        return entries[Array(path.utf8[path.utf8.index(after: slash)...])]
    }
}
