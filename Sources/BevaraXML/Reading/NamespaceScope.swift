/// The namespace prefixes in scope while a SAX delegate reads a document with Foundation's
/// namespace processing off (`XMLParser.shouldProcessNamespaces = false`), taken from the
/// `xmlns` attributes Foundation then passes with each element.
///
/// Why not let Foundation do it: its namespace processing builds a URI string and a qualified
/// name at every element start and end, and a prefix table per element when prefixes are
/// reported: most of the cost of reading a METS or an ERMS of many files. libxml2 still checks
/// the namespaces either way (an undeclared prefix is a parse error).
public struct NamespaceScope {
    /// Each prefix's URIs, innermost last (`""` is the default namespace).
    private var prefixes: [String: [String]] = ["xml": ["http://www.w3.org/XML/1998/namespace"]]
    /// The prefixes each open element declared, undone when it ends.
    private var declared: [[String]] = []

    public init() {}

    /// Takes an element's namespace declarations into scope; call before resolving its name and
    /// attributes (they apply to both), and `leave()` at its end.
    public mutating func enter(_ attributes: [String: String]) {
        var here: [String] = []
        for (name, uri) in attributes where name.hasPrefix("xmlns") {
            let prefix: String
            if name == "xmlns" { prefix = "" } else if name.hasPrefix("xmlns:") { prefix = String(name.dropFirst(6)) } else { continue }
            prefixes[prefix, default: []].append(uri)
            here.append(prefix)
        }
        declared.append(here)
    }

    /// Undoes the declarations of the element that ends.
    public mutating func leave() {
        for prefix in declared.popLast() ?? [] { _ = prefixes[prefix]?.popLast() }
    }

    /// The URI a prefix stands for here, if declared.
    public func uri(ofPrefix prefix: String) -> String? { prefixes[prefix]?.last }

    /// The namespace and local name of a qualified element name: an unprefixed name is in the
    /// default namespace, or none (`""`); so is one whose prefix is undeclared (which libxml2
    /// reports as an error).
    public func resolve(element name: String) -> (namespace: String, local: String) {
        guard let colon = Self.colon(in: name) else { return (prefixes[""]?.last ?? "", name) }
        return (prefixes[String(name[..<colon])]?.last ?? "", String(name[name.index(after: colon)...]))
    }

    /// The `:` of a qualified name. ASCII names (nearly all) are searched by byte, which for
    /// ASCII are the characters.
    public static func colon(in name: String) -> String.Index? {
        name.utf8.allSatisfy { $0 < 0x80 } ? name.utf8.firstIndex(of: UInt8(ascii: ":")) : name.firstIndex(of: ":")
    }
}
