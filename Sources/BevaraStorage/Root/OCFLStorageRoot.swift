import BevaraArchiveIO
import Foundation

/// An OCFL 1.1 storage root holding Bevara's AIPs, one OCFL object per AIP, SHA-256 throughout.
///
/// Layout: `0=ocfl_1.1`, `ocfl_layout.json` naming `0003-hash-and-id-n-tuple-storage-layout`,
/// `extensions/0003-…/config.json`, objects at `sha256(id)[0..3]/[3..6]/[6..9]/<encoded id>/`.
///
/// ## Crash safety (SIGKILL or power loss at any instant loses nothing committed)
///
/// Every write goes through a staging directory on the same file system, outside the root:
/// - **New object:** the whole object (declaration, `v1/content/…`, `v1/inventory.json` +
///   sidecar, root inventory + sidecar) is built in `<staging>/ocfl-work/<uuid>/object`, the tree
///   is fsynced, the layout's parent directories are created (each fsynced), and one `rename(2)`
///   puts the object in place; then the parent is fsynced. Before the rename nothing is visible;
///   after it the object is complete.
/// - **New version:** `vN/` (content, `inventory.json`, sidecar) is built and fsynced in staging,
///   renamed into the object root, then the root `inventory.json` and, last, its sidecar are each
///   replaced by rename from staging, with an fsync of the object root after each step. A version
///   directory is therefore complete the moment it appears.
/// - **Recovery** (`recover(stagingDirectory:)`, idempotent, run at the start of every write
///   session) repairs every state a kill can leave: unfinished staging work (deleted: never
///   committed), a complete `vN` not yet named by the root inventory (verified, then rolled
///   forward from its own inventory), a root inventory whose sidecar is stale (rewritten from the
///   head version's verified copy), empty layout directories, dead processes' temporary log files.
///   Recovery never deletes committed content; a version it cannot verify is moved to
///   `<staging>/quarantine/`, not deleted.
/// - **Concurrency:** writers and recovery hold an exclusive flock on `<staging>/.bevara-storage.lock`
///   (see `StagingLock`); readers take no lock: each rename is atomic, and a reader that meets the
///   short window between the inventory and sidecar renames checks against the head version's
///   sidecar instead.
///
/// Every read that hands out content (`withVerifiedFile`, `copyVerified`) checks its digest first.
public final class OCFLStorageRoot: @unchecked Sendable {
    public static let declarationName = "0=ocfl_1.1"
    static let declarationContent = "ocfl_1.1\n"
    static let objectDeclarationName = "0=ocfl_object_1.1"
    static let objectDeclarationContent = "ocfl_object_1.1\n"
    static let layoutFileName = "ocfl_layout.json"
    static let workDirectoryName = "ocfl-work"
    static let quarantineDirectoryName = "quarantine"
    static let temporaryPrefix = ".bevara-tmp-"

    /// Absolute path of the storage root.
    public let path: String
    let layout: HashAndIDNTupleLayout
    /// How long a writer waits for another writer's lock before giving up.
    public var lockTimeout: Double = 300

    /// Creates a storage root at `path` (created if missing; refused if a non-empty directory).
    /// The root is assembled under a temporary sibling name and renamed into place.
    public static func create(at path: String) throws -> OCFLStorageRoot {
        let root = absolute(path)
        let fm = FileManager.default
        if DurableFiles.exists(root) {
            guard DurableFiles.isDirectory(root) else { throw OCFLStorageError.rootNotEmpty(path: root) }
            guard DurableFiles.entries(of: root).isEmpty else { throw OCFLStorageError.rootNotEmpty(path: root) }
        }
        let parent = DurableFiles.parent(of: root)
        guard DurableFiles.isDirectory(parent) else {
            throw IOError(path: parent, operation: "create storage root", reason: "parent directory does not exist")
        }
        let staging = parent + "/" + StagedOutput.partialPrefix + "\(getpid())-" + (root as NSString).lastPathComponent
        try? fm.removeItem(atPath: staging)
        defer { try? fm.removeItem(atPath: staging) }
        let layout = HashAndIDNTupleLayout()
        let extensionDir = staging + "/extensions/" + HashAndIDNTupleLayout.name
        try fm.createDirectory(atPath: extensionDir, withIntermediateDirectories: true)
        try DurableFiles.writeNew(Data(declarationContent.utf8), to: staging + "/" + declarationName)
        let layoutJSON = """
        {
          "description": "\(HashAndIDNTupleLayout.summary)",
          "extension": "\(HashAndIDNTupleLayout.name)"
        }

        """
        try DurableFiles.writeNew(Data(layoutJSON.utf8), to: staging + "/" + layoutFileName)
        try DurableFiles.writeNew(layout.configJSON(), to: extensionDir + "/config.json")
        try Durability.syncTree(at: staging)
        // rename(2) replaces an empty directory atomically, so an existing empty root works too.
        try DurableFiles.move(staging, to: root)
        return try OCFLStorageRoot(opening: root)
    }

