import Foundation

/// The order of the keys (logical paths) in a sorted record file, for the sorter that writes it
/// and the lookup that reads it: both sides must agree.
public enum KeyOrder: Sendable {
    /// `String`'s `<` and `==`: canonically equivalent spellings (NFC, NFD) are the same key.
    case string
    /// The keys' UTF-8 bytes, compared unsigned, a prefix first: keys match only when their
    /// bytes do. For NFC keys this is the same order as `.string`.
    case utf8Bytes

    /// Negative, zero or positive as `a` comes before, with or after `b`.
    public func compare(_ a: String, _ b: String) -> Int {
        switch self {
        case .string:
            return a == b ? 0 : (a < b ? -1 : 1)
        case .utf8Bytes:
            var a = a, b = b
            return a.withUTF8 { x in
                b.withUTF8 { y in
                    let n = min(x.count, y.count)
                    let c = n == 0 ? 0 : Int(memcmp(x.baseAddress!, y.baseAddress!, n))
                    return c != 0 ? c : x.count - y.count
                }
            }
        }
    }

    /// Whether `a` comes strictly before `b`.
    public func precedes(_ a: String, _ b: String) -> Bool {
        compare(a, b) < 0
    }
}
