import BevaraArchiveIO
import Crypto
import Foundation

/// Writes `inventory.json` as a stream of bytes to one or more new files at once (the version's
/// copy and the object root's), hashing exactly the bytes written for the sidecar.
///
/// The inventory of a large object is the biggest thing a commit holds; encoding it with
/// `JSONEncoder` kept the whole document (and its doubling buffer) in memory. This writer only
/// ever holds a 64 KiB buffer. Output is JSON as `JSONEncoder` pretty-prints it (two-space
/// indent, `"key" : value`, `/` unescaped); callers emit keys in sorted order.
final class InventoryJSONWriter {
    private var descriptors: [Int32] = []
    private let paths: [String]
    /// Appended to for every byte of the inventory: no dynamic exclusivity check per access
    /// (private to this non-Sendable class; no access overlaps another).
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    private var hasher = SHA256()
    private var finished = false
    private static let capacity = 65_536

    /// Creates every file in `paths` (none may exist).
    init(paths: [String]) throws {
        self.paths = paths
        buffer.reserveCapacity(Self.capacity)
        for path in paths {
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                let code = errno
                abandon()
                throw IOError(path: path, operation: "create", errno: code)
            }
            descriptors.append(fd)
        }
    }

    deinit { if !finished { abandon() } }

    /// Appends bytes as they are (punctuation, indentation, numbers).
    func raw(_ text: StaticString) throws {
        try append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends `depth` levels of two-space indentation after a newline.
    func newline(indent depth: Int) throws {
        try byte(0x0A)
        for _ in 0..<(depth * 2) { try byte(0x20) }
    }

    /// Appends `value` as a JSON string literal: `"`, `\` and control characters escaped, the rest
    /// (including `/` and non-ASCII) as UTF-8. A string with nothing to escape (every path and
    /// digest of Bevara's own packages) is copied in one piece.
    func string(_ value: String) throws {
        var text = value
        try text.withUTF8 { utf8 in
            try byte(0x22)
            if utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
                for unit in utf8 { try escaped(unit) }
            } else {
                try append(UnsafeRawBufferPointer(utf8))
            }
            try byte(0x22)
        }
    }

    private func escaped(_ unit: UInt8) throws {
        switch unit {
        case 0x22: try byte(0x5C); try byte(0x22)
        case 0x5C: try byte(0x5C); try byte(0x5C)
        case 0x0A: try byte(0x5C); try byte(0x6E)
        case 0x0D: try byte(0x5C); try byte(0x72)
        case 0x09: try byte(0x5C); try byte(0x74)
        case 0x08: try byte(0x5C); try byte(0x62)
        case 0x0C: try byte(0x5C); try byte(0x66)
        case 0..<0x20:
            for b in [0x5C, 0x75, 0x30, 0x30, FileDigest.hexDigit(unit >> 4), FileDigest.hexDigit(unit & 0x0F)] as [UInt8] { try byte(b) }
        default: try byte(unit)
        }
    }

    /// `"key" : ` at the current position.
    func key(_ name: String) throws {
        try string(name)
        try raw(" : ")
    }

    /// Flushes, fsyncs and closes every file; returns the lower-case hex SHA-256 of the bytes.
    func finish() throws -> String {
        try flush()
        for (fd, path) in zip(descriptors, paths) where fsync(fd) != 0 {
            let code = errno
            abandon()
            throw IOError(path: path, operation: "fsync", errno: code)
        }
        for fd in descriptors { close(fd) }
        descriptors = []
        finished = true
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    private func byte(_ value: UInt8) throws {
        if buffer.count == Self.capacity { try flush() }
        buffer.append(value)
    }

    private func append(_ bytes: UnsafeRawBufferPointer) throws {
        var rest = bytes[...]
        while !rest.isEmpty {
            if buffer.count == Self.capacity { try flush() }
            let n = min(rest.count, Self.capacity - buffer.count)
            buffer.append(contentsOf: rest.prefix(n))
            rest = rest.dropFirst(n)
        }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { chunk in
            hasher.update(bufferPointer: chunk)
            for (fd, path) in zip(descriptors, paths) {
                if let code = PosixWrite.allOrErrno(fd, chunk) {
                    abandon()
                    throw IOError(path: path, operation: "write", errno: code)
                }
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Closes and removes what was created: a half-written inventory must not stay behind.
    private func abandon() {
        for fd in descriptors { close(fd) }
        for path in paths.prefix(descriptors.count) { unlink(path) }
        descriptors = []
        finished = true
    }
}
