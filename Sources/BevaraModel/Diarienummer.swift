import Foundation

/// A case number (diarienummer) exactly as the source system wrote it, plus a search key.
///
/// Formats vary between systems and decades (`KS 2021/123`, `LKS 2016-448`, `0128/22`,
/// `BYGG 2021-000771`, `KS/2016:42`). The displayed value is never rewritten; `searchKey`
/// normalises prefix case, separators and leading zeros so that `KS 2021/0123` and
/// `ks 2021-123` find each other.
public struct Diarienummer: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The value as delivered, trimmed of surrounding white space.
    public let verbatim: String

    public init(_ value: String) {
        self.verbatim = value.trimmedWhitespace()
    }

    public var description: String { verbatim }

    /// The letter prefix that names the diarium (`KS`, `BMN`), upper-cased; nil if none.
    public var prefix: String? { parts.prefix }

    /// Normalised key: `PREFIX YEAR/NUMBER` with leading zeros dropped, or the upper-cased value
    /// with runs of white space collapsed when the format is not recognised.
    public var searchKey: String {
        let p = parts
        if let year = p.year, let number = p.number {
            return [p.prefix, "\(year)/\(number)"].compactMap { $0 }.joined(separator: " ")
        }
        return verbatim.uppercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// Runs of letters and runs of ASCII digits; everything else is a separator. A printable-ASCII
    /// value (nearly every case number) is split by byte, which for it are its characters; a
    /// walk of `Character`s cost ~13,000 instructions a case number when loading an export.
    static func runs(_ value: String) -> (letters: [String], numbers: [String]) {
        guard value.isPrintableASCII else { return runs(ofCharacters: value) }
        var letters: [String] = []
        var numbers: [String] = []
        let utf8 = value.utf8
        var start = utf8.startIndex
        var kind: UInt8 = 0  // 0 none, 1 letters, 2 digits
        func flush(_ end: String.Index) {
            guard kind != 0, end > start else { return }
            if kind == 2 { numbers.append(String(value[start..<end])) } else { letters.append(String(value[start..<end])) }
        }
        for i in utf8.indices {
            let b = utf8[i]
            let k: UInt8 = b >= 0x30 && b <= 0x39 ? 2 : (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A ? 1 : 0
            if k != kind {
                flush(i)
                kind = k
                start = i
            }
        }
        flush(utf8.endIndex)
        return (letters, numbers)
    }

    /// `runs` by characters, for any value.
    static func runs(ofCharacters value: String) -> (letters: [String], numbers: [String]) {
        var letters: [String] = []
        var numbers: [String] = []
        var current = ""
        var currentIsDigit = false
        func flush() {
            guard !current.isEmpty else { return }
            if currentIsDigit { numbers.append(current) } else { letters.append(current) }
            current = ""
        }
        for ch in value {
            if ch.isNumber && ch.isASCII {
                if !currentIsDigit { flush() }
                currentIsDigit = true
                current.append(ch)
            } else if ch.isLetter {
                if currentIsDigit { flush() }
                currentIsDigit = false
                current.append(ch)
            } else {
                flush()
            }
        }
        flush()
        return (letters, numbers)
    }

    private var parts: (prefix: String?, year: Int?, number: Int?) {
        let (letters, numbers) = Self.runs(verbatim)
        let prefix = letters.isEmpty ? nil : letters.joined(separator: " ").uppercased()
        guard numbers.count == 2, let a = Int(numbers[0]), let b = Int(numbers[1]) else {
            // Ciceron style `2019000123`: four-digit year followed by a zero-padded number.
            if numbers.count == 1, numbers[0].count == 10, let year = Int(numbers[0].prefix(4)),
               let number = Int(numbers[0].dropFirst(4)), (1900...2200).contains(year) {
                return (prefix, year, number)
            }
            return (prefix, nil, nil)
        }
        // `2021/123` (year first) or `0128/22` (number first, two-digit year).
        let plausibleYear = 1900...2100
        if numbers[0].count == 4, plausibleYear.contains(a) { return (prefix, a, b) }
        if numbers[1].count == 4, plausibleYear.contains(b) { return (prefix, b, a) }
        if numbers[1].count == 2 { return (prefix, 2000 + b, a) }
        return (prefix, a, b)
    }
}
