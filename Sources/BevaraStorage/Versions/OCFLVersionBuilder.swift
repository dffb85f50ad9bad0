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

    // Per-file facts live in scratch maps in the work folder (see `ScratchMap`): a version of a
    // hundred thousand files holds no map of them in memory.
    private let state: ScratchMap              // logical path → digest
    private let stateDirectories: FolderCounts // directory prefix → files below it
    private let digests: ScratchMap            // digest → "uses" or "uses\tcontent path" (new bytes)
    private let newContentPaths: ScratchMap    // content path (object-relative) → ""
    private let newContentDirectories: FolderCounts
    private let scratchLimit: Int
    private var stateCount = 0
    private var newContentCount = 0
    /// The folder `makeStagedDirectories` made last (with its parents): files come in path order,
    /// so this spares the mkdir calls a set of every folder made used to.
    private var lastCreatedDirectory: String?
    /// `directoryPrefixes(of:)` for the last two parent folders asked: adding a file asks for its
    /// logical path's and its content path's folders (placement, then registration), and the
    /// files of one folder come one after another. A path's folders are its parent's folders and
    /// the parent, so they are shared by every file of the folder; made per file, the prefix
    /// strings were ≈ 10 % of the main thread while a package of many small files was stored.
    private var recentFolders: [(parent: String, folders: [String])] = []
    private var temporaryCounter = 0
    /// The content folder taken over by `adoptContent`.
    private var adoptedRoot: String?
    private var closed = false
    private var crashed = false
    /// An I/O error of the scratch maps in `removeFile` (which does not throw), for `commit`.
    private var scratchFailure: Error?

    /// `scratchLimit`: entries each scratch map holds in memory before it writes a run (tests
    /// make it small to exercise the runs).
    init(root: OCFLStorageRoot, objectID: String, previous: OCFLInventory?, lock: StagingLock, workDirectory: String,
         scratchLimit: Int) throws {
        self.root = root
        self.objectID = objectID
        self.previous = previous
        self.lock = lock
        self.workDirectory = workDirectory
        self.versionNumber = (previous?.headVersionNumber ?? 0) + 1
        self.versionName = OCFLInventory.versionName(versionNumber)
        self.objectStage = workDirectory + "/object"
        let scratch = workDirectory + "/scratch"
        self.scratchLimit = scratchLimit
        state = ScratchMap(directory: scratch, name: "state", bufferLimit: scratchLimit)
        stateDirectories = FolderCounts(ScratchMap(directory: scratch, name: "state-dirs", bufferLimit: scratchLimit))
        digests = ScratchMap(directory: scratch, name: "digests", bufferLimit: scratchLimit)
        newContentPaths = ScratchMap(directory: scratch, name: "content", bufferLimit: scratchLimit)
        newContentDirectories = FolderCounts(ScratchMap(directory: scratch, name: "content-dirs", bufferLimit: scratchLimit))
        try FileManager.default.createDirectory(atPath: objectStage + "/" + versionName, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: workDirectory + "/incoming", withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: false)
    }

    deinit { if !crashed { discard() } }

    /// Logical path → digest of the version as assembled so far (a map of every path: for tests
    /// and small versions).
    public var currentState: [String: String] {
        get throws {
            var out: [String: String] = [:]
            let entries = try state.sortedEntries()
            while let (path, digest) = try entries.next() { out[path] = digest }
            return out
        }
    }

    /// Starts this version from the head version's state (an update rather than a replacement).
    /// Paths already added to this version keep their new content.
    public func inheritPreviousState() throws {
        try ensureOpen()
        guard let previous else { return }
        for (path, digest) in previous.state(of: previous.headVersionNumber).sorted(by: { $0.key < $1.key }) {
            guard try state.value(path) == nil else { continue }
            try checkPlacement(path)
            try assign(path, digest)
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
        guard stateCount == 0, newContentCount == 0, adoptedRoot == nil else {
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
        let source = try adoptedSource(relativePath, as: logicalPath)
        let taken = try FileDigest.stream(path: source)
        try placeAdopted(relativePath, source: source, as: logicalPath, digest: taken.sha256, expectedSHA256: expectedSHA256)
        return taken
    }

    /// As `addAdoptedFile(relativePath:as:expectedSHA256:)` without reading the file: `sha256`
    /// is its digest as the caller took it from the very bytes it wrote there (intake's lanes).
    public func addAdoptedFile(relativePath: String, as logicalPath: String, writtenSHA256 sha256: String,
                               expectedSHA256: String? = nil) throws {
        let source = try adoptedSource(relativePath, as: logicalPath)
        try placeAdopted(relativePath, source: source, as: logicalPath, digest: sha256.lowercased(),
                         expectedSHA256: expectedSHA256)
    }

    /// The adopted file's path, once the logical path is known to be allowed.
    private func adoptedSource(_ relativePath: String, as logicalPath: String) throws -> String {
        try ensureOpen()
        guard let adoptedRoot else {
            throw OCFLStorageError.builderMisuse(objectID: objectID, reason: "addAdoptedFile needs adoptContent first")
        }
        try Self.validateLogicalPath(logicalPath)
        try checkPlacement(logicalPath)
        return adoptedRoot + "/" + relativePath
    }

    /// Places and registers an adopted file whose SHA-256 is `digest` (see `addAdoptedFile`).
    private func placeAdopted(_ relativePath: String, source: String, as logicalPath: String, digest: String,
                              expectedSHA256: String?) throws {
        if let expected = expectedSHA256, expected.lowercased() != digest {
            throw OCFLStorageError.sourceDigestMismatch(source: source, logicalPath: logicalPath,
                                                        expected: expected.lowercased(), actual: digest)
        }
        let inPlace = versionName + "/content/" + relativePath
        if try state.value(logicalPath) != nil { try release(logicalPath) }
        if try isStored(digest) {
            unlink(source)
        } else if try relativePath == logicalPath && !contentPathTaken(inPlace) {
            try register(contentPath: inPlace, digest: digest)
        } else {
            // Another name (the SIP's METS.xml becomes submission/METS.xml): a free content path
            // that no adopted file occupies on disk either.
            var contentPath = try freeContentPath(for: logicalPath, digest: digest)
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
            try register(contentPath: contentPath, digest: digest)
        }
        try assign(logicalPath, digest)
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
    /// Returns false if the path was not in the state. A scratch file that cannot be read or
    /// written here fails the version: `commit` throws that error.
    @discardableResult
    public func removeFile(logicalPath: String) -> Bool {
        guard !closed, scratchFailure == nil else { return false }
        do {
            guard try state.value(logicalPath) != nil else { return false }
            try release(logicalPath)
            return true
        } catch {
            scratchFailure = error
            return false
        }
    }

    /// Writes the version into the storage root and returns its number. On an error before the
    /// version became visible nothing is left behind; after that point the object is left for
    /// `recover` to complete (a visible `vN` is always complete).
    public func commit(created: Date, message: String, user: (name: String, address: String?)) throws -> Int {
        try ensureOpen()
        var published = false
        do {
            if let scratchFailure { throw scratchFailure }
            let versionStage = objectStage + "/" + versionName
            let content = versionStage + "/content"
            // Every staged content file must be in the manifest (OCFL E023); adopted folders
            // may hold files nobody registered, and deduplication leaves empty folders behind.
            let stagedFiles = DurableFiles.pruneEmptyDirectories(below: content)
            guard stagedFiles == newContentCount else {
                throw OCFLStorageError.unregisteredContent(objectID: objectID, path: content, files: stagedFiles,
                                                           registered: newContentCount)
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
    private func inventoryEncoder(created: Date, message: String, user: (name: String, address: String?)) throws -> InventoryStreamEncoder {
        let scratch = workDirectory + "/scratch"
        // Digest order: the manifest's new entries as the digest map already sorts them; the
        // state's (digest, path) pairs sorted through runs on disk.
        let entries = try digests.sortedEntries()
        let newContent = PairStream {
            while let (digest, record) = try entries.next() {
                if let tab = record.firstIndex(of: "\t") { return (digest, String(record[record.index(after: tab)...])) }
            }
            return nil
        }
        let sorter = ScratchPairSorter(directory: scratch, name: "state-by-digest", bufferLimit: scratchLimit)
        let paths = try state.sortedEntries()
        while let (path, digest) = try paths.next() { try sorter.add(digest, path) }
        return InventoryStreamEncoder(
            objectID: objectID, previous: previous, newContent: newContent,
            version: .init(name: versionName, created: Timestamp.string(from: created), message: message,
                           user: OCFLInventory.User(name: user.name, address: user.address.map(Self.addressURI))),
            state: try sorter.sorted())
    }

    /// OCFL wants the user address to be a URI (W009); a bare e-mail address becomes `mailto:`.
    static func addressURI(_ address: String) -> String {
        if address.range(of: #"^[A-Za-z][A-Za-z0-9+.-]{2,5}:"#, options: .regularExpression) != nil { return address }
        return address.contains("@") ? "mailto:" + address : address
    }

    /// Moves a staged temporary file to its content path, or drops it if the bytes are already stored.
    private func place(_ temporary: String, as logicalPath: String, digest: String) throws {
        let existing = try state.value(logicalPath)
        if existing == digest { unlink(temporary); return }
        if existing != nil { try release(logicalPath) }
        if try isStored(digest) {
            unlink(temporary)
        } else {
            let contentPath = try freeContentPath(for: logicalPath, digest: digest)
            let destination = objectStage + "/" + contentPath
            try makeStagedDirectories(DurableFiles.parent(of: destination))
            if rename(temporary, destination) != 0 {
                let code = errno
                unlink(temporary)
                throw IOError(path: destination, operation: "rename staged content", errno: code)
            }
            try register(contentPath: contentPath, digest: digest)
        }
        try assign(logicalPath, digest)
    }

    /// Whether the object holds these bytes already (an earlier version, or this one).
    private func isStored(_ digest: String) throws -> Bool {
        if previous?.manifest[digest] != nil { return true }
        return try digestRecord(digest).contentPath != nil
    }

    /// The digest map's record: logical paths using the digest, and its new content path.
    private func digestRecord(_ digest: String) throws -> (uses: Int, contentPath: String?) {
        guard let record = try digests.value(digest) else { return (0, nil) }
        guard let tab = record.firstIndex(of: "\t") else { return (Int(record)!, nil) }
        return (Int(record[..<tab])!, String(record[record.index(after: tab)...]))
    }

    private func setDigestRecord(_ digest: String, uses: Int, contentPath: String?) throws {
        if uses == 0 && contentPath == nil { try digests.set(digest, nil); return }
        try digests.set(digest, contentPath.map { "\(uses)\t" + $0 } ?? String(uses))
    }

    private func register(contentPath: String, digest: String) throws {
        try setDigestRecord(digest, uses: try digestRecord(digest).uses, contentPath: contentPath)
        try newContentPaths.set(contentPath, "")
        newContentCount += 1
        try newContentDirectories.addFile(in: folders(of: contentPath))
    }

    /// `vN/content/<logical path>` unless a still-referenced staged file occupies it (after a
    /// replace whose old bytes another path still uses); then `vN/content/<digest>[-n]`.
    private func freeContentPath(for logicalPath: String, digest: String) throws -> String {
        let base = versionName + "/content/"
        let natural = base + logicalPath
        if try !contentPathTaken(natural) { return natural }
        var candidate = base + digest
        var n = 1
        while try contentPathTaken(candidate) { candidate = base + digest + "-\(n)"; n += 1 }
        return candidate
    }

    /// A staged file at `path`, a folder of staged files there, or a staged file at one of its
    /// folders. A folder of staged files is never a staged file too (paths are only taken when
    /// free), so folders known to hold files need no file lookup.
    private func contentPathTaken(_ path: String) throws -> Bool {
        if try newContentPaths.value(path) != nil || newContentDirectories.hasFiles(path) { return true }
        for prefix in folders(of: path) {
            if try !newContentDirectories.hasFiles(prefix), try newContentPaths.value(prefix) != nil { return true }
        }
        return false
    }

    private func assign(_ logicalPath: String, _ digest: String) throws {
        try state.set(logicalPath, digest)
        stateCount += 1
        let record = try digestRecord(digest)
        try setDigestRecord(digest, uses: record.uses + 1, contentPath: record.contentPath)
        try stateDirectories.addFile(in: folders(of: logicalPath))
    }

    /// Removes a path from the state; new content no other path uses is deleted from staging
    /// (OCFL forbids unreferenced content, E023).
    private func release(_ logicalPath: String) throws {
        guard let digest = try state.value(logicalPath) else { return }
        try state.set(logicalPath, nil)
        stateCount -= 1
        try stateDirectories.removeFile(in: folders(of: logicalPath))
        let record = try digestRecord(digest)
        guard record.uses == 1 else {
            try setDigestRecord(digest, uses: record.uses - 1, contentPath: record.contentPath)
            return
        }
        try setDigestRecord(digest, uses: 0, contentPath: nil)
        if let contentPath = record.contentPath {
            unlink(objectStage + "/" + contentPath)
            try newContentPaths.set(contentPath, nil)
            newContentCount -= 1
            try newContentDirectories.removeFile(in: folders(of: contentPath))
        }
    }

    /// A logical path may not be a directory of another file or lie below a file (OCFL E095).
    /// A folder of files in the state is never a file there too, so prefixes known as folders
    /// need no lookup.
    private func checkPlacement(_ logicalPath: String) throws {
        if try stateDirectories.hasFiles(logicalPath) {
            var below: String?
            let entries = try state.sortedEntries()
            while below == nil, let (path, _) = try entries.next() {
                if path.hasPrefix(logicalPath + "/") { below = path }
            }
            throw OCFLStorageError.logicalPathConflict(path: logicalPath, existing: below ?? logicalPath + "/…")
        }
        for prefix in folders(of: logicalPath) {
            if try !stateDirectories.hasFiles(prefix), try state.value(prefix) != nil {
                throw OCFLStorageError.logicalPathConflict(path: logicalPath, existing: prefix)
            }
        }
    }

    /// Rules for a logical path: relative, `/`-separated, no empty, `.` or `..` segments, no
    /// control characters, and Unicode NFC (two spellings of one name must not become two files).
    static func validateLogicalPath(_ path: String) throws {
        if let problem = SafePath.validateRelative(path) {
            throw OCFLStorageError.invalidLogicalPath(path: path, reason: problem.rawValue)
        }
        if !SafePath.isNFC(path) {
            throw OCFLStorageError.invalidLogicalPath(path: path, reason: "not in Unicode NFC")
        }
    }

    /// `directoryPrefixes(of: path)`, from `recentFolders` when its parent was one of the last
    /// two asked.
    private func folders(of path: String) -> [String] {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return [] }
        let parent = path[..<slash]
        if let hit = recentFolders.first(where: { $0.parent.hasSameUTF8(as: parent) }) { return hit.folders }
        let folders = Self.directoryPrefixes(of: path)
        if recentFolders.count == 2 { recentFolders.removeFirst() }
        recentFolders.append((String(parent), folders))
        return folders
    }

    /// `a/b/c` → `a`, `a/b`: the UTF-8 before each `/` byte (a `/` is one byte and no part of
    /// another scalar). Searched by `Character` it cost ≈ 40,000 instructions a new folder, and a
    /// `/` after a prepended mark (U+0600 …), one grapheme with it, went unseen as a separator.
    static func directoryPrefixes(of path: String) -> [String] {
        var out: [String] = []
        var path = path
        path.withUTF8 { bytes in
            for i in bytes.indices where bytes[i] == UInt8(ascii: "/") {
                out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[..<i]), as: UTF8.self))
            }
        }
        return out
    }

    /// mkdir of `directory` and its missing parents below the version's folder (which exists),
    /// remembering what exists so each folder costs one call.
    private func makeStagedDirectories(_ directory: String) throws {
        if let last = lastCreatedDirectory, last == directory || last.hasPrefix(directory + "/") { return }
        let parent = DurableFiles.parent(of: directory)
        if parent.count > objectStage.count + versionName.count + 1 { try makeStagedDirectories(parent) }
        if mkdir(directory, 0o755) != 0 && errno != EEXIST {
            throw IOError(path: directory, operation: "mkdir", errno: errno)
        }
        lastCreatedDirectory = directory
    }

    private func nextTemporary() -> String {
        temporaryCounter += 1
        return workDirectory + "/incoming/\(temporaryCounter)"
    }

    private func ensureOpen() throws {
        if closed { throw OCFLStorageError.builderClosed(objectID: objectID) }
        if let scratchFailure { throw scratchFailure }
    }
}
