import Foundation

/// Attribute values as METS rules read them: surrounding spaces (and tabs) do not count. Each
/// function gives exactly what trimming with `CharacterSet.whitespaces` first would, but only
/// trims a value that has such a character at one of its ends; a package lists every file's
/// SIZE, CHECKSUM and CREATED, and Foundation's trimming was a measurable part of validating
/// one of 100,000 files.
enum METSValue {
    /// The value without surrounding whitespace.
    static func trimmed(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return value }
        if CharacterSet.whitespaces.contains(first) || CharacterSet.whitespaces.contains(last) {
            return value.trimmingCharacters(in: .whitespaces)
        }
        return value
    }

    /// True when absent, empty or only whitespace.
    static func isBlank(_ value: String?) -> Bool {
        guard let value else { return true }
        return trimmed(value).isEmpty
    }

    /// The value as a whole number (`Int64`), surrounding whitespace allowed; nil otherwise.
    static func integer(_ value: String) -> Int64? {
        Int64(value) ?? Int64(trimmed(value))
    }
}
