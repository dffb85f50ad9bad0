import BevaraArchiveIO
import BevaraModel
import BevaraProfiles
import Foundation

/// Walks the export's file root without following links: counts files and bytes, reports
/// symlinks and special files anywhere, files that nothing references, and manifest entries
/// whose file is missing or not referenced.
enum ExportTreeWalk {
    struct Totals {
        var files = 0
        var bytes: Int64 = 0
        /// Of those, the files some record references (each path once) and their bytes.
        var referencedFiles = 0
        var referencedBytes: Int64 = 0
        /// True when every path a record references is a regular file the walk reached: it
        /// exists, is no link and lies in no linked folder (the walk follows no links), so the
        /// per-reference `lstat` and real-path checks can be skipped.
        var everyReferenceFound = false
    }

    static func run(_ layout: ExportLayout, catalog: ExportCatalog, findings: FindingCollector) throws -> Totals {
        var totals = Totals()
        var referenced = FolderLookup.referenced(in: catalog)
        // The folders are read and every entry `lstat`ed on a thread of its own, ahead of this
        // one, which looks the entries up in the catalog in the same order: the two halves took
        // about as long as each other, one after the other, with the second core idle.
        let root = layout.fileRoot
        try TwoThreadPipeline.run(threadName: "bevara.export-walk", produce: { emit in
            try walk(root, relative: "") { relative, st in try emit(Entry(relative: relative, mode: st.st_mode, size: Int64(st.st_size))) }
        }, consume: { entry in
            let relative = entry.relative
            switch entry.mode & S_IFMT {
            case S_IFLNK:
                findings.error("file.symlink", SourceLocation(file: layout.exportRelative(relative)), "symbolic links are not accepted in an export")
            case S_IFREG:
                if layout.metadataFiles.contains(relative) { return }
                totals.files += 1
                totals.bytes += entry.size
                if try referenced.answer(relative) != nil {
                    totals.referencedFiles += 1
                    totals.referencedBytes += entry.size
                } else {
                    findings.warning("file.unreferenced", SourceLocation(file: layout.exportRelative(relative)),
                                     "no record references this file; it will not be packaged")
                }
            case S_IFDIR: break
            default:
                findings.error("file.not-regular", SourceLocation(file: layout.exportRelative(relative)),
                               "special file (device, pipe or socket) in the export")
            }
        })
        totals.everyReferenceFound = totals.referencedFiles == (try catalog.distinctReferencedPathCount())
        if let manifest = layout.manifest {
            // Entries for referenced files exist when the walk found every one of them.
            try catalog.forEachManifestEntry(unreferencedOnly: totals.everyReferenceFound) { path, _, line in
                let full = (layout.fileRoot as NSString).appendingPathComponent(path)
                var st = stat()
                if lstat(full, &st) != 0 {
                    findings.error("manifest.missing-file", SourceLocation(file: manifest, line: line), "listed file '\(layout.exportRelative(path))' does not exist")
                }
            }
        }
        return totals
    }

    /// One entry the walk found, as far as the checks need it.
    struct Entry {
        let relative: String
        let mode: mode_t
        let size: Int64
    }

    /// Depth-first walk calling `visit` for every entry below `directory`, in byte order of the
    /// names (the order of code points), without following links. Each entry is `lstat`ed
    /// relative to its open folder (`fstatat`), and a subfolder opened from it, so the kernel
    /// does not look up the whole path again for every file; names stay bytes until an entry is
    /// reported, so a name that is not UTF-8 is still reached.
    private static func walk(_ directory: String, relative: String, _ visit: (String, stat) throws -> Void) throws {
        guard let dir = opendir(directory) else { return }
        try walk(dir, relative: relative, visit)
    }

    private static func walk(_ dir: OpaquePointer, relative: String, _ visit: (String, stat) throws -> Void) throws {
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var names: [[CChar]] = []
        while let entry = readdir(dir) {
            withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let name = raw.bindMemory(to: CChar.self)
                guard strcmp(name.baseAddress!, ".") != 0, strcmp(name.baseAddress!, "..") != 0 else { return }
                names.append(Array(name.prefix { $0 != 0 }) + [0])
            }
        }
        names.sort { a, b in strcmp(a, b) < 0 }
        for name in names {
            var st = stat()
            guard fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            let shown = name.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            let rel = relative.isEmpty ? shown : relative + "/" + shown
            try visit(rel, st)
            if (st.st_mode & S_IFMT) == S_IFDIR {
                let sub = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard sub >= 0 else { continue }
                guard let subdir = fdopendir(sub) else { close(sub); continue }
                try walk(subdir, relative: rel, visit)
            }
        }
    }
}
