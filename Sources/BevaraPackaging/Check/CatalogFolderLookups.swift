import BevaraProfiles

/// The two per-folder lookups packaging needs from the staging catalog.
extension FolderLookup where Answer == Void {
    /// Whether a record references a path (`catalog.isReferenced`).
    static func referenced(in catalog: ExportCatalog) -> FolderLookup<Void> {
        FolderLookup(inFolder: { try catalog.referencedNames(inFolder: $0, limit: $1) },
                     atPath: { try catalog.isReferenced(path: $0) ? () : nil })
    }
}

extension FolderLookup where Answer == ExportCatalog.ManifestEntry {
    /// The manifest's SHA-256 and line for a path (`catalog.manifestEntry`).
    static func manifest(in catalog: ExportCatalog) -> FolderLookup<ExportCatalog.ManifestEntry> {
        FolderLookup(inFolder: { try catalog.manifestEntries(inFolder: $0, limit: $1) },
                     atPath: { try catalog.manifestEntry(path: $0) })
    }
}
