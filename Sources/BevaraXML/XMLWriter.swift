import BevaraArchiveIO

/// Writes XML as a stream of text: no document tree, so memory stays flat however many
/// elements a METS or PREMIS file has (a DOM needs about 11× the file size, swift-notes §4).
///
/// Namespaces are declared once on the root by the caller (as `xmlns:…` attributes) and child
/// elements use prefixed names, which keeps the output free of repeated declarations.
public final class XMLWriter {
    public typealias Attributes = [(String, String?)]

    // The state below is touched several times per element: without `unchecked`, each access
    // paid a dynamic exclusivity check (`swift_beginAccess`), ≈ 5 % of packaging's main thread.
    // Private to this non-Sendable class, and no access overlaps another (`output` never calls
    // back into the writer).
    private let output: XMLOutput
    @exclusivity(unchecked) private var stack: [String] = []
    @exclusivity(unchecked) private var openTagPending = false
    private let indentUnit: String
    /// Indentation by depth, as UTF-8, made once.
    @exclusivity(unchecked) private var indents: [[UInt8]] = []
    /// The line being assembled, as UTF-8: one `write` per element, and its storage is reused.
    /// Bytes rather than a `String`: each `String` append re-checks storage, count and ASCII
    /// flags, which showed in profiles of packages of many small files (bench P2); the bytes
    /// written are the same.
    @exclusivity(unchecked) private var line = ByteBuffer()
    /// Indentation of the outermost element: above 0 for a fragment that `insertFragment` later
    /// copies into a document at that depth.
    private let baseDepth: Int

    public init(output: XMLOutput, indent: Bool = true, depth: Int = 0) {
        self.output = output
        self.indentUnit = indent ? "  " : ""
        self.baseDepth = depth
    }

    /// `<?xml version="1.0" encoding="UTF-8"?>`
    public func declaration() throws {
        try output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    }

    /// Opens an element; attributes whose value is nil are left out.
    public func open(_ name: String, _ attributes: Attributes = []) throws {
        try closePendingTag(selfClosing: false)
        startLine()
        line.append(UInt8(ascii: "<"))
        line.append(utf8: name)
        XMLWriter.render(attributes, into: &line)
        try flushLine()
        stack.append(name)
        openTagPending = true
    }

    /// Closes the innermost open element, which must be `name`.
    public func close(_ name: String) throws {
        guard stack.last == name else { throw XMLOutputError.unbalanced(expected: stack.last, got: name) }
        stack.removeLast()
        if openTagPending {
            openTagPending = false
            try write("/>\n")
        } else {
            startLine()
            line.append(literal: "</")
            line.append(utf8: name)
            line.append(literal: ">\n")
            try flushLine()
        }
    }

    /// A complete element with optional text content. Nil text gives an empty element.
    public func element(_ name: String, _ attributes: Attributes = [], text: String? = nil) throws {
        try closePendingTag(selfClosing: false)
        startLine()
        line.append(UInt8(ascii: "<"))
        line.append(utf8: name)
        XMLWriter.render(attributes, into: &line)
        if let text {
            line.append(UInt8(ascii: ">"))
            XMLWriter.escape(text, quotes: false, into: &line)
            line.append(literal: "</")
            line.append(utf8: name)
            line.append(literal: ">\n")
        } else {
            line.append(literal: "/>\n")
        }
        try flushLine()
    }

    /// Writes an element only when `text` is non-nil and not empty.
    public func optionalElement(_ name: String, _ attributes: Attributes = [], text: String?) throws {
        guard let text, !text.isEmpty else { return }
        try element(name, attributes, text: text)
    }

    /// Closes every open element. Call before closing the output.
    public func finish() throws {
        while let name = stack.last { try close(name) }
    }

    public var depth: Int { baseDepth + stack.count }

    /// Copies the fragment file at `path` here, as content of the open element: elements another
    /// `XMLWriter` wrote, started at this writer's `depth`. An empty file adds nothing (so an
    /// element left without content still closes as `<name/>`).
    public func insertFragment(at path: String) throws {
        let size = try FileDigest.regularFileSize(path)
        guard size > 0 else { return }
        try closePendingTag(selfClosing: false)
        try output.insertFile(at: path, size: size)
    }

    private func closePendingTag(selfClosing: Bool) throws {
        if openTagPending {
            openTagPending = false
            try write(">\n")
        }
    }

