/// What text extraction got from a file.
public enum TextOutcome: Hashable, Sendable {
    /// The text; `truncated` when the size cap cut it short.
    case text(String, truncated: Bool)
    /// No text, and why (unsupported format, encrypted PDF, DTD refused, size cap …).
    case noText(reason: String)
}
