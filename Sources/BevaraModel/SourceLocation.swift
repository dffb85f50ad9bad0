/// Where in an export a value came from: the file, and a line (CSV) or an element path (XML).
///
/// Every finding Bevara reports names one of these, so an archivist can open the export and see
/// the exact spot.
public struct SourceLocation: Codable, Hashable, Sendable, CustomStringConvertible {
    /// Path of the export file, relative to the export root.
    public var file: String
    /// 1-based line number for line-oriented files (CSV, manifests); nil when not applicable.
    public var line: Int?
    /// An element path such as `ArkivobjektArende[3]/ArkivobjektHandling[2]`; nil for CSV.
    public var element: String?

    public init(file: String, line: Int? = nil, element: String? = nil) {
        self.file = file
        self.line = line
        self.element = element
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let element { text += " (\(element))" }
        return text
    }
}
