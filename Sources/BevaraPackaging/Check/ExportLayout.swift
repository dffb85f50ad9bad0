import BevaraArchiveIO
import BevaraProfiles
import Foundation

/// Where an export's parts are on disk, as its profile describes them.
public struct ExportLayout: Sendable {
    /// Absolute path of the export root.
    public let root: String
    /// Absolute path of the folder file references are relative to.
    public let fileRoot: String
    /// `fileRoot` with links resolved (`realpath`), once; nil if it does not exist.
    public let realFileRoot: String?
    /// Manifest path relative to the export root, if the profile declares one.
    public let manifest: String?
    /// Paths (relative to the file root) of the export's own metadata files, which are not
    /// "unreferenced files" even when they live under the file root.
    public let metadataFiles: Set<String>
    /// The file root relative to the export root, with a slash (`filer/`), or empty when they
    /// are the same folder: made once, as `exportRelative` runs for every file.
    private let fileRootPrefix: String

    public init(exportRoot: String, profile: Profile) {
        let fm = FileManager.default
        let absolute = exportRoot.hasPrefix("/") ? exportRoot : fm.currentDirectoryPath + "/" + exportRoot
        root = (absolute as NSString).standardizingPath
        let fileRootRelative = profile.files.root
        fileRoot = fileRootRelative == "." || fileRootRelative.isEmpty ? root : ((root as NSString).appendingPathComponent(fileRootRelative) as NSString).standardizingPath
        realFileRoot = SafePath.realPath(fileRoot)
        manifest = profile.files.manifest
        var own: [String] = []
        if let m = profile.files.manifest { own.append(m) }
        if let t = profile.tables { own += [t.cases.file, t.records.file] + [t.parties?.file, t.files?.file].compactMap { $0 } }
        if let d = profile.fgs?.document { own.append(d) }
        // Express them relative to the file root.
        let prefix = fileRoot == root ? "" : String(fileRoot.dropFirst(root.count + 1)) + "/"
        fileRootPrefix = prefix
        metadataFiles = Set(own.compactMap { path in
            prefix.isEmpty ? path : (path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil)
        })
    }

    /// The file-root-relative location string used in findings (`filer/a.pdf`).
    public func exportRelative(_ fileRootRelative: String) -> String {
        fileRootPrefix.isEmpty ? fileRootRelative : fileRootPrefix + fileRootRelative
    }
}