    /// Empties the line buffer and indents it for the current depth.
    private func startLine() {
        let depth = self.depth
        while indents.count <= depth { indents.append(Array(String(repeating: indentUnit, count: indents.count).utf8)) }
        line.removeAll()
        indents[depth].withUnsafeBufferPointer { line.append($0) }
    }

    private func flushLine() throws {
        try line.withUnsafeBytes { bytes throws(any Error) in try output.write(utf8: bytes) }
    }

    /// Writes a literal (ASCII, so its UTF-8 is its bytes).
    private func write(_ text: StaticString) throws {
        try output.write(utf8: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    static func render(_ attributes: Attributes) -> String {
        var bytes = ByteBuffer()
        render(attributes, into: &bytes)
        return bytes.text
    }

    static func render(_ attributes: Attributes, into out: inout ByteBuffer) {
        for (name, value) in attributes {
            guard let value else { continue }
            out.append(UInt8(ascii: " "))
            out.append(utf8: name)
            out.append(literal: "=\"")
            escape(value, quotes: true, into: &out)
            out.append(UInt8(ascii: "\""))
        }
    }

    /// Escapes `& < >` and replaces characters XML 1.0 cannot carry (most C0 controls, lone
    /// surrogates cannot occur in Swift strings) with U+FFFD.
    public static func escapeText(_ text: String) -> String {
        var out = ByteBuffer()
        escape(text, quotes: false, into: &out)
        return out.text
    }

    /// As `escapeText`, plus `"` and the white-space characters that attribute normalisation
    /// would otherwise turn into spaces.
    public static func escapeAttribute(_ text: String) -> String {
        var out = ByteBuffer()
        escape(text, quotes: true, into: &out)
        return out.text
    }

    /// Appends `text` to `out` as UTF-8, escaped.
    static func escape(_ text: String, quotes: Bool, into out: inout ByteBuffer) {
        // Fast path: most values need nothing, and a byte scan of the UTF-8 says so.
        if isPlain(text.utf8, quotes: quotes) {
            out.append(utf8: text)
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(literal: "&amp;")
            case "<": out.append(literal: "&lt;")
            case ">": out.append(literal: "&gt;")
            case "\"" where quotes: out.append(literal: "&quot;")
            case "\n" where quotes: out.append(literal: "&#10;")
            case "\r": out.append(literal: "&#13;")
            case "\t" where quotes: out.append(literal: "&#9;")
            default:
                UTF8.encode(isAllowedInXML(scalar) ? scalar : "\u{FFFD}") { out.append($0) }
            }
        }
    }

    /// True when no byte can need escaping. Conservative: any 0xEF lead byte (which starts
    /// U+FFFE and U+FFFF, not XML characters) sends the value to the exact scalar check.
    private static func isPlain(_ bytes: String.UTF8View, quotes: Bool) -> Bool {
        // Native strings are contiguous UTF-8: scan the buffer, not the view's indices.
        if let plain = bytes.withContiguousStorageIfAvailable({ isPlain($0, quotes: quotes) }) { return plain }
        return Array(bytes).withUnsafeBufferPointer { isPlain($0, quotes: quotes) }
    }

    /// A table lookup per byte, or-ed together without a branch: a `switch` per byte was 13 %
    /// of packaging's metadata thread (perf, bench P2), values being mostly short and plain.
    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>, quotes: Bool) -> Bool {
        let mask: UInt8 = quotes ? EscapeClass.inAttribute : EscapeClass.inText
        return EscapeClass.table.withUnsafeBufferPointer { table in
            var seen: UInt8 = 0
            for b in bytes { seen |= table[Int(b)] }
            return seen & mask == 0
        }
    }

    /// Which bytes need escaping where: in text, `& < >`, CR, the C0 controls other than tab and
    /// LF, and 0xEF (see `isPlain`); in attribute values also `"`, tab and LF.
    private enum EscapeClass {
        static let inText: UInt8 = 1
        static let inAttribute: UInt8 = 2
        static let table: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
            switch b {
            case 0x26, 0x3C, 0x3E, 0x0D, 0xEF: return inText | inAttribute
            case 0x22, 0x0A, 0x09: return inAttribute
            case 0..<0x20: return inText | inAttribute
            default: return 0
            }
        }
    }

    /// XML 1.0 `Char` production.
    public static func isAllowedInXML(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v)
            || (0xE000...0xFFFD).contains(v) || (0x10000...0x10FFFF).contains(v)
    }
}
