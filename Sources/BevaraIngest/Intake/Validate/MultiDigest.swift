import BevaraArchiveIO
import Crypto

/// Computes the requested digests of one stream in a single pass (a file referenced with SHA-256
/// in one METS and MD5 in another is still read once).
struct MultiDigest {
    private var md5: Insecure.MD5?
    private var sha1: Insecure.SHA1?
    private var sha256: SHA256?
    private var sha384: SHA384?
    private var sha512: SHA512?

    init(_ types: Set<ChecksumType>) {
        if types.contains(.md5) { md5 = Insecure.MD5() }
        if types.contains(.sha1) { sha1 = Insecure.SHA1() }
        if types.contains(.sha256) { sha256 = SHA256() }
        if types.contains(.sha384) { sha384 = SHA384() }
        if types.contains(.sha512) { sha512 = SHA512() }
    }

    mutating func update(_ chunk: UnsafeRawBufferPointer) {
        md5?.update(bufferPointer: chunk)
        sha1?.update(bufferPointer: chunk)
        sha256?.update(bufferPointer: chunk)
        sha384?.update(bufferPointer: chunk)
        sha512?.update(bufferPointer: chunk)
    }

    /// Lower-case hex per type.
    func finalize() -> [ChecksumType: String] {
        var out: [ChecksumType: String] = [:]
        if let md5 { out[.md5] = FileDigest.hex(md5.finalize()) }
        if let sha1 { out[.sha1] = FileDigest.hex(sha1.finalize()) }
        if let sha256 { out[.sha256] = FileDigest.hex(sha256.finalize()) }
        if let sha384 { out[.sha384] = FileDigest.hex(sha384.finalize()) }
        if let sha512 { out[.sha512] = FileDigest.hex(sha512.finalize()) }
        return out
    }
}
