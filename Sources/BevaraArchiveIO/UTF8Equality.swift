import Foundation

extension StringProtocol {
    /// True when both hold the same UTF-8 bytes. Not `==`, which also equates canonically
    /// equivalent spellings (a composed and a decomposed "å"): paths are files only byte for
    /// byte. One `memcmp` for native strings and their substrings; the generic element-wise
    /// comparison (≈ 20 instructions a byte) only for bridged storage.
    @inlinable
    public func hasSameUTF8(as other: some StringProtocol) -> Bool {
        let fast = utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b in
                a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
            }
        }
        if let fast, let equal = fast { return equal }
        return utf8.elementsEqual(other.utf8)
    }
}
