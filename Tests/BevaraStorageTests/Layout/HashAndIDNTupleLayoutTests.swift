@testable import BevaraStorage
import Foundation
import Testing

@Suite struct HashAndIDNTupleLayoutTests {
    @Test func tuplesFromTheIDsDigestThenTheEncodedID() {
        let layout = HashAndIDNTupleLayout()
        // sha256("object-01") = 3c0ff4240c1e116dba14c7627f2319b58aa3d77606d0d90dfc6161608ac987d4 (extension 0003's example).
        #expect(layout.relativePath(for: "object-01") == "3c0/ff4/240/object-01")
        #expect(layout.relativePath(for: "..hor/rib:le-$id") == "487/326/d8c/%2e%2ehor%2frib%3ale-%24id")
    }

    @Test func longIDsAreCutAndSuffixedWithTheDigest() {
        let id = String(repeating: "a", count: 120)
        let directory = (HashAndIDNTupleLayout().relativePath(for: id) as NSString).lastPathComponent
        #expect(directory.count == 100 + 1 + 64)
        #expect(directory.hasPrefix(String(repeating: "a", count: 100) + "-"))
    }
}
