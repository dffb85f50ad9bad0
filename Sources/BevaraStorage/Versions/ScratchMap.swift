import BevaraArchiveIO
import Foundation

/// A string → optional-string map for the per-file facts of a version being built (logical path
/// → digest, digest → content path, …) whose memory does not grow with the number of files:
/// the newest entries stay in a small dictionary; when it is full they are written, sorted, to a
/// run file in the version's work folder. Lookups ask the dictionary, then the runs newest first;
/// each run keeps in memory only a Bloom filter (2 bytes a key) and every 64th key, so a key it
/// does not hold costs no read, and one it holds costs one `pread` of a 64-record block.
/// A nil value is a removal (it hides older runs' entries until runs are merged).
/// Not a storage format: written and read by one builder, deleted with its work folder.
final class ScratchMap {
    private let directory: String
    private let name: String
    private let bufferLimit: Int
    private var buffer: [String: String?] = [:]
    private var runs: [SortedRun] = []
    private var runNumber = 0
    /// Runs are merged into one when there are this many (lookups ask every run).
    private static let runLimit = 16

    init(directory: String, name: String, bufferLimit: Int) {
        self.directory = directory
        self.name = name
        self.bufferLimit = max(1, bufferLimit)
    }

    /// The value for `key`; nil when absent or removed.
    func value(_ key: String) throws -> String? {
        if let held = buffer[key] { return held }
        guard !runs.isEmpty else { return nil }
        let hash = BloomFilter.hashes(key)
        for run in runs.reversed() {
            if let found = try run.lookup(key, hash: hash) { return found }
        }
        return nil
    }

    func set(_ key: String, _ value: String?) throws {
        if value == nil && runs.isEmpty {
            buffer.removeValue(forKey: key)
        } else {
            buffer.updateValue(value, forKey: key)
        }
        if buffer.count >= bufferLimit { try spill() }
    }

    /// Every live (key, value) in ascending key order (`String`'s `<`).
    func sortedEntries() throws -> PairStream {
        let merged = try mergedCursor()
        return PairStream {
            while let (key, value) = try merged.next() {
                if let value { return (key, value) }
            }
            return nil
        }
    }

    private func mergedCursor() throws -> MergedCursor {
        let held = buffer.sorted { $0.key < $1.key }
        return MergedCursor(try RecordMerge(paths: runs.map(\.path), then: held) { $0.key < $1.key })
    }

    private func spill() throws {
        if runs.count + 1 >= Self.runLimit {
            // Merge every run and the buffer into one; removals need not be kept then.
            let merged = try mergedCursor()
            let count = runs.reduce(buffer.count) { $0 + $1.count }
            let run = try SortedRun.write(path: nextRunPath(), expected: count) { emit in
                while let (key, value) = try merged.next() { if value != nil { try emit(key, value) } }
            }
            for old in runs { unlink(old.path) }
            runs = [run]
        } else {
            let held = buffer.sorted { $0.key < $1.key }
            let run = try SortedRun.write(path: nextRunPath(), expected: held.count) { emit in
                for (key, value) in held { try emit(key, value) }
            }
            runs.append(run)
        }
        buffer.removeAll()
    }

    private func nextRunPath() -> String {
        runNumber += 1
        return directory + "/" + name + "-\(runNumber)"
    }
}

/// Pairs of strings pulled one at a time.
struct PairStream {
    let next: () throws -> (String, String)?
}

/// Sorts (digest, path) pairs by digest, then path, without holding them all: an
/// `ExternalSorter` whose runs are `<directory>/<name>-<n>` (deleted with the work folder).
final class ScratchPairSorter {
    private let sorter: ExternalSorter

    init(directory: String, name: String, bufferLimit: Int) {
        sorter = ExternalSorter(runPrefix: directory + "/" + name + "-", runLength: bufferLimit, by: Self.precedes)
    }

    /// By the first string, then the second (never absent here).
    private static func precedes(_ a: ExternalSorter.Record, _ b: ExternalSorter.Record) -> Bool {
        if a.key != b.key { return a.key < b.key }
        return (a.value ?? "") < (b.value ?? "")
    }

    func add(_ first: String, _ second: String) throws {
        try sorter.add(first, second)
    }

    /// The pairs in order; call once, after the last `add`.
    func sorted() throws -> PairStream {
        let merged = try sorter.sorted()
        return PairStream { try merged.next().map { ($0.key, $0.value ?? "") } }
    }
}

/// k-way merge of sorted (key, value) sources with unique keys each, later sources winning ties
/// (they are newer): of the records `RecordMerge` gives for one key, in source order, the last.
final class MergedCursor {
    private let merge: RecordMerge
    private var pending: RecordMerge.Record?

