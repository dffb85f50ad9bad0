import BevaraArchiveIO
import Foundation
import Testing

@Suite struct FileDigestTests {
    /// `hex` gives what Bevara writes as a SHA-256, and `isLowerHexSHA256` accepts exactly that form.
    @Test func hexAndItsCheckAgree() {
        let digest = FileDigest.sha256(of: Data("abc".utf8))
        #expect(digest == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(FileDigest.hex([0x00, 0x0F, 0xA0, 0xFF]) == "000fa0ff")
        #expect(FileDigest.isLowerHexSHA256(digest))
        #expect(FileDigest.isLowerHexSHA256(digest[...]))
        for bad in [digest.uppercased(), String(digest.dropLast()), digest + "0", String(digest.dropLast()) + "g",
                    String(digest.dropLast()) + "\u{FF10}", ""] {
            #expect(!FileDigest.isLowerHexSHA256(bad), "\(bad)")
        }
    }
}