    /// Opens an existing storage root, checking its declaration and layout.
    public init(opening path: String) throws {
        let root = Self.absolute(path)
        guard DurableFiles.isDirectory(root) else {
            throw OCFLStorageError.notAStorageRoot(path: root, reason: "no such directory")
        }
        let declarations = DurableFiles.entries(of: root).filter { $0.hasPrefix("0=") }
        guard declarations == [Self.declarationName] else {
            throw OCFLStorageError.notAStorageRoot(path: root, reason: declarations.isEmpty
                ? "no 0=ocfl_1.1 declaration" : "declaration \(declarations) instead of 0=ocfl_1.1")
        }
        let declared = try DurableFiles.readAll(root + "/" + Self.declarationName)
        guard declared == Data(Self.declarationContent.utf8) else {
            throw OCFLStorageError.notAStorageRoot(path: root, reason: "0=ocfl_1.1 does not contain 'ocfl_1.1'")
        }
        let layoutPath = root + "/" + Self.layoutFileName
        guard let layoutData = try? DurableFiles.readAll(layoutPath),
              let object = try? JSONSerialization.jsonObject(with: layoutData) as? [String: Any],
              let name = object["extension"] as? String else {
            throw OCFLStorageError.notAStorageRoot(path: root, reason: "ocfl_layout.json missing or without an 'extension'")
        }
        guard name == HashAndIDNTupleLayout.name else {
            throw OCFLStorageError.unsupportedLayout(path: layoutPath, layout: name)
        }
        let configPath = root + "/extensions/" + name + "/config.json"
        if let config = try? DurableFiles.readAll(configPath) {
            layout = try HashAndIDNTupleLayout.parse(config: config, path: configPath)
        } else {
            layout = HashAndIDNTupleLayout()  // the extension's defaults apply without a config
        }
        self.path = root
    }

    /// Absolute path of the object root for `id` (whether or not it exists).
    public func objectPath(for id: String) -> String {
        path + "/" + layout.relativePath(for: id)
    }

    /// True if a complete object for `id` is in the root.
    public func objectExists(_ id: String) -> Bool {
        DurableFiles.isRegularFile(objectPath(for: id) + "/" + Self.objectDeclarationName)
    }

    /// Every object's id, read from its root inventory, sorted. For rebuilding the index.
    public func objectIDs() throws -> [String] {
        struct IDOnly: Decodable { var id: String }
        return try objectDirectories().map { dir in
            let inventoryPath = dir + "/" + InventoryCodec.fileName
            // Streamed (an inventory grows with its object); anything unusual is parsed as before.
            if let summary = InventorySummary.read(path: inventoryPath) { return summary.id }
            let data = try DurableFiles.readAll(inventoryPath)
            guard let parsed = try? JSONDecoder().decode(IDOnly.self, from: data) else {
                throw OCFLStorageError.invalidInventory(path: inventoryPath, reason: "no 'id'")
            }
            return parsed.id
        }.sorted()
    }

