/// Whether a file name (or path) ends in an extension, compared as ASCII without case: how the
/// signature shortcuts decide by name (`PlainTextSignature`, `XMLSignature`). A last component
/// that is only the extension (`.txt`, a hidden file) has none, as Foundation's `pathExtension`
/// says.
enum NameExtension {
    /// `ext` in lower case, without the dot.
    static func matches(_ name: String, _ ext: String) -> Bool {
        let bytes = name.utf8
        let suffix = Array(("." + ext).utf8)
        guard bytes.count > suffix.count, zip(bytes.suffix(suffix.count), suffix).allSatisfy({ ASCII.lower($0) == $1 }) else {
            return false
        }
        return bytes.dropLast(suffix.count).last != UInt8(ascii: "/")
    }
}
