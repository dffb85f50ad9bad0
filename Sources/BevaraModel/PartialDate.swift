/// A date as a source system gave it: a year, a year and month, a day, or a local date-time.
///
/// FGS allows all four; CITS ERMS wants `xs:dateTime`. The documented rule (README, "Dates"):
/// a missing month or day becomes the first, a missing time becomes `00:00:00`, and no time zone
/// is invented. The original text is kept next to the parsed value.
public struct PartialDate: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Precision: String, Codable, Sendable { case year, month, day, time }

    public let year: Int
    public let month: Int?
    public let day: Int?
    public let hour: Int?
    public let minute: Int?
    public let second: Int?
    /// The text as delivered.
    public let original: String

    public init(year: Int, month: Int? = nil, day: Int? = nil,
                hour: Int? = nil, minute: Int? = nil, second: Int? = nil, original: String) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.original = original
    }

    public var precision: Precision {
        if hour != nil { return .time }
        if day != nil { return .day }
        if month != nil { return .month }
        return .year
    }

    /// `YYYY-MM-DDThh:mm:ss`, the ERMS/METS form (see type comment for the rule).
    public var xsDateTime: String {
        Self.formatted([(year, 4), (month ?? 1, 2), (day ?? 1, 2), (hour ?? 0, 2), (minute ?? 0, 2), (second ?? 0, 2)],
                       separators: "--T::")
    }

    /// `YYYY-MM-DD` with missing parts set to the first; for indexes and range filters.
    public var isoDay: String { Self.formatted([(year, 4), (month ?? 1, 2), (day ?? 1, 2)], separators: "--") }

    public var description: String { original }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool { lhs.xsDateTime < rhs.xsDateTime }

    /// True for values systems use as "no date" (1900-01-01, 1753-01-01, 9999-12-31 …).
    public var looksLikeSentinel: Bool {
        year <= 1900 || year >= 9000
    }

    /// The fields in decimal, each zero-padded on the left to its width (as written when wider),
    /// with the bytes of `separators` between them in turn. Written into bytes: the ERMS and PREMIS
    /// writers ask for dates per record, and interpolating six padded strings was most of it.
    private static func formatted(_ fields: [(value: Int, width: Int)], separators: StaticString) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        let between = UnsafeBufferPointer(start: separators.utf8Start, count: separators.utf8CodeUnitCount)
        for (i, field) in fields.enumerated() {
            if i > 0 { bytes.append(between[i - 1]) }
            appendDecimal(field.value, width: field.width, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `value` in decimal, zero-padded on the left to `width`, digit by digit: a `String` per
    /// field was ≈ 3,300 instructions a date, and ERMS writes one or two per record.
    private static func appendDecimal(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        guard value >= 0 else {
            let digits = String(value)
            for _ in 0..<max(0, width - digits.utf8.count) { bytes.append(UInt8(ascii: "0")) }
            bytes.append(contentsOf: digits.utf8)
            return
        }
        var divisor = 1
        var count = 1
        while divisor <= value / 10 {
            divisor *= 10
            count += 1
        }
        for _ in 0..<max(0, width - count) { bytes.append(UInt8(ascii: "0")) }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
