import BevaraArchiveIO
import Foundation

/// Assembles one new version of an OCFL object in the staging directory and commits it with the
/// crash-safe protocol described on `OCFLStorageRoot`. Holds the staging lock from
/// `OCFLStorageRoot.beginVersion` until `commit` or `discard` (or deinit, which discards).
///
/// Each added file is read exactly once: copied into staging while its SHA-256 is computed.
/// Content already in the object (any earlier version) or already added to this version is not
/// stored again; the new state simply points at the existing digest (OCFL deduplication).
public final class OCFLVersionBuilder {
    public let objectID: String
    /// The number this version gets on commit (1 for a new object).
    public let versionNumber: Int

    let root: OCFLStorageRoot
    private let lock: StagingLock
    private let workDirectory: String
    /// The object as staged: the whole object for v1, only `vN/` below it otherwise.
    private let objectStage: String
    private let previous: OCFLInventory?
    private let versionName: String

    private var state: [String: String] = [:]            // logical path → digest
    private var stateDirectories: [String: Int] = [:]    // directory prefix → files below it
    private var digestUses: [String: Int] = [:]          // digest → logical paths using it
    private var newContent: [String: String] = [:]       // digest → content path (object-relative)
    private var newContentPaths: Set<String> = []
    private var newContentDirectories: [String: Int] = [:]
    private var createdDirectories: Set<String> = []
    private var temporaryCounter = 0
    /// The content folder taken over by `adoptContent`.
    private var adoptedRoot: String?
    private var closed = false
    private var crashed = false

    init(root: OCFLStorageRoot, objectID: String, previous: OCFLInventory?, lock: StagingLock, workDirectory: String) throws {
        self.root = root
        self.objectID = objectID
        self.previous = previous
        self.lock = lock
        self.workDirectory = workDirectory
        self.versionNumber = (previous?.headVersionNumber ?? 0) + 1
        self.versionName = OCFLInventory.versionName(versionNumber)
        self.objectStage = workDirectory + "/object"
        try FileManager.default.createDirectory(atPath: objectStage + "/" + versionName, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: workDirectory + "/incoming", withIntermediateDirectories: false)
    }

    deinit { if !crashed { discard() } }

    /// Logical path → digest of the version as assembled so far.
    public var currentState: [String: String] { state }

    /// Starts this version from the head version's state (an update rather than a replacement).
    /// Paths already added to this version keep their new content.
    public func inheritPreviousState() throws {
        try ensureOpen()
        guard let previous else { return }
        for (path, digest) in previous.state(of: previous.headVersionNumber).sorted(by: { $0.key < $1.key })
        where state[path] == nil {
            try checkPlacement(path)
            assign(path, digest)
        }
    }

    /// Copies `sourcePath` into the version as `logicalPath`, hashing while copying (one read).
    /// With `expectedSHA256`, a different digest throws `sourceDigestMismatch` and nothing is kept.
    /// Replaces an earlier file at the same logical path in this version.
    @discardableResult
    public func addFile(logicalPath: String, from sourcePath: String, expectedSHA256: String? = nil) throws -> (size: Int64, sha256: String) {
        let copied = try addFile(logicalPath: logicalPath, copyingFrom: sourcePath, expectedSHA256: expectedSHA256)
        return (copied.size, copied.sha256)
    }

    /// As `addFile(logicalPath:from:expectedSHA256:)`, returning the file's head too (for format
    /// identification without reading the file again).
    @discardableResult
    public func addFile(logicalPath: String, copyingFrom sourcePath: String, expectedSHA256: String? = nil) throws -> FileDigest.Result {
        try ensureOpen()
        try Self.validateLogicalPath(logicalPath)
        try checkPlacement(logicalPath)
        let temporary = nextTemporary()
        let copied = try FileCopier.copyHashing(from: sourcePath, to: temporary)
        if let expected = expectedSHA256, expected.lowercased() != copied.sha256 {
            unlink(temporary)
            throw OCFLStorageError.sourceDigestMismatch(source: sourcePath, logicalPath: logicalPath,
                                                        expected: expected.lowercased(), actual: copied.sha256)
        }
        try place(temporary, as: logicalPath, digest: copied.sha256)
        return copied
    }

