/// Byte-level ASCII helpers for the signature shortcuts, which compare names and file heads as
/// bytes, never as Unicode text.
enum ASCII {
    /// `A`–`Z` to `a`–`z`; every other byte as it is.
    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// 3 when `bytes` open with the UTF-8 byte order mark, else 0: where the text begins.
    static func utf8BOMLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }
}
