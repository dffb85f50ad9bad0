import Foundation

/// The head version of an object as a reader of its files needs it: every logical path with its
/// digest and content path, sorted by path, packed into a few flat arrays (about 170 bytes per
/// file: a path inside its content path is not stored twice) instead of `OCFLInventory`'s dictionaries of strings (about a kilobyte per file, plus the
/// inventory's bytes while `JSONDecoder` parses them). `OCFLStorageRoot.headState(of:)` reads it
/// from `inventory.json` in one streamed pass.
///
/// Given a scratch folder, it keeps a large object's files on disk instead (`ScratchHeadState`),
/// with the same answers in the same order; the table remains for inventories that cannot be
/// read so (not in digest order, unusual) and for callers without a scratch folder.
public struct OCFLHeadState: Sendable {
    /// One file of the state.
    public struct File: Sendable, Equatable {
        public let logicalPath: String
        /// Lower-case hex SHA-256.
        public let digest: String
        /// Relative to the object root (`v1/content/…`).
        public let contentPath: String
    }

    public let objectID: String
    public let headVersion: Int

    /// UTF-8 of every string, back to back; a `Span` is an offset and a length in it.
    private var bytes: [UInt8] = []
    private struct Span: Sendable { var start: UInt32; var count: UInt32 }
    /// Manifest: digest and its first content path (sorted order), sorted by digest.
    private var manifest: [(digest: Span, content: Span)] = []
    /// State: logical path and the manifest entry of its digest, sorted by path.
    private var files: [(path: Span, manifest: UInt32)] = []
    /// Set when the files are on disk (the table above is then empty).
    private var onDisk: ScratchHeadState?

    public var count: Int { onDisk?.count ?? files.count }

    /// Whether the files are kept in a scratch folder rather than in memory.
    public var isOnDisk: Bool { onDisk != nil }

    /// Every file, in ascending order of logical path (UTF-8 byte order, which for the NFC paths
    /// storage accepts is `String`'s order too). Throws only what `body` throws or, on disk,
    /// what reading the scratch files does.
    public func forEach(_ body: (File) throws -> Void) throws {
        if let onDisk { return try onDisk.forEach(body) }
        for index in files.indices { try body(file(at: index)) }
    }

    /// Logical paths matching `include`, ascending. Each path is made and tested in turn: a list
    /// of every path first (to be filtered down to a few) grew with the package.
    public func paths(where include: (String) -> Bool) throws -> [String] {
        if let onDisk { return try onDisk.paths(where: include) }
        var out: [String] = []
        for entry in files {
            let path = string(entry.path)
            if include(path) { out.append(path) }
        }
        return out
    }

    /// The file at `logicalPath`, or nil if the head version has none.
    public func file(_ logicalPath: String) throws -> File? {
        if let onDisk { return try onDisk.file(logicalPath) }
        let key = Array(logicalPath.utf8)
        var low = 0, high = files.count
        while low < high {
            let mid = (low + high) / 2
            switch compare(files[mid].path, key) {
            case .orderedSame: return file(at: mid)
            case .orderedAscending: low = mid + 1
            case .orderedDescending: high = mid
            }
        }
        return nil
    }

    private func file(at index: Int) -> File {
        let entry = files[index]
        let m = manifest[Int(entry.manifest)]
        return File(logicalPath: string(entry.path), digest: string(m.digest), contentPath: string(m.content))
    }

    // MARK: Building

    /// Collects strings while an inventory is read; `finish` sorts and joins them. When the whole
    /// manifest comes first (as Bevara writes inventories: sorted keys), each file is joined to
    /// its manifest entry as it is added, and its digest is not stored a second time.
    struct Builder {
        let objectID: String
        private var state = OCFLHeadState(objectID: "", headVersion: 0)
        /// Manifest entries in the order read, and whether that order was already by digest.
        private var manifestSorted = true
        private var manifestComplete = false
        /// Files joined to their manifest entry, and files whose digest waits for the manifest.
        private var joined: [(path: Span, manifest: UInt32)] = []
        private var waiting: [(path: Span, digest: Span)] = []

        init(objectID: String) { self.objectID = objectID }

        /// A manifest entry: `digest` stored at the first of `contentPaths` in sorted order.
        mutating func addManifest(digest: String, contentPaths: [String]) {
            guard let first = contentPaths.min() else { return }
            let entry = (digest: append(digest.lowercased()), content: append(first))
            if let last = state.manifest.last, state.compare(last.digest, entry.digest) != .orderedAscending {
                manifestSorted = false
            }
            state.manifest.append(entry)
        }

        /// The manifest has been read whole: files added from now on are joined at once.
        mutating func manifestEnded() {
            if !manifestSorted {
                let s = state
                state.manifest.sort { s.compare($0.digest, $1.digest) == .orderedAscending }
                manifestSorted = true
            }
            manifestComplete = true
        }