    /// Takes over `directory` (a folder Bevara staged itself on the storage root's file system,
    /// e.g. an extracted SIP, and never uses again) as this version's content folder, with one
    /// rename: its files need no copy, no per-file move and no folder to create or delete. Then
    /// register each file with `addAdoptedFile`; at commit, files not registered are an error.
    /// Only before anything is added. Returns the folder's new path. Across file systems it
    /// throws (`EXDEV`); the caller then adds the files one by one instead.
    public func adoptContent(from directory: String) throws -> String {
        try ensureOpen()
        guard state.isEmpty, newContent.isEmpty, adoptedRoot == nil else {
            throw OCFLStorageError.builderMisuse(objectID: objectID, reason: "content can only be adopted before any file is added")
        }
        let content = objectStage + "/" + versionName + "/content"
        if rename(directory, content) != 0 {
            throw IOError(path: directory, operation: "rename into \(content)", errno: errno)
        }
        adoptedRoot = content
        return content
    }

    /// Registers the adopted file at `relativePath` (below the adopted folder) as `logicalPath`,
    /// hashing it in place (one read). At its natural content path (`relativePath` is
    /// `logicalPath`) it stays where it is; otherwise it is renamed there (never over another
    /// file); bytes the object already holds are deleted (deduplication). With `expectedSHA256`,
    /// a different digest throws `sourceDigestMismatch`. Returns size, SHA-256 and head.
    @discardableResult
    public func addAdoptedFile(relativePath: String, as logicalPath: String, expectedSHA256: String? = nil) throws -> FileDigest.Result {
        try ensureOpen()
        guard let adoptedRoot else {
            throw OCFLStorageError.builderMisuse(objectID: objectID, reason: "addAdoptedFile needs adoptContent first")
        }
        try Self.validateLogicalPath(logicalPath)
        try checkPlacement(logicalPath)
        let source = adoptedRoot + "/" + relativePath
        let taken = try FileDigest.stream(path: source)
        if let expected = expectedSHA256, expected.lowercased() != taken.sha256 {
            throw OCFLStorageError.sourceDigestMismatch(source: source, logicalPath: logicalPath,
                                                        expected: expected.lowercased(), actual: taken.sha256)
        }
        let digest = taken.sha256
        let inPlace = versionName + "/content/" + relativePath
        if state[logicalPath] != nil { release(logicalPath) }
        if previous?.manifest[digest] != nil || newContent[digest] != nil {
            unlink(source)
        } else if relativePath == logicalPath && !contentPathTaken(inPlace) {
            register(contentPath: inPlace, digest: digest)
        } else {
            // Another name (the SIP's METS.xml becomes submission/METS.xml): a free content path
            // that no adopted file occupies on disk either.
            var contentPath = freeContentPath(for: logicalPath, digest: digest)
            var n = 1
            while DurableFiles.exists(objectStage + "/" + contentPath) {
                contentPath = versionName + "/content/" + digest + "-a\(n)"
                n += 1
            }
            let destination = objectStage + "/" + contentPath
            try makeStagedDirectories(DurableFiles.parent(of: destination))
            if rename(source, destination) != 0 {
                throw IOError(path: destination, operation: "rename adopted content", errno: errno)
            }
            register(contentPath: contentPath, digest: digest)
        }
        assign(logicalPath, digest)
        return taken
    }

    /// Adds bytes held in memory (small metadata files such as METS or PREMIS) as `logicalPath`.
    @discardableResult
    public func addFile(logicalPath: String, data: Data) throws -> (size: Int64, sha256: String) {
        try ensureOpen()
        try Self.validateLogicalPath(logicalPath)
        try checkPlacement(logicalPath)
        let temporary = nextTemporary()
        try data.write(to: URL(fileURLWithPath: temporary), options: .withoutOverwriting)
        let digest = FileDigest.sha256(of: data)
        try place(temporary, as: logicalPath, digest: digest)
        return (Int64(data.count), digest)
    }

