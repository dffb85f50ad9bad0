import Crypto
import Foundation

/// A run of bytes in a file: `length` bytes from `offset`.
public struct FileRange: Equatable, Sendable {
    public let path: String
    public let offset: Int64
    public let length: Int64

    public init(path: String, offset: Int64, length: Int64) {
        self.path = path
        self.offset = offset
        self.length = length
    }
}

extension FileDigest {
    /// Streams the bytes of `ranges`, one after another, through SHA-256 and `consume`, as one
    /// file: a document whose parts lie in several files (a spooled METS or PREMIS) goes into a
    /// package without being copied together first. Each range must be there in full; a file
    /// that ends early is an error naming it. Memory is one buffer, as for `stream(path:)`.
    public static func stream(ranges: [FileRange], headBytes: Int = 0,
                              consume: (UnsafeRawBufferPointer) throws -> Void = { _ in }) throws -> Result {
        var hasher = SHA256()
        var head: [UInt8] = []
        var total: Int64 = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        for range in ranges where range.length > 0 {
            let (fd, _) = try openRegularFile(range.path)
            defer { close(fd) }
            var offset = range.offset
            let end = range.offset + range.length
            while offset < end {
                let n = pread(fd, buffer.baseAddress!, Int(min(Int64(chunkSize), end - offset)), off_t(offset))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw IOError(path: range.path, operation: "read", errno: errno)
                }
                guard n > 0 else {
                    throw IOError(path: range.path, operation: "read",
                                  reason: "ends at byte \(offset), expected \(end) (changed while being read?)")
                }
                let chunk = UnsafeRawBufferPointer(rebasing: buffer[0 ..< n])
                hasher.update(bufferPointer: chunk)
                if head.count < headBytes { head.append(contentsOf: chunk.prefix(headBytes - head.count)) }
                try consume(chunk)
                offset += Int64(n)
                total += Int64(n)
            }
        }
        return Result(size: total, sha256: hex(hasher.finalize()), head: head)
    }

    /// The size of the regular file at `path` (no symlink), as `stream` would read it.
    public static func regularFileSize(_ path: String) throws(IOError) -> Int64 {
        let (fd, st) = try openRegularFile(path)
        close(fd)
        return Int64(st.st_size)
    }
}