    /// `merge`: the sources oldest first, ordered by key alone.
    init(_ merge: RecordMerge) {
        self.merge = merge
    }

    func next() throws -> (String, String?)? {
        guard var current = try pending ?? merge.next() else { return nil }
        pending = nil
        while let following = try merge.next() {
            guard following.key == current.key else { pending = following; break }
            current = following
        }
        return current
    }
}

/// One sorted run file with its Bloom filter and sparse key index.
final class SortedRun {
    let path: String
    let count: Int
    private let fd: Int32
    private let end: Int64
    private let indexKeys: [String]
    private let indexOffsets: [Int64]
    private let bloom: BloomFilter
    private static let stride = 64

    private init(path: String, count: Int, end: Int64, indexKeys: [String], indexOffsets: [Int64], bloom: BloomFilter) throws {
        self.path = path
        self.count = count
        self.end = end
        self.indexKeys = indexKeys
        self.indexOffsets = indexOffsets
        self.bloom = bloom
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOError(path: path, operation: "open", errno: errno) }
    }

    deinit { close(fd) }

    /// Writes the entries `body` emits (ascending keys) to `path`; `expected` sizes the filter.
    static func write(path: String, expected: Int,
                      _ body: ((String, String?) throws -> Void) throws -> Void) throws -> SortedRun {
        let writer = try RecordFileWriter(path: path)
        var bloom = BloomFilter(expected: expected)
        var keys: [String] = []
        var offsets: [Int64] = []
        var count = 0
        try body { key, value in
            if count % stride == 0 { keys.append(key); offsets.append(writer.offset) }
            bloom.insert(BloomFilter.hashes(key))
            try writer.append(key, value)
            count += 1
        }
        try writer.close()
        return try SortedRun(path: path, count: count, end: writer.offset, indexKeys: keys, indexOffsets: offsets, bloom: bloom)
    }

    /// nil: not in this run; `.some(nil)`: removed in this run.
    func lookup(_ key: String, hash: (UInt64, UInt64)) throws -> String?? {
        guard bloom.mayContain(hash), let first = indexKeys.first, first <= key else { return nil }
        var low = 0, high = indexKeys.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if indexKeys[mid] <= key { low = mid } else { high = mid - 1 }
        }
        let start = indexOffsets[low]
        let stop = low + 1 < indexOffsets.count ? indexOffsets[low + 1] : end
        var block = [UInt8](repeating: 0, count: Int(stop - start))
        var done = 0
        while done < block.count {
            let n = block.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, $0.count - done, off_t(start) + off_t(done)) }
            if n < 0 { if errno == EINTR { continue }; throw IOError(path: path, operation: "read", errno: errno) }
            if n == 0 { throw IOError(path: path, operation: "read", reason: "run cut short") }
            done += n
        }
        var position = 0
        while position < block.count {
            guard let recordKey = try RecordLayout.decode(block, &position, path: path) else { break }
            let value = try RecordLayout.decode(block, &position, path: path)
            if recordKey == key { return .some(value) }
            if key < recordKey { return nil }
        }
        return nil
    }
}

/// A Bloom filter of 16 bits a key and 11 probes (about 1 false hit in 2,000).
struct BloomFilter {
    private var bits: [UInt64]
    private let bitCount: UInt64
    private static let probes: UInt64 = 11

    init(expected: Int) {
        let words = max(1, (max(1, expected) * 16 + 63) / 64)
        bits = [UInt64](repeating: 0, count: words)
        bitCount = UInt64(words * 64)
    }

    /// Two independent 64-bit hashes of `key` (double hashing derives the probes).
    static func hashes(_ key: String) -> (UInt64, UInt64) {
        var hasher = Hasher()
        hasher.combine(key)
        let h1 = UInt64(bitPattern: Int64(hasher.finalize()))
        var z = h1 &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return (h1, (z ^ (z >> 31)) | 1)
    }

    mutating func insert(_ hash: (UInt64, UInt64)) {
        for i in 0..<Self.probes {
            let bit = (hash.0 &+ i &* hash.1) % bitCount
            bits[Int(bit / 64)] |= 1 << (bit % 64)
        }
    }

    func mayContain(_ hash: (UInt64, UInt64)) -> Bool {
        for i in 0..<Self.probes {
            let bit = (hash.0 &+ i &* hash.1) % bitCount
            if bits[Int(bit / 64)] & (1 << (bit % 64)) == 0 { return false }
        }
        return true
    }
}
