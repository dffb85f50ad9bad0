import CPosix
import Foundation

/// An output (file or directory) written under a temporary name beside its final path and
/// renamed into place only when complete, so an interrupted or failed run leaves nothing that
/// looks finished. Temporary names start with `.bevara-partial-` so a later run can recognise
/// and report leftovers of a killed run.
public final class StagedOutput {
    public static let partialPrefix = ".bevara-partial-"

    public let finalPath: String
    public let stagingPath: String
    private var done = false

    /// Refuses when `finalPath` exists: Bevara never overwrites a package.
    public init(finalPath: String) throws {
        let fm = FileManager.default
        let absolute = finalPath.hasPrefix("/") ? finalPath : fm.currentDirectoryPath + "/" + finalPath
        self.finalPath = (absolute as NSString).standardizingPath
        if fm.fileExists(atPath: self.finalPath) {
            throw IOError(path: self.finalPath, operation: "create output", reason: "already exists; Bevara does not overwrite packages")
        }
        let parent = (self.finalPath as NSString).deletingLastPathComponent
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: parent, isDirectory: &isDir), isDir.boolValue else {
            throw IOError(path: parent, operation: "create output", reason: "parent directory does not exist")
        }
        let name = (self.finalPath as NSString).lastPathComponent
        stagingPath = parent + "/" + Self.partialPrefix + "\(getpid())-" + name
        removedLeftovers = Self.removeLeftovers(in: parent, name: name)
        Interruption.shared.register(stagingPath)
    }

    /// Unfinished outputs of killed runs (same name, process no longer alive) that were removed.
    public let removedLeftovers: [String]

    /// A run killed with SIGKILL leaves `.bevara-partial-<pid>-<name>`; if that process is gone,
    /// the leftover is ours to remove. A live process's staging path is never touched.
    private static func removeLeftovers(in parent: String, name: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        var removed: [String] = []
        for entry in entries where entry.hasPrefix(partialPrefix) {
            let rest = entry.dropFirst(partialPrefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]) else { continue }
            let leftoverName = rest[rest.index(after: dash)...]
            // Also the archive's scratch folder, "<name>.scratch".
            guard leftoverName == name || leftoverName == name + ".scratch" else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }
            if (try? FileManager.default.removeItem(atPath: parent + "/" + entry)) != nil { removed.append(entry) }
        }
        return removed
    }

    /// Makes the staging path a directory.
    public func createDirectory() throws {
        try FileManager.default.createDirectory(atPath: stagingPath, withIntermediateDirectories: false)
    }

    /// Flushes everything under the staging path to disk, renames it into place and syncs the
    /// parent directory so the rename itself is durable.
    public func commit() throws {
        guard !done else { return }
        try Durability.syncTree(at: stagingPath)
        if rename(stagingPath, finalPath) != 0 { throw IOError(path: finalPath, operation: "rename into place", errno: errno) }
        try Durability.syncDirectory((finalPath as NSString).deletingLastPathComponent)
        done = true
        Interruption.shared.unregister(stagingPath)
    }

    /// Removes whatever was staged. Safe to call more than once.
    public func discard() {
        guard !done else { return }
        try? FileManager.default.removeItem(atPath: stagingPath)
        done = true
        Interruption.shared.unregister(stagingPath)
    }

    deinit { discard() }
}

/// fsync helpers.
public enum Durability {
    /// Makes a file, or everything below a directory, durable: a file is fsynced; for a directory
    /// its whole file system is flushed (`syncfs`: one call for a package of 100,000 files, where
    /// a fsync each cost one disk flush each; unrelated data of that file system is written too),
    /// then the directory itself. A failed flush (a write-back error the kernel kept) throws.
    public static func syncTree(at path: String) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return }
        if !isDir.boolValue { return try syncFile(path) }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw IOError(path: path, operation: "open", errno: errno) }
        defer { close(fd) }
        guard syncfs(fd) == 0 else { throw IOError(path: path, operation: "syncfs", errno: errno) }
        guard fsync(fd) == 0 else { throw IOError(path: path, operation: "fsync", errno: errno) }
    }

    public static func syncFile(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOError(path: path, operation: "open", errno: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw IOError(path: path, operation: "fsync", errno: errno) }
    }

    public static func syncDirectory(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw IOError(path: path, operation: "open", errno: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw IOError(path: path, operation: "fsync", errno: errno) }
    }
}
