import Foundation

extension FileDigest {
    /// Reads a regular file of at most `limit` bytes whole, with its SHA-256 and head, in one
    /// read; nil (nothing kept) when the file is larger, for the caller to stream it instead.
    /// Lets a second thread prepare small files ahead of the package writer while memory stays
    /// bounded by `limit` per file in flight.
    public static func readSmall(path: String, limit: Int, headBytes: Int = 65_536) throws -> (bytes: [UInt8], digest: Result)? {
        let (fd, st) = try openRegularFile(path)
        defer { close(fd) }
        guard st.st_size <= limit else { return nil }
        // One byte more than the size, to notice a file that grew since fstat. Uninitialised:
        // zero-filling it first was ≈ 1 % of a package of many small files (callgrind).
        let capacity = Int(st.st_size) + 1
        var total = 0
        let bytes = try [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            while total < capacity {
                let n = read(fd, buffer.baseAddress! + total, capacity - total)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw IOError(path: path, operation: "read", errno: errno)
                }
                if n == 0 { break }
                total += n
            }
            count = total
        }
        // Changed since fstat: left to the streaming path, which reports the mismatch.
        guard total == Int(st.st_size) else { return nil }
        // A file no longer than the head shares its bytes with it (no copy).
        let head = total <= headBytes ? bytes : Array(bytes.prefix(headBytes))
        let digest = Result(size: Int64(total), sha256: sha256(of: bytes), head: head)
        return (bytes, digest)
    }
}
