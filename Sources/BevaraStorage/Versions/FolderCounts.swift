import BevaraArchiveIO

/// How many files lie below each folder of a version being built: a `ScratchMap` of folder →
/// count (decimal), with the additions for the folder files last came into held in memory
/// until a file comes into another folder or one is removed.
///
/// Why: files arrive folder by folder, and each added one to every folder above it (six or so),
/// a lookup and a write in the map each, for the state and again for the new content: about
/// half of the builder's ≈ 100,000 instructions a file in an ingest of many small files. Held,
/// a folder's run of files costs one update per folder.
///
/// Answers stay exact: held additions are positive, so a held folder has files; for any other
/// folder the map's count is the whole count.
final class FolderCounts {
    private let map: ScratchMap
    /// The folders of the files whose additions are held (a path's `directoryPrefixes`,
    /// outermost first; the last is their parent), and how many files.
    private var heldFolders: [String] = []
    private var heldFiles = 0

    init(_ map: ScratchMap) {
        self.map = map
    }

    /// One file more below each of `folders`, a file's folders outermost first.
    func addFile(in folders: [String]) throws {
        guard let parent = folders.last else { return }
        if heldFiles > 0, let heldParent = heldFolders.last, heldParent.hasSameUTF8(as: parent) {
            heldFiles += 1
            return
        }
        try flush()
        heldFolders = folders
        heldFiles = 1
    }

    /// One file fewer below each of `folders`.
    func removeFile(in folders: [String]) throws {
        try flush()
        for folder in folders { try add(-1, to: folder) }
    }

    /// True when some file lies below `folder`.
    func hasFiles(_ folder: String) throws -> Bool {
        if heldFiles > 0, heldFolders.contains(where: { $0.hasSameUTF8(as: folder) }) { return true }
        return try map.value(folder) != nil
    }

    /// Writes the held additions to the map.
    func flush() throws {
        guard heldFiles > 0 else { return }
        for folder in heldFolders { try add(heldFiles, to: folder) }
        heldFolders = []
        heldFiles = 0
    }

    /// Adds `delta` to `folder`'s count (no entry at zero).
    private func add(_ delta: Int, to folder: String) throws {
        let now = (try map.value(folder).flatMap { Int($0) } ?? 0) + delta
        try map.set(folder, now == 0 ? nil : String(now))
    }
}
