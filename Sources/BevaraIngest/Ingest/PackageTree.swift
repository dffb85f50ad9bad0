import BevaraArchiveIO
import Foundation

/// The regular files of a received package, in ascending path order (`String`'s `<`), with
/// their sizes. Walked folder by folder: memory is the listings of the folders on the way down,
/// not a list of every file. (Intake has already refused symlinks, devices and unsafe names.)
enum PackageTree {
    struct Entry {
        var relativePath: String
        var size: Int64
    }

    /// Calls `body` for each regular file below `root`, in ascending relative-path order.
    static func forEachFile(under root: String, _ body: (Entry) throws -> Void) throws {
        var info = stat()
        guard stat(root, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw IOError(path: root, operation: "list", reason: "not a readable folder")
        }
        try walk(root, prefix: "", body)
    }

    /// The files below `root` as they are now, in a scratch file at `path` (new; the caller
    /// deletes it): a list that storing can walk while it moves and deletes files in that folder.
    struct Listing {
        let path: String
        let files: Int
        let bytes: Int64

        /// Each listed file, in the listing's (ascending path) order.
        func forEach(_ body: (Entry) throws -> Void) throws {
            let reader = try RecordFileReader(path: path)
            while let record = try reader.next(fields: 2) {
                guard let relative = record[0], let size = record[1].flatMap({ Int64($0) }) else {
                    throw IOError(path: path, operation: "read", reason: "damaged listing record")
                }
                try body(Entry(relativePath: relative, size: size))
            }
        }
    }

    static func list(under root: String, to path: String) throws -> Listing {
        let writer = try RecordFileWriter(path: path)
        var files = 0
        var bytes: Int64 = 0
        try forEachFile(under: root) { entry in
            try writer.append([entry.relativePath, String(entry.size)])
            files += 1
            bytes += entry.size
        }
        try writer.close()
        return Listing(path: path, files: files, bytes: bytes)
    }

    /// A folder's entries sorted so that the walk meets paths in full-path order: a folder sorts
    /// as its name plus `/` (its files' paths all start so), which puts `a.txt` before `a/b`.
    private static func walk(_ folder: String, prefix: String, _ body: (Entry) throws -> Void) throws {
        var entries: [(key: String, name: String, isFolder: Bool, size: Int64)] = []
        try forEachEntry(of: folder) { name, info in
            switch info.st_mode & S_IFMT {
            case S_IFREG: entries.append((prefix + name, name, false, Int64(info.st_size)))
            case S_IFDIR: entries.append((prefix + name + "/", name, true, 0))
            default: break
            }
        }
        entries.sort { $0.key < $1.key }
        for entry in entries {
            if entry.isFolder {
                try walk(folder + "/" + entry.name, prefix: entry.key, body)
            } else {
                try body(Entry(relativePath: entry.key, size: entry.size))
            }
        }
    }

    /// Each entry of `folder` but `.` and `..`, with its `lstat`. Stated relative to the open
    /// folder (`fstatat`), so the kernel does not walk the whole path again for every file.
    private static func forEachEntry(of folder: String, _ body: (String, stat) throws -> Void) throws {
        guard let dir = opendir(folder) else { throw IOError(path: folder, operation: "list", errno: errno) }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var info = stat()
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { throw IOError(path: folder, operation: "list", errno: errno) }
                return
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                throw IOError(path: folder + "/" + name, operation: "stat", errno: errno)
            }
            try body(name, info)
        }
    }
}

/// The first bytes of a file, for format identification.
enum FileHead {
    static func read(_ path: String, bytes: Int = 65_536) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IOError(path: path, operation: "open", reason: "unreadable")
        }
        defer { try? handle.close() }
        return [UInt8](try handle.read(upToCount: bytes) ?? Data())
    }

    static func size(of path: String) throws -> Int64 {
        var info = stat()
        guard stat(path, &info) == 0 else { throw IOError(path: path, operation: "stat", errno: errno) }
        return Int64(info.st_size)
    }
}

/// The name a package arrived as (last path component), for messages and the AIP record.
enum PackageName {
    static func of(_ path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return (p as NSString).lastPathComponent
    }
}
