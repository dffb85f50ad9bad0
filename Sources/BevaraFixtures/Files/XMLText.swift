/// Escaping for XML text and attribute values (the generator writes XML as text, streamed).
enum XMLText {
    static let special: [UInt8] = Array("&<>\"".utf8)

    /// Escapes `&`, `<`, `>` and `"` (enough for both text nodes and double-quoted attributes).
    static func escape(_ text: String) -> String {
        guard ASCIIText.contains(text, anyOf: special) else { return text }
        return ASCIIText.replacing(text) { byte in
            switch byte {
            case UInt8(ascii: "&"): return Array("&amp;".utf8)
            case UInt8(ascii: "<"): return Array("&lt;".utf8)
            case UInt8(ascii: ">"): return Array("&gt;".utf8)
            case UInt8(ascii: "\""): return Array("&quot;".utf8)
            default: return nil
            }
        }
    }
}