    /// Drops `logicalPath` from this version's state (its bytes stay in earlier versions).
    /// Returns false if the path was not in the state.
    @discardableResult
    public func removeFile(logicalPath: String) -> Bool {
        guard !closed, state[logicalPath] != nil else { return false }
        release(logicalPath)
        return true
    }

    /// Writes the version into the storage root and returns its number. On an error before the
    /// version became visible nothing is left behind; after that point the object is left for
    /// `recover` to complete (a visible `vN` is always complete).
    public func commit(created: Date, message: String, user: (name: String, address: String?)) throws -> Int {
        try ensureOpen()
        var published = false
        do {
            let versionStage = objectStage + "/" + versionName
            let content = versionStage + "/content"
            // Every staged content file must be in the manifest (OCFL E023); adopted folders
            // may hold files nobody registered, and deduplication leaves empty folders behind.
            let stagedFiles = DurableFiles.pruneEmptyDirectories(below: content)
            guard stagedFiles == newContentPaths.count else {
                throw OCFLStorageError.unregisteredContent(objectID: objectID, path: content, files: stagedFiles,
                                                           registered: newContentPaths.count)
            }
            if DurableFiles.isDirectory(content) && DurableFiles.entries(of: content).isEmpty { rmdir(content) }
            // The version's copy and the other one (object root, or the replacement of the root's
            // inventory) are written in one streamed pass; the sidecar hashes those very bytes.
            let secondCopy = previous == nil ? objectStage : workDirectory
            let digest = try inventoryEncoder(created: created, message: message, user: user)
                .write(to: [versionStage + "/" + InventoryCodec.fileName, secondCopy + "/" + InventoryCodec.fileName])
            let sidecar = InventoryCodec.sidecar(digest: digest)
            try DurableFiles.writeNew(sidecar, to: versionStage + "/" + InventoryCodec.sidecarName)
            let objectRoot = root.objectPath(for: objectID)
            if previous == nil {
                try DurableFiles.writeNew(Data(OCFLStorageRoot.objectDeclarationContent.utf8),
                                          to: objectStage + "/" + OCFLStorageRoot.objectDeclarationName)
                try DurableFiles.writeNew(sidecar, to: objectStage + "/" + InventoryCodec.sidecarName)
                try Durability.syncTree(at: workDirectory)
                try Failpoint.hit("storage.before-move", subject: objectID)
                if DurableFiles.exists(objectRoot) {
                    throw OCFLStorageError.objectAlreadyExists(id: objectID, path: objectRoot)
                }
                try DurableFiles.makeDirectories(DurableFiles.parent(of: objectRoot), below: root.path)
                if rename(objectStage, objectRoot) != 0 {
                    throw IOError(path: objectRoot, operation: "rename object into place", errno: errno)
                }
                published = true
                try Failpoint.hit("storage.after-object-move", subject: objectID)
                try Durability.syncDirectory(DurableFiles.parent(of: objectRoot))
            } else {
                try Durability.syncTree(at: workDirectory)
                try Failpoint.hit("storage.before-move", subject: objectID)
                let current = try root.verifiedInventory(of: objectID).inventory
                guard current.head == previous?.head, !DurableFiles.exists(objectRoot + "/" + versionName) else {
                    throw OCFLStorageError.needsRecovery(objectID: objectID, reason: "the object changed while \(versionName) was being built")
                }
                if rename(versionStage, objectRoot + "/" + versionName) != 0 {
                    throw IOError(path: objectRoot + "/" + versionName, operation: "rename version into place", errno: errno)
                }
                published = true
                try Durability.syncDirectory(objectRoot)
                try Failpoint.hit("storage.after-version-move", subject: objectID)
                try DurableFiles.writeNew(sidecar, to: workDirectory + "/" + InventoryCodec.sidecarName)
                try DurableFiles.move(workDirectory + "/" + InventoryCodec.fileName, to: objectRoot + "/" + InventoryCodec.fileName)
                try Failpoint.hit("storage.after-inventory-replace", subject: objectID)
                try DurableFiles.move(workDirectory + "/" + InventoryCodec.sidecarName, to: objectRoot + "/" + InventoryCodec.sidecarName)
            }
            try Failpoint.hit("storage.before-cleanup", subject: objectID)
        } catch let crash as Failpoint.SimulatedCrash {
            // A real crash would run no cleanup: leave everything exactly as it is.
            crashed = true
            closed = true
            lock.release()
            throw crash
        } catch {
            if !published { try? FileManager.default.removeItem(atPath: workDirectory) }
            closed = true
            lock.release()
            throw error
        }
        try? FileManager.default.removeItem(atPath: workDirectory)
        closed = true
        lock.release()
        return versionNumber
    }

