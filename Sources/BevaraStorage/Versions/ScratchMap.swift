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
        var index = 0
        var sources: [() throws -> (String, String?)?] = try runs.map { run in
            let cursor = try RunCursor(path: run.path)
            return { try cursor.next() }
        }
        sources.append {
            guard index < held.count else { return nil }
            defer { index += 1 }
            return (held[index].key, held[index].value)
        }
        return try MergedCursor(sources: sources)
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

/// Sorts (digest, path) pairs by digest, then path, without holding them all: full buffers are
/// sorted and written as runs, then merged (16 runs at most are read at once: each reader has
/// its own buffer).
final class ScratchPairSorter {
    private let directory: String
    private let name: String
    private let bufferLimit: Int
    private var buffer: [(String, String)] = []
    private var runPaths: [String] = []
    private var runNumber = 0

    init(directory: String, name: String, bufferLimit: Int) {
        self.directory = directory
        self.name = name
        self.bufferLimit = max(1, bufferLimit)
    }

    func add(_ first: String, _ second: String) throws {
        buffer.append((first, second))
        if buffer.count >= bufferLimit { try spill() }
    }

    /// The pairs in order; call once, after the last `add` (`spill` also uses it to merge runs,
    /// with the buffer empty).
    func sorted() throws -> PairStream {
        buffer.sort(by: Self.precedes)
        var index = 0
        let held = buffer
        buffer = []
        let cursors: [RunCursor] = try runPaths.map { try RunCursor(path: $0) }
        var heads: [(String, String)?] = try cursors.indices.map { try Self.pair(cursors[$0].next()) }
        return PairStream {
            var best: Int?
            var bestPair = index < held.count ? held[index] : nil
            for (n, head) in heads.enumerated() {
                if let head, bestPair == nil || Self.precedes(head, bestPair!) { best = n; bestPair = head }
            }
            guard let pair = bestPair else { return nil }
            if let best { heads[best] = try Self.pair(cursors[best].next()) } else { index += 1 }
            return pair
        }
    }

    private static func precedes(_ a: (String, String), _ b: (String, String)) -> Bool {
        a.0 != b.0 ? a.0 < b.0 : a.1 < b.1
    }

    private static func pair(_ record: (String, String?)?) -> (String, String)? {
        record.map { ($0.0, $0.1 ?? "") }
    }

    private func spill() throws {
        buffer.sort(by: Self.precedes)
        runNumber += 1
        let path = directory + "/" + name + "-\(runNumber)"
        let writer = try RunWriter(path: path)
        for (a, b) in buffer { try writer.append(a, b) }
        try writer.close()
        runPaths.append(path)
        buffer.removeAll(keepingCapacity: true)
        if runPaths.count >= 16 {
            // Merge the runs into one, so the final merge never reads more than 16 at once.
            let merged = try sorted()
            runNumber += 1
            let path = directory + "/" + name + "-\(runNumber)"
            let writer = try RunWriter(path: path)
            while let (a, b) = try merged.next() { try writer.append(a, b) }
            try writer.close()
            for old in runPaths { unlink(old) }
            runPaths = [path]
        }
    }
}

/// k-way merge of sorted (key, value) sources, later sources winning ties (they are newer).
final class MergedCursor {
    private let sources: [() throws -> (String, String?)?]
    private var heads: [(String, String?)?]

    init(sources: [() throws -> (String, String?)?]) throws {
        self.sources = sources
        heads = try sources.map { try $0() }
    }

    func next() throws -> (String, String?)? {
        var smallest: String?
        for head in heads { if let head, smallest == nil || head.0 < smallest! { smallest = head.0 } }
        guard let key = smallest else { return nil }
        var value: String?? = nil
        for n in heads.indices where heads[n]?.0 == key {
            value = heads[n]!.1
            heads[n] = try sources[n]()
        }
        return (key, value!)
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
        let writer = try RunWriter(path: path)
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
            guard let recordKey = try RunRecord.decode(block, &position, path: path) else { break }
            let value = try RunRecord.decode(block, &position, path: path)
            if recordKey == key { return .some(value) }
            if key < recordKey { return nil }
        }
        return nil
    }
}

