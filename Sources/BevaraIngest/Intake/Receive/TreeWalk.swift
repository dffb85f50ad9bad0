import BevaraArchiveIO
import Foundation

/// Walks a folder tree without following symbolic links (`lstat`), depth first, sorted by name,
/// and hands every entry to a visitor with its path relative to the top.
enum TreeWalk {
    enum Kind: Equatable {
        case file, directory, symlink, special
    }

    struct Entry {
        /// Relative to the walked folder, `/`-separated.
        let path: String
        let kind: Kind
        /// Bytes, for regular files.
        let size: Int64
    }

    /// What the visitor wants next.
    enum Step {
        case `continue`, skipChildren, stop
    }

    /// Names that are not valid UTF-8 cannot be named in METS or findings; they are reported
    /// through `badName` (with the parent's relative path and the raw bytes shown escaped) and not
    /// descended into. Throws only when the top folder cannot be read.
    static func walk(_ top: String, badName: (String, String) -> Void = { _, _ in },
                     visit: (Entry) -> Step) throws {
        var pending: [String] = [""]
        var firstRead = true
        while let relative = pending.popLast() {
            let absolute = relative.isEmpty ? top : top + "/" + relative
            guard let dir = opendir(absolute) else {
                if firstRead { throw IOError(path: top, operation: "list", errno: errno) }
                continue
            }
            firstRead = false
            var names: [String] = []
            while let ent = readdir(dir) {
                let raw = withUnsafeBytes(of: ent.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
                if raw == [0x2E] || raw == [0x2E, 0x2E] { continue }
                guard let name = String(validating: raw, as: UTF8.self) else {
                    badName(relative, raw.map { $0 < 0x80 ? String(UnicodeScalar($0)) : String(format: "\\x%02X", $0) }.joined())
                    continue
                }
                names.append(name)
            }
            closedir(dir)
            var subdirectories: [String] = []
            for name in names.sorted() {
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                var st = stat()
                guard lstat(top + "/" + childRelative, &st) == 0 else { continue }
                let kind: Kind
                switch st.st_mode & S_IFMT {
                case S_IFREG: kind = .file
                case S_IFDIR: kind = .directory
                case S_IFLNK: kind = .symlink
                default: kind = .special
                }
                switch visit(Entry(path: childRelative, kind: kind, size: Int64(st.st_size))) {
                case .stop: return
                case .skipChildren: continue
                case .continue: if kind == .directory { subdirectories.append(childRelative) }
                }
            }
            pending.append(contentsOf: subdirectories.reversed())
        }
    }
}
