import Foundation

/// Trimming of export values on the hot path of reading an export.
enum Trimming {
    /// `value` without leading and trailing whitespace and newlines, as
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`. Most values start and end with a
    /// printable ASCII byte and are returned as they are: Foundation's trimming bridges through
    /// NSString and cost a tenth of packaging time on exports of many small files.
    static func whitespaceAndNewlines(_ value: String) -> String {
        let utf8 = value.utf8
        guard let first = utf8.first, let last = utf8.last else { return value }
        if first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F { return value }
        return value.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
