import BevaraArchiveIO
import BevaraModel
import Foundation

/// Rules about where a referenced file is: safe path, exists, regular, inside the export, no
/// symlinks, portable name. Returns the absolute path when the file may be opened.
///
/// With `found`, the tree walk has already reached the path as a regular file without following
/// links (`ExportTreeWalk.Totals.everyReferenceFound`): only the rules on the path's text remain.
enum FileReferenceRules {
    static func check(_ ref: FileReference, layout: ExportLayout, folders: RealDirectoryCache?, found: Bool = false,
                      findings: FindingCollector) -> String? {
        // Made only for a message: most references have none.
        var shown: String { layout.exportRelative(ref.path) }
        if let problem = SafePath.validateRelative(ref.path) {
            findings.error("file.unsafe-path", ref.source, "'\(ref.path)' is refused: \(problem.rawValue)")
            return nil
        }
        if found, let folders {
            checkName(ref, findings: findings)
            return folders.inRealRoot(ref.path)
        }
        // `validateRelative` refused empty, `.` and `..` segments, so plain joining is exact.
        let full = layout.fileRoot + "/" + ref.path
        var st = stat()
        guard lstat(full, &st) == 0 else {
            findings.error("file.missing", ref.source, "referenced file '\(shown)' does not exist")
            return nil
        }
        if (st.st_mode & S_IFMT) == S_IFLNK {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? "?"
            findings.error("file.symlink", ref.source, "'\(shown)' is a symbolic link (to '\(target)'); deliver the file itself")
            return nil
        }
        // Not a link itself (lstat above), so only its folders can lead elsewhere.
        guard let real = folders?.resolve(ref.path) else {
            findings.error("file.outside-export", ref.source, "'\(shown)' resolves outside the export (a linked folder?)")
            return nil
        }
        if (st.st_mode & S_IFMT) != S_IFREG {
            findings.error("file.not-regular", ref.source, "'\(shown)' is not a regular file")
            return nil
        }
        checkName(ref, findings: findings)
        return real
    }

    private static func checkName(_ ref: FileReference, findings: FindingCollector) {
        for problem in SafePath.portabilityProblems(ofName: ref.originalName) {
            findings.warning("file.name-portability", ref.source, "file name '\(ref.originalName)' \(problem) (stored under a safe name; the original is kept in metadata)")
        }
    }
}
