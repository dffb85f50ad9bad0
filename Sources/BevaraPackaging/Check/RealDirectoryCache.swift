import BevaraArchiveIO
import Foundation

/// Real paths (`realpath`) of the export's directories, each resolved once: a file that `lstat`
/// shows is no link has the real path `realpath(its folder) + "/" + name`, so checking that a
/// file stays inside the export costs one `realpath` per folder instead of one per file.
///
/// Bounded: the cache is emptied when it holds `capacity` folders, so memory does not grow
/// with the export.
final class RealDirectoryCache {
    private let realRoot: String
    private let realRootSlash: String
    private let fileRoot: String
    private var known: [Substring: String?] = [:]
    private let capacity: Int

    init(fileRoot: String, realRoot: String, capacity: Int = 8192) {
        self.fileRoot = fileRoot
        self.realRoot = realRoot
        self.realRootSlash = realRoot.hasSuffix("/") ? realRoot : realRoot + "/"
        self.capacity = capacity
    }

    /// The real path of `relative` (validated by `SafePath.validateRelative`, and not a symbolic
    /// link itself) if it lies inside the real file root; nil if it escapes or its folder is gone.
    func resolve(_ relative: String) -> String? {
        guard let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/")) else {
            return realRootSlash + relative
        }
        let folder = relative[..<slash]
        let name = relative[relative.index(after: slash)...]
        let realFolder: String?
        if let cached = known[folder] {
            realFolder = cached
        } else {
            if known.count >= capacity { known.removeAll(keepingCapacity: true) }
            realFolder = SafePath.realPath(fileRoot + "/" + folder)
            known[folder] = realFolder
        }
        guard let realFolder, realFolder == realRoot || realFolder.hasPrefix(realRootSlash) else { return nil }
        return realFolder + "/" + name
    }
}
