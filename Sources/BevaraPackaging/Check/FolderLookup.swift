import BevaraArchiveIO

/// Answers about paths that arrive folder by folder (a tree walk, a case's files) from one
/// catalog range query per folder, kept for the folder asked last, instead of one query per path:
/// a query per file was 2 % of packaging CPU in the walk, and ≈ 10 % of the content thread for
/// the manifest. Files directly in the file root, and folders holding more than `folderLimit`
/// entries (memory stays bounded), get a query of their own.
struct FolderLookup<Answer> {
    static var folderLimit: Int { 4096 }
    /// A folder's entries by file name (UTF-8 bytes, compared byte for byte as SQLite compares
    /// paths); nil when the folder holds more than the limit.
    private let entriesInFolder: (_ folder: String, _ limit: Int) throws -> [ByteKey: Answer]?
    private let entryAtPath: (_ path: String) throws -> Answer?
    /// The folder as bytes: two folders may differ only in Unicode normalisation.
    private var folder: [UInt8]?
    private var entries: [ByteKey: Answer]?

    init(inFolder: @escaping (_ folder: String, _ limit: Int) throws -> [ByteKey: Answer]?,
         atPath: @escaping (_ path: String) throws -> Answer?) {
        entriesInFolder = inFolder
        entryAtPath = atPath
    }

    /// The answer for `path` (relative to the file root), nil when there is none.
    mutating func answer(_ path: String) throws -> Answer? {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return try entryAtPath(path) }
        let here = Array(path.utf8[..<slash])
        if here != folder {
            folder = here
            entries = try entriesInFolder(String(decoding: here, as: UTF8.self), Self.folderLimit)
        }
        guard let entries else { return try entryAtPath(path) }
        return entries[ByteKey(path.utf8[path.utf8.index(after: slash)...])]
    }
}
