import BevaraArchiveIO
import Foundation

/// Real paths (`realpath`) of the export's directories, each resolved once: a file that `lstat`
/// shows is no link has the real path `realpath(its folder) + "/" + name`, so checking that a
/// file stays inside the export costs one `lstat` per folder (see `realPath(of:)`) instead of a
/// `realpath` per file.
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

    /// The path of `relative` below the real root, with no check of its folders: for a path the
    /// caller already knows to lie in no linked folder (the tree walk reached it).
    func inRealRoot(_ relative: String) -> String { realRootSlash + relative }

    /// The real path of `relative` (validated by `SafePath.validateRelative`, and not a symbolic
    /// link itself) if it lies inside the real file root; nil if it escapes or its folder is gone.
    func resolve(_ relative: String) -> String? {
        guard let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/")) else {
            return realRootSlash + relative
        }
        let folder = relative[..<slash]
        let name = relative[relative.index(after: slash)...]
        guard let realFolder = realPath(of: folder),
              realFolder.hasSameUTF8(as: realRoot) || realFolder.hasUTF8Prefix(realRootSlash) else { return nil }
        return realFolder + "/" + name
    }

    /// The real path of the folder `folder` (relative to the file root), or nil if it is gone.
    /// A folder that `lstat` shows is a folder, not a link, inside a folder whose real path is
    /// known, has that path plus its name: one `lstat` instead of a `realpath` (one `readlink`
    /// per component of the whole path). A link, or anything unusual, gets the full `realpath`.
    private func realPath(of folder: Substring) -> String? {
        if let cached = known[folder] { return cached }
        if known.count >= capacity { known.removeAll(keepingCapacity: true) }
        var resolved: String?
        let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/"))
        let realParent = slash.map { realPath(of: folder[..<$0]) } ?? realRoot
        if let realParent {
            let name = slash.map { folder[folder.index(after: $0)...] } ?? folder
            let candidate = realParent + "/" + name
            var info = stat()
            if lstat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { resolved = candidate }
        }
        if resolved == nil { resolved = SafePath.realPath(fileRoot + "/" + folder) }
        known[folder] = resolved
        return resolved
    }
}
