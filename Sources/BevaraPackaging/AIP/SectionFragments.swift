import BevaraXML
import Foundation

/// The spools `AIPMETSWriter` writes its sections into, one per section, beside the METS.
/// One is open at a time: the list comes in path order, where every section but the `Other`
/// group is a single run, so a spool is closed when a file of another section comes and opened
/// again, appending, if its section comes back.
final class SectionFragments {
    private let base: String
    private var paths: [AIPMETSWriter.Section: String] = [:]
    private var current: (section: AIPMETSWriter.Section, spool: Spool)?

    /// Spools will be `<path>.section-<n>`.
    init(beside path: String) {
        base = path
    }

    /// The writer for `section`'s spool, started at the depth its elements have in the METS.
    func writer(for section: AIPMETSWriter.Section) throws -> XMLWriter {
        if let current, current.section == section { return current.spool.writer }
        try finish()
        let known = paths[section]
        let path = known ?? "\(base).section-\(paths.count + 1)"
        paths[section] = path
        let spool = try Spool(path: path, depth: Self.depth(of: section), append: known != nil)
        current = (section, spool)
        return spool.writer
    }

    /// Closes the open spool.
    func finish() throws {
        guard let current else { return }
        self.current = nil
        try current.spool.close()
    }

    /// Copies `section`'s spool into `writer`'s open element; nothing if it has none.
    func insert(_ section: AIPMETSWriter.Section, into writer: XMLWriter) throws {
        guard let path = paths[section] else { return }
        try writer.insertFragment(at: path)
    }

    /// Deletes every spool (an open one's descriptor closes with its output).
    func removeAll() {
        current = nil
        for path in paths.values { unlink(path) }
    }

    /// `dmdSec` is a child of `mets`, `digiprovMD` of `mets/amdSec`, `file` of `mets/fileSec/fileGrp`.
    private static func depth(of section: AIPMETSWriter.Section) -> Int {
        switch section {
        case .descriptive: return 1
        case .preservation: return 2
        case .group: return 3
        }
    }
}
