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
        try output.write(indentation() + "<" + name + XMLWriter.render(attributes))
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
            try output.write(indentation() + "</" + name + ">\n")
        }
    }

    /// A complete element with optional text content. Nil text gives an empty element.
    public func element(_ name: String, _ attributes: Attributes = [], text: String? = nil) throws {
        try closePendingTag(selfClosing: false)
        var line = indentation() + "<" + name + XMLWriter.render(attributes)
        if let text {
            line += ">" + XMLWriter.escapeText(text) + "</" + name + ">\n"
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
        indentUnit.isEmpty ? "" : String(repeating: indentUnit, count: stack.count)
    }

    static func render(_ attributes: Attributes) -> String {
        var s = ""
        for (name, value) in attributes {
            guard let value else { continue }
            s += " " + name + "=\"" + escapeAttribute(value) + "\""
        }
        return s
    }

    /// Escapes `& < >` and replaces characters XML 1.0 cannot carry (most C0 controls, lone
    /// surrogates cannot occur in Swift strings) with U+FFFD.
    public static func escapeText(_ text: String) -> String {
        escape(text, quotes: false)
    }

    /// As `escapeText`, plus `"` and the white-space characters that attribute normalisation
    /// would otherwise turn into spaces.
    public static func escapeAttribute(_ text: String) -> String {
        escape(text, quotes: true)
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        // Fast path: most values need nothing.
        if !text.unicodeScalars.contains(where: { needsEscape($0, quotes: quotes) }) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"" where quotes: out.append(contentsOf: "&quot;".unicodeScalars)
            case "\n" where quotes: out.append(contentsOf: "&#10;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            case "\t" where quotes: out.append(contentsOf: "&#9;".unicodeScalars)
            default:
                if isAllowedInXML(scalar) { out.append(scalar) } else { out.append("\u{FFFD}") }
            }
        }
        return String(out)
    }

    private static func needsEscape(_ s: Unicode.Scalar, quotes: Bool) -> Bool {
        switch s {
        case "&", "<", ">", "\r": return true
        case "\"", "\n", "\t": return quotes
        default: return !isAllowedInXML(s)
        }
    }

    /// XML 1.0 `Char` production.
    public static func isAllowedInXML(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v)
            || (0xE000...0xFFFD).contains(v) || (0x10000...0x10FFFF).contains(v)
    }
}