/// Record layout of run files: each string a little-endian `UInt32` byte count (`UInt32.max`
/// for nil) and its UTF-8.
enum RunRecord {
    static func encode(_ text: String?, into buffer: inout [UInt8]) {
        guard var text else { append(UInt32.max, &buffer); return }
        text.withUTF8 { bytes in
            append(UInt32(bytes.count), &buffer)
            buffer.append(contentsOf: bytes)
        }
    }

    private static func append(_ n: UInt32, _ buffer: inout [UInt8]) {
        buffer.append(UInt8(n & 0xFF)); buffer.append(UInt8((n >> 8) & 0xFF))
        buffer.append(UInt8((n >> 16) & 0xFF)); buffer.append(UInt8(n >> 24))
    }

    /// The string at `position` in `bytes` (advancing it); throws if cut short.
    static func decode(_ bytes: [UInt8], _ position: inout Int, path: String) throws -> String? {
        guard position + 4 <= bytes.count else { throw IOError(path: path, operation: "read", reason: "record cut short") }
        let n = UInt32(bytes[position]) | UInt32(bytes[position + 1]) << 8
            | UInt32(bytes[position + 2]) << 16 | UInt32(bytes[position + 3]) << 24
        position += 4
        if n == UInt32.max { return nil }
        guard position + Int(n) <= bytes.count else { throw IOError(path: path, operation: "read", reason: "record cut short") }
        defer { position += Int(n) }
        return String(decoding: bytes[position..<(position + Int(n))], as: UTF8.self)
    }
}

/// Appends (key, value) records to a new file through a 64 KiB buffer.
final class RunWriter {
    let path: String
    private(set) var offset: Int64 = 0
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var closed = false

    init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw IOError(path: path, operation: "create", errno: errno) }
        buffer.reserveCapacity(1 << 16 + 1024)
    }

    deinit { if !closed { Foundation.close(fd) } }

    func append(_ key: String, _ value: String?) throws {
        let before = buffer.count
        RunRecord.encode(key, into: &buffer)
        RunRecord.encode(value, into: &buffer)
        offset += Int64(buffer.count - before)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func close() throws {
        guard !closed else { return }
        try flush()
        closed = true
        if Foundation.close(fd) != 0 { throw IOError(path: path, operation: "close", errno: errno) }
    }

    private func flush() throws {
        try buffer.withUnsafeBytes { try PosixWrite.all(fd, $0, path: path) }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Reads a run file's records in order.
final class RunCursor {
    private let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false

    init(path: String) throws {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOError(path: path, operation: "open", errno: errno) }
    }

    deinit { close(fd) }

    func next() throws -> (String, String?)? {
        guard try fill(4) else {
            if position == buffer.count { return nil }
            throw IOError(path: path, operation: "read", reason: "record cut short")
        }
        guard let key = try field() else { throw IOError(path: path, operation: "read", reason: "record without a key") }
        return (key, try field())
    }

    private func field() throws -> String? {
        guard try fill(4) else { throw IOError(path: path, operation: "read", reason: "record cut short") }
        let n = UInt32(buffer[position]) | UInt32(buffer[position + 1]) << 8
            | UInt32(buffer[position + 2]) << 16 | UInt32(buffer[position + 3]) << 24
        if n == UInt32.max { position += 4; return nil }
        guard try fill(4 + Int(n)) else { throw IOError(path: path, operation: "read", reason: "record cut short") }
        return try RunRecord.decode(buffer, &position, path: path)
    }

    private func fill(_ count: Int) throws -> Bool {
        while buffer.count - position < count {
            if atEnd { return false }
            if position > 0 { buffer.removeFirst(position); position = 0 }
            let want = max(1 << 14, count - buffer.count)
            let start = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: want))
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + start, want) }
            if n < 0 {
                buffer.removeLast(want)
                if errno == EINTR { continue }
                throw IOError(path: path, operation: "read", errno: errno)
            }
            buffer.removeLast(want - n)
            if n == 0 { atEnd = true }
        }
        return true
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
