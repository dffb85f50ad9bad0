/// Helpers for FTS5 match expressions.
enum TextPattern {
    /// Each white-space separated word as an FTS5 string (`"word"`), a trailing `*` kept as a
    /// prefix marker; words joined by spaces (AND). Used when user text is not valid FTS5.
    static func quotedWords(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).compactMap { raw -> String? in
            var word = String(raw)
            let prefix = word.hasSuffix("*")
            while word.hasSuffix("*") { word.removeLast() }
            // A word of punctuation alone has no tokens and would make FTS5 match nothing.
            guard word.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
            return "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (prefix ? "*" : "")
        }.joined(separator: " ")
    }
}
