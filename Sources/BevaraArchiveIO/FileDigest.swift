import Crypto
import Foundation

/// Reads a file once, in 1 MiB chunks, feeding SHA-256 and handing each chunk to a consumer
/// (a copy destination, an archive entry). Memory is one reusable buffer, whatever the file size.
public enum FileDigest {
    public static let chunkSize = 1 << 20

    /// What one pass over a file produced.
    public struct Result: Sendable {
        public let size: Int64
        /// Lower-case hex.
        public let sha256: String
        /// Up to the first 64 KiB, for format identification.
        public let head: [UInt8]
    }

    /// Streams `path` through SHA-256 and `consume`. The file must be a regular file; `consume`
    /// may throw to abort (the error propagates).
    public static func stream(path: String, headBytes: Int = 65_536,
                              consume: (UnsafeRawBufferPointer) throws -> Void = { _ in }) throws -> Result {
        var hasher = SHA256()
        var head: [UInt8] = []
        let total = try forEachChunk(path: path) { chunk in
            hasher.update(bufferPointer: chunk)
            if head.count < headBytes {
                head.append(contentsOf: chunk.prefix(headBytes - head.count))
            }
            try consume(chunk)
        }
        return Result(size: total, sha256: hex(hasher.finalize()), head: head)
    }

    /// Reads `path` (a regular file, not a symlink) once, in `chunkSize` chunks valid only
    /// during the call, and hands each to `consume`; returns the bytes read. For a copy that
    /// needs no digest (a spool put into a document).
    @discardableResult
    public static func forEachChunk(path: String, _ consume: (UnsafeRawBufferPointer) throws -> Void) throws -> Int64 {
        var thrown: Error?
        let total = try forEachChunk(path: path, while: { chunk in
            do { try consume(chunk) } catch { thrown = error }
            return thrown == nil
        })
        if let thrown { throw thrown }
        return total
    }

    /// As `forEachChunk(path:_:)`, stopping once `consume` answers false (a reader that has what
    /// it needs); returns the bytes read. Throws only the file's own errors.
    @discardableResult
    public static func forEachChunk(path: String, while consume: (UnsafeRawBufferPointer) -> Bool) throws(IOError) -> Int64 {
        let (fd, _) = try openRegularFile(path)
        defer { close(fd) }
        #if os(Linux)
        _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
        #endif
        var total: Int64 = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer.baseAddress!, chunkSize)
            if n < 0 {
                if errno == EINTR { continue }
                throw IOError(path: path, operation: "read", errno: errno)
            }
            if n == 0 { return total }
            total += Int64(n)
            if !consume(UnsafeRawBufferPointer(rebasing: buffer[0..<n])) { return total }
        }
    }

    /// Opens `path` for reading, refusing symlinks and anything but a regular file; the caller
    /// closes the descriptor.
    static func openRegularFile(_ path: String) throws(IOError) -> (fd: Int32, stat: stat) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw IOError(path: path, operation: "open", errno: errno) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let code = errno
            close(fd)
            throw IOError(path: path, operation: "stat", errno: code)
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw IOError(path: path, operation: "open", reason: "not a regular file")
        }
        return (fd, st)
    }

    /// SHA-256 of a file, lower-case hex.
    public static func sha256(path: String) throws -> String {
        try stream(path: path, headBytes: 0).sha256
    }

    /// SHA-256 of bytes in memory, lower-case hex.
    public static func sha256(of data: some DataProtocol) -> String {
        hex(SHA256.hash(data: data))
    }

    /// SHA-256 of bytes in memory, the 32 bytes themselves.
    public static func sha256Bytes(of data: some DataProtocol) -> [UInt8] {
        Array(SHA256.hash(data: data))
    }

    /// SHA-256 of `prefix` followed by `text`'s UTF-8, handed to `body` as its 32 bytes. For
    /// many short names (name-based UUIDs): `SHA256.hash(data:)` of a joined array, copied out
    /// into another, spent ten times as long around the hash as in it (perf, bench P2).
    public static func withSHA256<R>(of prefix: [UInt8], _ text: String, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        var hasher = SHA256()
        prefix.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        var text = text
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return hasher.finalize().withUnsafeBytes(body)
    }

    /// Bytes (a digest) as lower-case hex.
    public static func hex(_ digest: some Sequence<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hexDigit(byte >> 4))
            out.append(hexDigit(byte & 0x0F))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The lower-case hex digit (ASCII) of a value 0–15.
    @inlinable
    public static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// True for 64 lower-case hex digits: a SHA-256 as Bevara writes it, whose `<` is byte order.
    /// Inlinable: called for every file of an inventory, and unspecialised across modules it
    /// walked the bytes through witness tables.
    @inlinable
    public static func isLowerHexSHA256(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy {
            ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f"))
        }
    }
}
