import BevaraArchiveIO
import BevaraIndex
import BevaraModel
import BevaraProfiles
import BevaraStorage
import Foundation

/// An archive folder opened for use: its configuration, agreements, OCFL storage root and index.
///
/// ```
/// <archive>/bevara-archive.yaml   users, roles, archive name, virus scanner
/// <archive>/agreements/           parties.yaml and one file per submission agreement
/// <archive>/storage/              OCFL 1.1 storage root: the AIPs, the truth
/// <archive>/index.sqlite          SQLite index: rebuilt from storage by `reindex`
/// <archive>/staging/              unpacking and OCFL versions under construction
/// ```
public final class Archive: @unchecked Sendable {
    public let layout: ArchiveLayout
    public let configuration: ArchiveConfiguration
    public let agreements: AgreementRegistry
    public let storage: OCFLStorageRoot
    public private(set) var index: ArchiveIndex

    /// Creates an archive in `directory` (new or empty) from an agreements folder
    /// (`profiles/agreements`), with a starter set of users to edit.
    @discardableResult
    public static func create(at directory: String, agreementsFrom source: String) throws -> Archive {
        let layout = ArchiveLayout(root: directory)
        let fm = FileManager.default
        if fm.fileExists(atPath: layout.root) {
            guard (try fm.contentsOfDirectory(atPath: layout.root)).isEmpty else { throw ArchiveError.alreadyExists(path: layout.root) }
        }
        let registry = try AgreementRegistry(directory: source)
        try fm.createDirectory(atPath: layout.root, withIntermediateDirectories: true)
        try fm.createDirectory(atPath: layout.staging, withIntermediateDirectories: false)
        try fm.createDirectory(atPath: layout.agreements, withIntermediateDirectories: false)
        for name in try fm.contentsOfDirectory(atPath: source).sorted() where name.hasSuffix(".yaml") {
            try fm.copyItem(atPath: source + "/" + name, toPath: layout.agreements + "/" + name)
        }
        let config = ArchiveConfiguration.starter(registry: registry)
        try Data(try config.yaml().utf8).write(to: URL(fileURLWithPath: layout.configuration))
        _ = try OCFLStorageRoot.create(at: layout.storage)
        _ = try ArchiveIndex(path: layout.index)
        try Durability.syncTree(at: layout.root)
        return try Archive(opening: layout.root)
    }

    /// Opens an existing archive; every part must be present.
    public init(opening directory: String) throws {
        layout = ArchiveLayout(root: directory)
        guard FileManager.default.fileExists(atPath: layout.configuration) else {
            throw ArchiveError.notAnArchive(path: layout.root, reason: "no bevara-archive.yaml (create one with `bevara archive init`)")
        }
        (configuration, agreements) = try ArchiveConfiguration.load(archive: layout.root)
        storage = try OCFLStorageRoot(opening: layout.storage)
        try FileManager.default.createDirectory(atPath: layout.staging, withIntermediateDirectories: true)
        index = try ArchiveIndex(path: layout.index)
    }

    /// The configured user called `id`.
    public func user(_ id: String) throws -> ArchiveUser {
        guard let user = configuration.users.first(where: { $0.id == id }) else {
            throw ArchiveError.unknownUser(archive: layout.root, user: id)
        }
        return user
    }

    /// Takes the archive's write lock until the returned value is released.
    func lockForWriting() throws -> ArchiveLock {
        try ArchiveLock(path: layout.lock)
    }

    /// Removes what dead runs left in staging (unpacked packages, AIP scratch files, half-built
    /// indexes). Only called with the write lock held, so nothing in use is touched; the OCFL
    /// work area is the storage root's own and is cleaned by its `recover`.
    func sweepStaging() throws -> [String] {
        var removed: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: layout.staging)
        where ["intake-", "aip-", "index-rebuild-"].contains(where: { name.hasPrefix($0) }) {
            try FileManager.default.removeItem(atPath: layout.staging + "/" + name)
            removed.append(name)
        }
        return removed
    }

    /// Replaces the index with a freshly built file (used by reindex).
    func replaceIndex(with path: String) throws {
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: layout.index + suffix) }
        if rename(path, layout.index) != 0 { throw IOError(path: layout.index, operation: "rename", errno: errno) }
        // The rebuilt index was closed with its WAL checkpointed; its empty -wal/-shm stay behind.
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try Durability.syncDirectory(layout.root)
        index = try ArchiveIndex(path: layout.index)
    }
}
