/// Byte-level ASCII helpers: for the signature shortcuts, which compare names and file heads as
/// bytes, never as Unicode text, and for paths and names that are mostly ASCII.
enum ASCII {
    /// True when every byte of `text` is ASCII (below 0x80). Scanned in the string's own buffer:
    /// the generic walk over the `UTF8View` cost ≈ 3,000 instructions a package path.
    static func isASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { !$0.contains { $0 >= 0x80 } } ?? text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// `A`–`Z` to `a`–`z`; every other byte as it is.
    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// 3 when `bytes` open with the UTF-8 byte order mark, else 0: where the text begins.
    static func utf8BOMLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }
}
