import Crypto
import Foundation

/// The file end of an `ArchiveWriter`: writes what libarchive hands over to the file and feeds
/// the same bytes to SHA-256, so the archive is hashed as it is made.
final class HashingOutput {
    let fd: Int32
    var hasher = SHA256()
    /// The errno of the first failed write.
    private(set) var failure: Int32?

    init(fd: Int32) { self.fd = fd }

    /// Writes all of `bytes`; false (with `failure` set) if the file refused them.
    func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
        hasher.update(bufferPointer: bytes)
        guard let code = PosixWrite.allOrErrno(fd, bytes) else { return true }
        failure = code
        return false
    }
}