        /// A file of the head version.
        mutating func addFile(logicalPath: String, digest: String) throws {
            if manifestComplete {
                let key = Array(digest.lowercased().utf8)
                guard let index = state.manifestIndex(of: key) else {
                    throw Missing(digest: digest, logicalPath: logicalPath)
                }
                joined.append((pathSpan(logicalPath, sharing: state.manifest[index].content), UInt32(index)))
            } else {
                waiting.append((append(logicalPath), append(digest.lowercased())))
            }
        }

        /// Sorts the files by path; throws `Missing` for a digest the manifest lacks.
        mutating func finish(headVersion: Int) throws -> OCFLHeadState {
            manifestEnded()
            let s = state
            for entry in waiting {
                guard let index = s.manifestIndex(of: entry.digest) else {
                    throw Missing(digest: s.string(entry.digest), logicalPath: s.string(entry.path))
                }
                joined.append((entry.path, UInt32(index)))
            }
            waiting = []
            joined.sort { s.compare($0.path, $1.path) == .orderedAscending }
            var out = OCFLHeadState(objectID: objectID, headVersion: headVersion)
            out.bytes = state.bytes
            out.manifest = state.manifest
            out.files = joined
            state = OCFLHeadState(objectID: "", headVersion: 0)
            joined = []
            return out
        }

        struct Missing: Error {
            let digest: String
            let logicalPath: String
        }

        /// The path's bytes: the end of its content path when they are there (`v1/content/<path>`,
        /// as for nearly every file Bevara stores), else appended.
        private mutating func pathSpan(_ logicalPath: String, sharing content: Span) -> Span {
            var path = logicalPath
            let shared: Span? = path.withUTF8 { p in
                guard p.count <= Int(content.count) else { return nil }
                let start = Int(content.start + content.count) - p.count
                let same = state.bytes.withUnsafeBufferPointer { all in
                    p.isEmpty || memcmp(all.baseAddress! + start, p.baseAddress!, p.count) == 0
                }
                return same ? Span(start: UInt32(start), count: UInt32(p.count)) : nil
            }
            return shared ?? append(logicalPath)
        }

        private mutating func append(_ text: String) -> Span {
            let start = state.bytes.count
            state.bytes.append(contentsOf: text.utf8)
            return Span(start: UInt32(start), count: UInt32(state.bytes.count - start))
        }
    }

    private init(objectID: String, headVersion: Int) {
        self.objectID = objectID
        self.headVersion = headVersion
    }

    init(objectID: String, headVersion: Int, onDisk: ScratchHeadState) {
        self.objectID = objectID
        self.headVersion = headVersion
        self.onDisk = onDisk
    }

    /// The head state of a parsed inventory (for an inventory the streamed reader declined).
    public init(inventory: OCFLInventory) throws {
        var builder = Builder(objectID: inventory.id)
        for (digest, paths) in inventory.manifest { builder.addManifest(digest: digest, contentPaths: paths) }
        builder.manifestEnded()
        do {
            for (digest, paths) in inventory.versions[inventory.head]?.state ?? [:] {
                for path in paths { try builder.addFile(logicalPath: path, digest: digest) }
            }
            self = try builder.finish(headVersion: inventory.headVersionNumber)
        } catch let missing as Builder.Missing {
            throw OCFLStorageError.invalidInventory(path: inventory.id,
                                                    reason: "digest \(missing.digest) of '\(missing.logicalPath)' is not in the manifest")
        }
    }

    /// The manifest entry of `digest` (lower-case hex as UTF-8); the manifest is sorted.
    private func manifestIndex(of digest: [UInt8]) -> Int? {
        var low = 0, high = manifest.count
        while low < high {
            let mid = (low + high) / 2
            switch compare(manifest[mid].digest, digest) {
            case .orderedSame: return mid
            case .orderedAscending: low = mid + 1
            case .orderedDescending: high = mid
            }
        }
        return nil
    }

    private func manifestIndex(of digest: Span) -> Int? {
        manifestIndex(of: Array(bytes[Int(digest.start)..<Int(digest.start + digest.count)]))
    }

    private func string(_ span: Span) -> String {
        bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(span.start)..<Int(span.start + span.count)]), as: UTF8.self)
        }
    }

    private func compare(_ a: Span, _ b: Span) -> ComparisonResult {
        bytes.withUnsafeBufferPointer { all in
            Self.compare(UnsafeBufferPointer(rebasing: all[Int(a.start)..<Int(a.start + a.count)]),
                         UnsafeBufferPointer(rebasing: all[Int(b.start)..<Int(b.start + b.count)]))
        }
    }

    private func compare(_ a: Span, _ key: [UInt8]) -> ComparisonResult {
        bytes.withUnsafeBufferPointer { all in
            key.withUnsafeBufferPointer { Self.compare(UnsafeBufferPointer(rebasing: all[Int(a.start)..<Int(a.start + a.count)]), $0) }
        }
    }

    private static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> ComparisonResult {
        let n = min(a.count, b.count)
        if n > 0 {
            let c = memcmp(a.baseAddress!, b.baseAddress!, n)
            if c != 0 { return c < 0 ? .orderedAscending : .orderedDescending }
        }
        return a.count == b.count ? .orderedSame : (a.count < b.count ? .orderedAscending : .orderedDescending)
    }
}
