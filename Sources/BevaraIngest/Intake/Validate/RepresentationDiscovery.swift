import Foundation

/// Finds the package's representations: `Representations/<name>` file groups of the root METS,
/// representation METS files the root lists (a file or a structMap `mptr`), and
/// `representations/<name>/METS.xml` files present on disk. A representation METS that the
/// root points at but that does not exist is reported here when no fileSec entry lists it (a
/// listed one is reported by the fixity check).
struct RepresentationDiscovery {
    struct Candidate {
        var name: String
        /// `representations/<name>/METS.xml`, when it exists.
        var metsPath: String?
        /// True when the root METS lists or points at the METS.
        var referencedByRoot: Bool
        var groupContentInformationType: String?
    }

    let document: METSDocument
    /// Paths of the root fileSec's files that name a representation METS
    /// (`representationName(ofMETS:)`), a few however many files the package has.
    let listedMETS: Set<String>
    /// Which of the given paths the root fileSec lists (asked once, for the mptr targets).
    let listedAmong: (Set<String>) throws -> Set<String>
    let root: String
    let log: FindingLog

    func run() throws -> [Candidate] {
        var order: [String] = []
        var candidates: [String: Candidate] = [:]
        func note(_ name: String) {
            if candidates[name] == nil {
                order.append(name)
                candidates[name] = Candidate(name: name, metsPath: nil, referencedByRoot: false)
            }
        }
        for group in document.fileGroups {
            guard let use = group.use, use.hasPrefix("Representations/") else { continue }
            // `Representations/rep1` or a sub-folder group such as `Representations/rep1/data` (CSIP64).
            guard let name = use.dropFirst("Representations/".count).split(separator: "/").first.map(String.init) else { continue }
            note(name)
            if candidates[name]?.groupContentInformationType == nil {
                candidates[name]?.groupContentInformationType = group.contentInformationType
            }
        }
        var pointed: [(path: String, line: Int)] = []
        // Only the CSIP structMap's URL pointers name representation METS files; other maps may
        // point elsewhere (RODA's "Ancestors" mptr holds a HANDLE to a parent package).
        for map in document.structMaps where map.label == "CSIP" {
            for pointer in map.pointers where pointer.locator.locType == "URL" {
                guard let href = pointer.locator.href, !href.isEmpty else { continue }
                if case .path(let path) = HrefResolver.resolve(href, base: "", root: root) {
                    pointed.append((path, pointer.locator.line))
                } else {
                    log.error(SIPRule.pathUnsafe, path: document.path, line: pointer.locator.line, "mptr xlink:href '\(href)' is not a safe relative path")
                }
            }
        }
        let listed = listedMETS.union(try listedAmong(Set(pointed.map(\.path))))
        for path in Array(listedMETS).sorted() + pointed.map(\.path) {
            guard let name = Self.representationName(ofMETS: path) else { continue }
            note(name)
            candidates[name]?.referencedByRoot = true
        }
        for (path, line) in pointed where !listed.contains(path) && !Self.isRegularFile(root + "/" + path) {
            log.error(SIPRule.fileMissing, path: path, "the structMap points at this representation METS (mptr, METS.xml line \(line)), but the package has no such file")
        }
        if let names = try? FileManager.default.contentsOfDirectory(atPath: root + "/representations") {
            for name in names.sorted() where Self.isRegularFile(root + "/representations/\(name)/METS.xml") {
                note(name)
            }
        }
        return order.map { name in
            var candidate = candidates[name]!
            let path = "representations/\(name)/METS.xml"
            if Self.isRegularFile(root + "/" + path) { candidate.metsPath = path }
            return candidate
        }
    }

    /// `rep1` for `representations/rep1/METS.xml`.
    static func representationName(ofMETS path: String) -> String? {
        // Asked of every path of a package: the bytes tell first whether it can be one. Neither
        // word has another spelling (no canonical equivalent of their ASCII letters), so a path
        // without these bytes is not a representation's METS whatever its characters.
        guard path.utf8.starts(with: "representations/".utf8), path.utf8.reversed().starts(with: "/METS.xml".utf8.reversed()) else {
            return nil
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "representations", parts[2] == "METS.xml", !parts[1].isEmpty else { return nil }
        return String(parts[1])
    }

    static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }
}