    /// Abandons the version: removes the staged files and releases the lock. Idempotent.
    public func discard() {
        guard !closed else { return }
        closed = true
        try? FileManager.default.removeItem(atPath: workDirectory)
        lock.release()
    }

    // MARK: - Assembly

    /// The inventory of the committed object: the previous one plus this version, streamed from
    /// the builder's own records (see `InventoryStreamEncoder`).
    /// `created` has milliseconds (RFC 3339 allows them): versions written within one second
    /// still sort in the order they were made, which reindex relies on.
    private func inventoryEncoder(created: Date, message: String, user: (name: String, address: String?)) -> InventoryStreamEncoder {
        InventoryStreamEncoder(
            objectID: objectID, previous: previous, newContent: newContent,
            version: .init(name: versionName, created: Timestamp.string(from: created), message: message,
                           user: OCFLInventory.User(name: user.name, address: user.address.map(Self.addressURI))),
            state: state)
    }

    /// OCFL wants the user address to be a URI (W009); a bare e-mail address becomes `mailto:`.
    static func addressURI(_ address: String) -> String {
        if address.range(of: #"^[A-Za-z][A-Za-z0-9+.-]{2,5}:"#, options: .regularExpression) != nil { return address }
        return address.contains("@") ? "mailto:" + address : address
    }

    /// Moves a staged temporary file to its content path, or drops it if the bytes are already stored.
    private func place(_ temporary: String, as logicalPath: String, digest: String) throws {
        if state[logicalPath] == digest { unlink(temporary); return }
        if state[logicalPath] != nil { release(logicalPath) }
        if previous?.manifest[digest] != nil || newContent[digest] != nil {
            unlink(temporary)
        } else {
            let contentPath = freeContentPath(for: logicalPath, digest: digest)
            let destination = objectStage + "/" + contentPath
            try makeStagedDirectories(DurableFiles.parent(of: destination))
            if rename(temporary, destination) != 0 {
                let code = errno
                unlink(temporary)
                throw IOError(path: destination, operation: "rename staged content", errno: code)
            }
            register(contentPath: contentPath, digest: digest)
        }
        assign(logicalPath, digest)
    }

    private func register(contentPath: String, digest: String) {
        newContent[digest] = contentPath
        newContentPaths.insert(contentPath)
        for prefix in Self.directoryPrefixes(of: contentPath) { newContentDirectories[prefix, default: 0] += 1 }
    }

    /// `vN/content/<logical path>` unless a still-referenced staged file occupies it (after a
    /// replace whose old bytes another path still uses); then `vN/content/<digest>[-n]`.
    private func freeContentPath(for logicalPath: String, digest: String) -> String {
        let base = versionName + "/content/"
        let natural = base + logicalPath
        if !contentPathTaken(natural) { return natural }
        var candidate = base + digest
        var n = 1
        while contentPathTaken(candidate) { candidate = base + digest + "-\(n)"; n += 1 }
        return candidate
    }

    private func contentPathTaken(_ path: String) -> Bool {
        newContentPaths.contains(path) || newContentDirectories[path] != nil
            || Self.directoryPrefixes(of: path).contains(where: newContentPaths.contains)
    }

    private func assign(_ logicalPath: String, _ digest: String) {
        state[logicalPath] = digest
        digestUses[digest, default: 0] += 1
        for prefix in Self.directoryPrefixes(of: logicalPath) { stateDirectories[prefix, default: 0] += 1 }
    }

    /// Removes a path from the state; new content no other path uses is deleted from staging
    /// (OCFL forbids unreferenced content, E023).
    private func release(_ logicalPath: String) {
        guard let digest = state.removeValue(forKey: logicalPath) else { return }
        for prefix in Self.directoryPrefixes(of: logicalPath) {
            stateDirectories[prefix]! -= 1
            if stateDirectories[prefix] == 0 { stateDirectories[prefix] = nil }
        }
        digestUses[digest]! -= 1
        guard digestUses[digest] == 0 else { return }
        digestUses[digest] = nil
        if let contentPath = newContent.removeValue(forKey: digest) {
            unlink(objectStage + "/" + contentPath)
            newContentPaths.remove(contentPath)
            for prefix in Self.directoryPrefixes(of: contentPath) {
                newContentDirectories[prefix]! -= 1
                if newContentDirectories[prefix] == 0 { newContentDirectories[prefix] = nil }
            }
        }
    }

    /// A logical path may not be a directory of another file or lie below a file (OCFL E095).
    private func checkPlacement(_ logicalPath: String) throws {
        if stateDirectories[logicalPath] != nil {
            let below = state.keys.filter { $0.hasPrefix(logicalPath + "/") }.min() ?? logicalPath + "/…"
            throw OCFLStorageError.logicalPathConflict(path: logicalPath, existing: below)
        }
        for prefix in Self.directoryPrefixes(of: logicalPath) where state[prefix] != nil {
            throw OCFLStorageError.logicalPathConflict(path: logicalPath, existing: prefix)
        }
    }

    /// Rules for a logical path: relative, `/`-separated, no empty, `.` or `..` segments, no
    /// control characters, and Unicode NFC (two spellings of one name must not become two files).
    static func validateLogicalPath(_ path: String) throws {
        if let problem = SafePath.validateRelative(path) {
            throw OCFLStorageError.invalidLogicalPath(path: path, reason: problem.rawValue)
        }
        if !path.unicodeScalars.elementsEqual(path.precomposedStringWithCanonicalMapping.unicodeScalars) {
            throw OCFLStorageError.invalidLogicalPath(path: path, reason: "not in Unicode NFC")
        }
    }

    /// `a/b/c` → `a`, `a/b`.
    static func directoryPrefixes(of path: String) -> [String] {
        var out: [String] = []
        var index = path.startIndex
        while let slash = path[index...].firstIndex(of: "/") {
            out.append(String(path[..<slash]))
            index = path.index(after: slash)
        }
        return out
    }

    /// mkdir of `directory` and its missing parents below the version's folder (which exists),
    /// remembering what exists so each folder costs one call.
    private func makeStagedDirectories(_ directory: String) throws {
        if createdDirectories.contains(directory) { return }
        let parent = DurableFiles.parent(of: directory)
        if parent.count > objectStage.count + versionName.count + 1 { try makeStagedDirectories(parent) }
        if mkdir(directory, 0o755) != 0 && errno != EEXIST {
            throw IOError(path: directory, operation: "mkdir", errno: errno)
        }
        createdDirectories.insert(directory)
    }

    private func nextTemporary() -> String {
        temporaryCounter += 1
        return workDirectory + "/incoming/\(temporaryCounter)"
    }

    private func ensureOpen() throws {
        if closed { throw OCFLStorageError.builderClosed(objectID: objectID) }
    }
}
