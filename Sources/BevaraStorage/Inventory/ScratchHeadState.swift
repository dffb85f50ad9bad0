import BevaraArchiveIO
import Foundation

/// The head state of a large object kept on disk instead of in memory: a `ScratchMap` of logical
/// path → digest and content path in a scratch folder of its own, which is deleted with this
/// value (or by the archive's staging sweep after a crash). Memory stays at the map's buffer,
/// Bloom filters and sparse key index whatever the number of files.
///
/// Read-only once built: lookups `pread` and each scan opens its own cursors, so sharing it
/// between threads is safe (hence `@unchecked Sendable`).
final class ScratchHeadState: @unchecked Sendable {
    /// Entries the map holds in memory before it writes a sorted run: about 2 MB of strings,
    /// and a 99,500-file object in 13 runs (16 would merge them into one, rewriting them).
    static let defaultBufferLimit = 8_192

    let count: Int
    private let folder: ScratchFolder
    private let map: ScratchMap

    fileprivate init(count: Int, folder: ScratchFolder, map: ScratchMap) {
        self.count = count
        self.folder = folder
        self.map = map
    }

    func file(_ logicalPath: String) throws -> OCFLHeadState.File? {
        // Keys are NFC (the builder declines others), and `String` equality is canonical
        // equivalence: another spelling must not find what the byte-wise table would not.
        guard SafePath.isNFC(logicalPath), let value = try map.value(logicalPath) else { return nil }
        return Self.decode(logicalPath, value)
    }

    /// Every file in ascending path order (`String`'s order, which is UTF-8 byte order for NFC).
    func forEach(_ body: (OCFLHeadState.File) throws -> Void) throws {
        let entries = try map.sortedEntries()
        while let (path, value) = try entries.next() { try body(Self.decode(path, value)) }
    }

    func paths(where include: (String) -> Bool) throws -> [String] {
        var out: [String] = []
        let entries = try map.sortedEntries()
        while let (path, _) = try entries.next() {
            if include(path) { out.append(path) }
        }
        return out
    }

    /// The value of a path: its digest (always 64 hex digits: the builder declines others) and
    /// its content path, back to back.
    private static func encode(digest: String, contentPath: String) -> String { digest + contentPath }

    private static func decode(_ path: String, _ value: String) -> OCFLHeadState.File {
        let split = value.utf8.index(value.utf8.startIndex, offsetBy: 64)
        return OCFLHeadState.File(logicalPath: path, digest: String(value[..<split]), contentPath: String(value[split...]))
    }

    /// A folder made for one head state and deleted, with what is in it, when released.
    final class ScratchFolder {
        let path: String

        init(path: String) throws {
            guard mkdir(path, 0o700) == 0 else { throw IOError(path: path, operation: "mkdir", errno: errno) }
            self.path = path
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    /// The inventory's head state joined to its manifest as the state is read: each state digest
    /// is looked up by walking a second reader of the same file through the manifest. Both are
    /// in digest order in the inventories Bevara writes; anything else throws `Declined`, and the
    /// caller reads the inventory into the in-memory table instead.
    final class Builder {
        struct Declined: Error {}

        private let folder: ScratchFolder
        private let map: ScratchMap
        private let manifest: ManifestCursor
        private var current: (digest: String, content: String?)?
        private var lastStateDigest: String?
        private var count = 0

        /// `inventory`: the reader at the head state, past the manifest (its file is opened once
        /// more for the manifest, and must be the same file). `folder`: made here, must not exist.
        init(inventory: JSONTokenReader, folder: String, bufferLimit: Int) throws {
            guard let identity = inventory.fileIdentity else { throw Declined() }
            manifest = try ManifestCursor(path: inventory.path, identity: identity)
            self.folder = try ScratchFolder(path: folder)
            map = ScratchMap(directory: folder, name: "state", bufferLimit: bufferLimit)
            current = try manifest.next()
        }

        /// One entry of the head state: `digest` and the logical paths that have it.
        func add(digest: String, logicalPaths: [String]) throws {
            let digest = digest.lowercased()
            // Lower-case hex (digests are lower-cased first), so that `<` on them is byte order.
            guard FileDigest.isLowerHexSHA256(digest) else { throw Declined() }
            if let last = lastStateDigest, last >= digest { throw Declined() }
            lastStateDigest = digest
            guard !logicalPaths.isEmpty else { return }
            while let entry = current, entry.digest < digest { current = try manifest.next() }
            // Not in the manifest: the table's reading reports it, as it always did.
            guard let entry = current, entry.digest == digest, let content = entry.content else { throw Declined() }
            let value = ScratchHeadState.encode(digest: digest, contentPath: content)
            for path in logicalPaths {
                // A path twice (which the table would list twice) or not in NFC: the table decides.
                guard SafePath.isNFC(path), try map.value(path) == nil else { throw Declined() }
                try map.set(path, value)
                count += 1
            }
        }

        func finish() -> ScratchHeadState {
            ScratchHeadState(count: count, folder: folder, map: map)
        }

    }

    /// The manifest of an inventory, entry by entry: (lower-cased digest, first content path in
    /// sorted order, nil if none). Declines a manifest out of digest order or unlike the first pass's.
    final class ManifestCursor {
        private let reader: JSONTokenReader
        private var last: String?
        private var paths: [String] = []
        private var ended = false

        init(path: String, identity: JSONTokenReader.FileIdentity) throws {
            reader = try JSONTokenReader(path: path)
            // Replaced since the first pass opened it (inventories are renamed into place).
            guard reader.fileIdentity == identity, try reader.next() == .beginObject else { throw Declined() }
            while true {
                guard case .key(let key)? = try reader.next() else { throw Declined() }
                if key == "manifest" { break }
                guard let first = try reader.next() else { throw Declined() }
                try reader.skipValue(startingWith: first)
            }
            guard try reader.next() == .beginObject else { throw Declined() }
        }

        func next() throws -> (digest: String, content: String?)? {
            if ended { return nil }
            guard let token = try reader.next() else { throw Declined() }
            if token == .endObject { ended = true; return nil }
            guard case .key(let key) = token, try reader.next() == .beginArray else { throw Declined() }
            let digest = key.lowercased()
            if let last, last >= digest { throw Declined() }
            last = digest
            paths.removeAll(keepingCapacity: true)
            while let item = try reader.next(), item != .endArray {
                guard case .string(let path) = item else { throw Declined() }
                paths.append(path)
            }
            return (digest, paths.min())
        }

        private typealias Declined = Builder.Declined
    }
}
