import BevaraArchiveIO
import Foundation

/// A scratch file of records of optional strings, written and read strictly in order: per-file
/// facts of a large package (formats, file lists) kept on disk between two passes instead of in
/// memory. Each field is a little-endian `UInt32` byte count (`UInt32.max` for nil) and UTF-8.
/// Not a storage format: written and read by the same process, then deleted.
final class RecordFileWriter {
    let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var closed = false
    private static let capacity = 1 << 16

    /// Creates `path`, which must not exist.
    init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw IOError(path: path, operation: "create", errno: errno) }
        buffer.reserveCapacity(Self.capacity + 1024)
    }

    deinit { if !closed { _ = Foundation.close(fd) } }

    func append(_ fields: [String?]) throws {
        for field in fields {
            guard var field else {
                Self.appendLength(UInt32.max, to: &buffer)
                continue
            }
            field.withUTF8 { bytes in
                Self.appendLength(UInt32(bytes.count), to: &buffer)
                buffer.append(contentsOf: bytes)
            }
        }
        if buffer.count >= Self.capacity { try flush() }
    }

    func close() throws {
        guard !closed else { return }
        try flush()
        closed = true
        if Foundation.close(fd) != 0 { throw IOError(path: path, operation: "close", errno: errno) }
    }

    private static func appendLength(_ n: UInt32, to buffer: inout [UInt8]) {
        buffer.append(UInt8(n & 0xFF)); buffer.append(UInt8((n >> 8) & 0xFF))
        buffer.append(UInt8((n >> 16) & 0xFF)); buffer.append(UInt8(n >> 24))
    }

    private func flush() throws {
        try buffer.withUnsafeBytes { try PosixWrite.all(fd, $0, path: path) }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Looks up records by their first field (a logical path) in a `RecordFileWriter` file written in
/// ascending path order, in one forward pass: asked in ascending order too, each answer equals a
/// lookup by path, without a map of every path in memory. A path asked out of order, or not
/// recorded, gets nil.
final class SortedRecordLookup {
    private var reader: RecordFileReader?
    private let fields: Int
    private var current: [String?]?

    /// `reader` nil: nothing is recorded. `fields` counts the path too.
    init(_ reader: RecordFileReader?, fields: Int) {
        self.reader = reader
        self.fields = fields
    }

    /// The fields after the path of the record for `path`, or nil. Calls must come in ascending
    /// path order (`String`'s `<`, as the writer sorted).
    func record(for path: String) throws -> ArraySlice<String?>? {
        while true {
            if let current, let recorded = current[0] {
                if recorded == path { return current.dropFirst() }
                if path < recorded { return nil }
            }
            guard let next = try reader?.next(fields: fields), next[0] != nil else {
                reader = nil
                current = nil
                return nil
            }
            current = next
        }
    }
}

/// Reads a `RecordFileWriter` file from the start, record by record.
final class RecordFileReader {
    let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false

    init(path: String) throws {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOError(path: path, operation: "open", errno: errno) }
    }

    deinit { _ = Foundation.close(fd) }

    /// The next record of `fields` fields; nil at the end of the file. A record cut short (a
    /// damaged or truncated file) throws.
    func next(fields: Int) throws -> [String?]? {
        var out: [String?] = []
        out.reserveCapacity(fields)
        for index in 0..<fields {
            guard try fill(4) else {
                if index == 0 && position == buffer.count { return nil }
                throw IOError(path: path, operation: "read", reason: "record cut short")
            }
            let n = UInt32(buffer[position]) | UInt32(buffer[position + 1]) << 8
                | UInt32(buffer[position + 2]) << 16 | UInt32(buffer[position + 3]) << 24
            position += 4
            if n == UInt32.max { out.append(nil); continue }
            guard try fill(Int(n)) else { throw IOError(path: path, operation: "read", reason: "record cut short") }
            out.append(String(decoding: buffer[position..<(position + Int(n))], as: UTF8.self))
            position += Int(n)
        }
        return out
    }

    /// Makes `count` unread bytes available; false at the end of the file before that.
    private func fill(_ count: Int) throws -> Bool {
        while buffer.count - position < count {
            if atEnd { return false }
            if position > 0 {
                buffer.removeFirst(position)
                position = 0
            }
            let want = max(1 << 16, count - buffer.count)
            let start = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: want))
            let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + start, want) }
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
