/// The files and folders `ArchiveExtractor` has created so far, to refuse a name seen twice or a
/// file where a folder must be. Kept as 8-byte hashes (`String.hashValue`), not the names, so a
/// package of a million files does not hold every path while it unpacks. Equal names (Swift's
/// `==`, which also equates a composed and a decomposed "å", as the set of names did) always
/// match; two different names match only if their 64-bit hashes collide (about 1 in 10⁹ for a
/// package of 100,000 names), which refuses the package, never lets a duplicate through.
struct ExtractedNames {
    private var files = Set<Int>()
    private var directories = Set<Int>()

    mutating func addFile(_ name: String) { files.insert(name.hashValue) }

    mutating func addDirectory(_ name: String) { directories.insert(name.hashValue) }

    /// True when an earlier entry was a file of this name.
    func isFile(_ name: String) -> Bool { files.contains(name.hashValue) }

    /// True when a folder of this name was made.
    func isDirectory(_ name: String) -> Bool { directories.contains(name.hashValue) }
}
