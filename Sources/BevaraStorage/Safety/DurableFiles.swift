import BevaraArchiveIO
import Foundation

/// Small file-system steps of the crash-safe write protocol: each either completes or leaves the
/// previous state, and is flushed before the caller goes on.
enum DurableFiles {
    /// Writes `data` to a new file (which must not exist) and fsyncs it.
    static func writeNew(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IOError(path: path, operation: "create", errno: errno) }
        var ok = false
        defer {
            close(fd)
            if !ok { unlink(path) }
        }
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in try PosixWrite.all(fd, bytes, path: path) }
        guard fsync(fd) == 0 else { throw IOError(path: path, operation: "fsync", errno: errno) }
        ok = true
    }

    /// Atomically replaces (or creates) `destination` with `data`: write `temporary` (same file
    /// system), fsync, rename over, fsync the destination's directory.
    static func replace(_ destination: String, with data: Data, temporary: String) throws {
        unlink(temporary)
        try writeNew(data, to: temporary)
        try move(temporary, to: destination)
    }

    /// rename(2) then fsync of the destination's directory, so the rename survives a power cut.
    static func move(_ source: String, to destination: String) throws {
        if rename(source, destination) != 0 {
            throw IOError(path: destination, operation: "rename from \(source)", errno: errno)
        }
        try Durability.syncDirectory(parent(of: destination))
    }

    /// Creates `path` and any missing parents up to (not including) `stopAt`, fsyncing each
    /// parent whose entries changed.
    static func makeDirectories(_ path: String, below stopAt: String) throws {
        var missing: [String] = []
        var current = path
        while current.count > stopAt.count, !exists(current) {
            missing.append(current)
            current = parent(of: current)
        }
        for dir in missing.reversed() {
            if mkdir(dir, 0o755) != 0 && errno != EEXIST {
                throw IOError(path: dir, operation: "mkdir", errno: errno)
            }
            try Durability.syncDirectory(parent(of: dir))
        }
    }

    static func readAll(_ path: String) throws -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IOError(path: path, operation: "open", errno: errno)
        }
        defer { try? handle.close() }
        return try handle.readToEnd() ?? Data()
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    static func entries(of directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    static func parent(of path: String) -> String {
        (path as NSString).deletingLastPathComponent
    }

    /// Every regular file below `directory`, as paths relative to it (`/`-separated), sorted.
    static func filesBelow(_ directory: String) -> [String] {
        var out: [String] = []
        func walk(_ relative: String) {
            let full = relative.isEmpty ? directory : directory + "/" + relative
            for name in entries(of: full) {
                let rel = relative.isEmpty ? name : relative + "/" + name
                if isDirectory(directory + "/" + rel) { walk(rel) } else { out.append(rel) }
            }
        }
        walk("")
        return out.sorted()
    }

    /// Removes empty directories below `directory` (not `directory` itself), deepest first, and
    /// returns how many other entries (files) remain below it. One readdir per folder, using the
    /// entry types it reports (lstat only where the file system reports none).
    static func pruneEmptyDirectories(below directory: String) -> Int {
        var files = 0
        /// Returns true when `path` is empty after pruning.
        func prune(_ path: String) -> Bool {
            guard let stream = opendir(path) else { return false }
            var children: [String] = []
            var kept = 0
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let type = entry.pointee.d_type
                if type == UInt8(DT_DIR) || (type == UInt8(DT_UNKNOWN) && isDirectory(path + "/" + name)) {
                    children.append(name)
                } else {
                    kept += 1
                }
            }
            closedir(stream)
            files += kept
            for child in children {
                let full = path + "/" + child
                if prune(full) && rmdir(full) == 0 { continue }
                kept += 1
            }
            return kept == 0
        }
        _ = prune(directory)
        return files
    }

    /// `st_dev` of a path, to tell whether a rename between two paths can be atomic.
    static func device(of path: String) -> UInt64? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return UInt64(st.st_dev)
    }
}
