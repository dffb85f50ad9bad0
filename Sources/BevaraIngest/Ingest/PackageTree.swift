import BevaraArchiveIO
import Foundation

/// The regular files of a received package, in a stable order, with their sizes.
/// (Intake has already refused symlinks, devices and unsafe names.)
enum PackageTree {
    struct Entry {
        var relativePath: String
        var size: Int64
    }

    static func files(under root: String) throws -> [Entry] {
        guard let walker = FileManager.default.enumerator(atPath: root) else {
            throw IOError(path: root, operation: "list", reason: "not a readable folder")
        }
        var entries: [Entry] = []
        while let relative = walker.nextObject() as? String {
            let absolute = root + "/" + relative
            var info = stat()
            guard lstat(absolute, &info) == 0 else { throw IOError(path: absolute, operation: "stat", errno: errno) }
            if (info.st_mode & S_IFMT) == S_IFREG {
                // The absolute path is not kept: one string less per file of a large package.
                entries.append(Entry(relativePath: relative, size: Int64(info.st_size)))
            }
        }
        return entries.sorted { $0.relativePath < $1.relativePath }
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
