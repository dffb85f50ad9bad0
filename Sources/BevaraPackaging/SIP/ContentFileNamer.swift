/// `PackageLayout.contentFileName` with the slug of recent original names remembered: exports
/// repeat names (`Beslut.pdf`, `Kvittens.docx`), and the slug's Unicode folding through
/// Foundation cost about a tenth of the writer's time per file. The cache is bounded (cleared
/// when full), so memory does not grow with the export.
struct ContentFileNamer {
    static let capacity = 4096
    private var slugs: [String: String] = [:]

    mutating func name(index: Int, originalName: String) -> String {
        let slug: String
        if let known = slugs[originalName] {
            slug = known
        } else {
            slug = PackageLayout.contentFileSlug(originalName)
            if slugs.count >= Self.capacity { slugs.removeAll(keepingCapacity: true) }
            slugs[originalName] = slug
        }
        return PackageLayout.pad(index, 3) + "-" + slug
    }
}
