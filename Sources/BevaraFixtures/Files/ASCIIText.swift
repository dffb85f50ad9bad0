/// Byte-level search and replacement of ASCII characters in UTF-8 text, for the generator's hot
/// paths (file names, CSV quoting, XML escaping): there Foundation's `replacingOccurrences`
/// (bridged through NSString) and Character iteration (grapheme breaking) took about a tenth of
/// a benchmark run. Exact for ASCII targets: an ASCII byte never occurs inside a multi-byte
/// UTF-8 sequence.
enum ASCIIText {
    /// True if `text` contains any of `bytes` (all ASCII).
    static func contains(_ text: String, anyOf bytes: [UInt8]) -> Bool {
        text.utf8.contains { bytes.contains($0) }
    }

    /// `text` with each ASCII byte that `replacement` maps replaced by its bytes (possibly none).
    static func replacing(_ text: String, _ replacement: (UInt8) -> [UInt8]?) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        var changed = false
        for byte in text.utf8 {
            if byte < 0x80, let new = replacement(byte) {
                out += new
                changed = true
            } else {
                out.append(byte)
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : text
    }

    /// `text` with every `old` byte replaced by `new` (both ASCII).
    static func replacing(_ old: UInt8, with new: UInt8, in text: String) -> String {
        replacing(text) { $0 == old ? [new] : nil }
    }
}
