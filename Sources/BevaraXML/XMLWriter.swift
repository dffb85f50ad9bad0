/// Writes XML as a stream of text: no document tree, so memory stays flat however many
/// elements a METS or PREMIS file has (a DOM needs about 11× the file size, swift-notes §4).
///
/// Namespaces are declared once on the root by the caller (as `xmlns:…` attributes) and child
/// elements use prefixed names, which keeps the output free of repeated declarations.
public final class XMLWriter {
    public typealias Attributes = [(String, String?)]

    private let output: XMLOutput
    private var stack: [String] = []
    private var openTagPending = false
    private let indentUnit: String
    /// Indentation strings by depth, made once.
    private var indents: [String] = []
    /// The line being assembled; its storage is reused.
    private var line = ""

    public init(output: XMLOutput, indent: Bool = true) {
        self.output = output
        self.indentUnit = indent ? "  " : ""
    }

    /// `<?xml version="1.0" encoding="UTF-8"?>`
    public func declaration() throws {
        try output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    }

    /// Opens an element; attributes whose value is nil are left out.
    public func open(_ name: String, _ attributes: Attributes = []) throws {
        try closePendingTag(selfClosing: false)
        line.removeAll(keepingCapacity: true)
        line += indentation()
        line += "<"
        line += name
        XMLWriter.render(attributes, into: &line)
        try output.write(line)
        stack.append(name)
        openTagPending = true
    }

    /// Closes the innermost open element, which must be `name`.
    public func close(_ name: String) throws {
        guard stack.last == name else { throw XMLOutputError.unbalanced(expected: stack.last, got: name) }
        stack.removeLast()
        if openTagPending {
            openTagPending = false
            try output.write("/>\n")
        } else {
            line.removeAll(keepingCapacity: true)
            line += indentation()
            line += "</"
            line += name
            line += ">\n"
            try output.write(line)
        }
    }

    /// A complete element with optional text content. Nil text gives an empty element.
    public func element(_ name: String, _ attributes: Attributes = [], text: String? = nil) throws {
        try closePendingTag(selfClosing: false)
        // One reused buffer per writer: an element is one `write`, without temporary strings.
        line.removeAll(keepingCapacity: true)
        line += indentation()
        line += "<"
        line += name
        XMLWriter.render(attributes, into: &line)
        if let text {
            line += ">"
            XMLWriter.escape(text, quotes: false, into: &line)
            line += "</"
            line += name
            line += ">\n"
        } else {
            line += "/>\n"
        }
        try output.write(line)
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

    public var depth: Int { stack.count }

    private func closePendingTag(selfClosing: Bool) throws {
        if openTagPending {
            openTagPending = false
            try output.write(">\n")
        }
    }

    private func indentation() -> String {
        let depth = stack.count
        while indents.count <= depth { indents.append(String(repeating: indentUnit, count: indents.count)) }
        return indents[depth]
    }

    static func render(_ attributes: Attributes) -> String {
        var s = ""
        render(attributes, into: &s)
        return s
    }

    static func render(_ attributes: Attributes, into s: inout String) {
        for (name, value) in attributes {
            guard let value else { continue }
            s += " "
            s += name
            s += "=\""
            escape(value, quotes: true, into: &s)
            s += "\""
        }
    }

    /// Escapes `& < >` and replaces characters XML 1.0 cannot carry (most C0 controls, lone
    /// surrogates cannot occur in Swift strings) with U+FFFD.
    public static func escapeText(_ text: String) -> String {
        var out = ""
        escape(text, quotes: false, into: &out)
        return out
    }

    /// As `escapeText`, plus `"` and the white-space characters that attribute normalisation
    /// would otherwise turn into spaces.
    public static func escapeAttribute(_ text: String) -> String {
        var out = ""
        escape(text, quotes: true, into: &out)
        return out
    }

    /// Appends `text` to `out`, escaped.
    static func escape(_ text: String, quotes: Bool, into out: inout String) {
        // Fast path: most values need nothing, and a byte scan of the UTF-8 says so.
        if isPlain(text.utf8, quotes: quotes) {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "\n" where quotes: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where quotes: out += "&#9;"
            default:
                out.unicodeScalars.append(isAllowedInXML(scalar) ? scalar : "\u{FFFD}")
            }
        }
    }

    /// True when no byte can need escaping. Conservative: any 0xEF lead byte (which starts
    /// U+FFFE and U+FFFF, not XML characters) sends the value to the exact scalar check.
    private static func isPlain(_ bytes: String.UTF8View, quotes: Bool) -> Bool {
        // Native strings are contiguous UTF-8: scan the buffer, not the view's indices.
        if let plain = bytes.withContiguousStorageIfAvailable({ isPlain($0, quotes: quotes) }) { return plain }
        return isPlain(Array(bytes), quotes: quotes)
    }

    private static func isPlain<Bytes: Sequence<UInt8>>(_ bytes: Bytes, quotes: Bool) -> Bool {
        for b in bytes {
            switch b {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), 0x0D, 0xEF: return false
            case UInt8(ascii: "\""), 0x0A, 0x09: if quotes { return false }
            case 0..<0x20: return false
            default: continue
            }
        }
        return true
    }

    /// XML 1.0 `Char` production.
    public static func isAllowedInXML(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v)
            || (0xE000...0xFFFD).contains(v) || (0x10000...0x10FFFF).contains(v)
    }
}