    /// Absolute paths of every object root (directories holding an object declaration), sorted.
    func objectDirectories() -> [String] {
        var out: [String] = []
        func walk(_ dir: String) {
            let names = DurableFiles.entries(of: dir)
            if names.contains(Self.objectDeclarationName) { out.append(dir); return }
            for name in names where DurableFiles.isDirectory(dir + "/" + name) { walk(dir + "/" + name) }
        }
        for name in DurableFiles.entries(of: path) where name != "extensions" && DurableFiles.isDirectory(path + "/" + name) {
            walk(path + "/" + name)
        }
        return out.sorted()
    }

    /// The verified root inventory of `id`.
    ///
    /// The sidecar is checked; if it disagrees, the root inventory is still accepted when it is
    /// byte-identical to the head version's copy and matches that copy's sidecar (a writer is
    /// between its two renames, or was killed there). Otherwise `inventoryDigestMismatch`.
    public func inventory(of id: String) throws -> OCFLInventory {
        try verifiedInventory(of: id).inventory
    }

    /// The `created` of `id`'s head version, as `inventory(of:)` gives it: read streamed when the
    /// root inventory matches its sidecar, otherwise through `inventory(of:)` and its errors.
    public func headVersionCreated(of id: String) throws -> String {
        let objectRoot = objectPath(for: id)
        if objectExists(id), let summary = InventorySummary.read(path: objectRoot + "/" + InventoryCodec.fileName),
           summary.id == id,
           InventoryCodec.declaredDigest(sidecarAt: objectRoot + "/" + InventoryCodec.sidecarName) == summary.sha256 {
            return summary.headCreated
        }
        let inventory = try inventory(of: id)
        return inventory.versions[inventory.head]?.created ?? ""
    }

    func verifiedInventory(of id: String) throws -> (inventory: OCFLInventory, data: Data) {
        let objectRoot = objectPath(for: id)
        guard objectExists(id) else { throw OCFLStorageError.objectNotFound(id: id) }
        let result: (inventory: OCFLInventory, data: Data)
        do {
            result = try InventoryCodec.readVerified(in: objectRoot)
        } catch let error as OCFLStorageError {
            guard case .inventoryDigestMismatch = error,
                  let data = try? DurableFiles.readAll(objectRoot + "/" + InventoryCodec.fileName),
                  let parsed = try? InventoryCodec.decode(data, path: objectRoot),
                  let headCopy = try? InventoryCodec.readVerified(in: objectRoot + "/" + parsed.head),
                  headCopy.data == data else { throw error }
            result = (parsed, data)
        }
        guard result.inventory.id == id else {
            throw OCFLStorageError.invalidInventory(path: objectRoot + "/" + InventoryCodec.fileName,
                                                    reason: "names object '\(result.inventory.id)', expected '\(id)'")
        }
        return result
    }

    /// Checks a staging directory (creating it if missing): same file system as the root, not inside it.
    func prepareStaging(_ staging: String) throws -> String {
        let dir = Self.absolute(staging)
        try FileManager.default.createDirectory(atPath: dir + "/" + Self.workDirectoryName, withIntermediateDirectories: true)
        guard let real = SafePath.realPath(dir), let realRoot = SafePath.realPath(path) else {
            throw OCFLStorageError.unusableStagingDirectory(path: dir, reason: "cannot be resolved")
        }
        if real.hasSameUTF8(as: realRoot) || real.hasUTF8Prefix(realRoot + "/") {
            throw OCFLStorageError.unusableStagingDirectory(path: dir, reason: "must be outside the storage root")
        }
        guard let a = DurableFiles.device(of: real), let b = DurableFiles.device(of: realRoot), a == b else {
            throw OCFLStorageError.unusableStagingDirectory(path: dir, reason: "must be on the storage root's file system (atomic rename)")
        }
        return real
    }

    static func validateObjectID(_ id: String) throws {
        if id.isEmpty { throw OCFLStorageError.invalidObjectID(id: id, reason: "empty") }
        if id.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw OCFLStorageError.invalidObjectID(id: id, reason: "contains a control character")
        }
    }

    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (full as NSString).standardizingPath
    }
}
