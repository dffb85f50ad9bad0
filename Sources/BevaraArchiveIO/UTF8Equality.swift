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

    /// True when this string's UTF-8 bytes start with `prefix`'s. Not `hasPrefix`, which compares
    /// characters up to canonical equivalence: a real path is inside a folder only if its bytes
    /// start with the folder's (a decomposed "å" names another folder), and `hasPrefix` walked
    /// characters (≈ 9,000 instructions for a 60-byte path). One `memcmp` for native strings.
    @inlinable
    public func hasUTF8Prefix(_ prefix: some StringProtocol) -> Bool {
        let fast = utf8.withContiguousStorageIfAvailable { a in
            prefix.utf8.withContiguousStorageIfAvailable { b in
                a.count >= b.count && (b.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, b.count) == 0)
            }
        }
        if let fast, let result = fast { return result }
        return utf8.starts(with: prefix.utf8)
    }
}
