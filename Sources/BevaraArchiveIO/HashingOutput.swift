import CPosix
import Crypto
import Foundation

/// The file end of an `ArchiveWriter`: writes what libarchive hands over to the file and feeds
/// the same bytes to SHA-256, so the archive is hashed as it is made.
///
/// Every `writebackStep` bytes it asks the kernel to start writing what came before to disk
/// (`sync_file_range`, which does not wait): the disk then works while the next files are read
/// and hashed, and the `fsync` that ends the archive waits for the tail only. Left to the kernel,
/// a 2 GB package was written out during that `fsync`, ≈ 1 s after everything else was done.
/// Only a hint: durability still comes from the `fsync`.
final class HashingOutput {
    let fd: Int32
    var hasher = SHA256()
    /// The errno of the first failed write.
    private(set) var failure: Int32?
    private var written: Int64 = 0
    private var writebackRequested: Int64 = 0
    static let writebackStep: Int64 = 32 << 20

    init(fd: Int32) { self.fd = fd }

    /// Writes all of `bytes`; false (with `failure` set) if the file refused them.
    func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
        hasher.update(bufferPointer: bytes)
        if let code = PosixWrite.allOrErrno(fd, bytes) {
            failure = code
            return false
        }
        written += Int64(bytes.count)
        if written - writebackRequested >= Self.writebackStep {
            #if os(Linux)
            _ = sync_file_range(fd, writebackRequested, written - writebackRequested, BEVARA_SYNC_FILE_RANGE_WRITE)
            #endif
            writebackRequested = written
        }
        return true
    }
}
