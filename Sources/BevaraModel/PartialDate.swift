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
        // Written byte by byte: the ERMS and PREMIS writers ask for one or more per record, and
        // the interpolation of six padded strings was most of a record's date cost.
        let parts = [(year, 4, UInt8(ascii: "-")), (month ?? 1, 2, UInt8(ascii: "-")), (day ?? 1, 2, UInt8(ascii: "T")),
                     (hour ?? 0, 2, UInt8(ascii: ":")), (minute ?? 0, 2, UInt8(ascii: ":")), (second ?? 0, 2, 0)]
        guard parts.allSatisfy({ $0.0 >= 0 && $0.0 < 10_000 }) else {
            return "\(pad(year, 4))-\(pad(month ?? 1, 2))-\(pad(day ?? 1, 2))T\(pad(hour ?? 0, 2)):\(pad(minute ?? 0, 2)):\(pad(second ?? 0, 2))"
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        for (value, width, separator) in parts {
            // At least `width` digits, zero-padded on the left, as `pad` gives.
            let digits = value >= 1000 ? 4 : value >= 100 ? 3 : value >= 10 ? 2 : 1
            for _ in 0..<max(0, width - digits) { bytes.append(UInt8(ascii: "0")) }
            var divisor = [1, 10, 100, 1000][digits - 1]
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8((value / divisor) % 10))
                divisor /= 10
            }
            if separator != 0 { bytes.append(separator) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `YYYY-MM-DD` with missing parts set to the first; for indexes and range filters.
    public var isoDay: String { "\(pad(year, 4))-\(pad(month ?? 1, 2))-\(pad(day ?? 1, 2))" }

    public var description: String { original }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool { lhs.xsDateTime < rhs.xsDateTime }

    /// True for values systems use as "no date" (1900-01-01, 1753-01-01, 9999-12-31 …).
    public var looksLikeSentinel: Bool {
        year <= 1900 || year >= 9000
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
