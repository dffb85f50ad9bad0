import Foundation

/// A Swedish personnummer, samordningsnummer or organisationsnummer, kept raw and validated.
///
/// The raw value is never "fixed": an invalid number is stored as delivered and reported by the
/// preflight. `canonical` is the 12-digit form used for exact search (century inferred for
/// 10-digit personnummer: `+` means 100 years or older).
public struct IdentityNumber: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case personnummer, samordningsnummer, organisationsnummer, unknown
    }

    public let raw: String
    public let kind: Kind
    /// Twelve digits (`YYYYMMDDNNNC` or `16NNNNNNNNNN` for organisations), nil when not parseable.
    public let canonical: String?

    /// A number as it was read and classified before (a stored copy): nothing is derived again.
    public init(raw: String, kind: Kind, canonical: String?) {
        self.raw = raw
        self.kind = kind
        self.canonical = canonical
    }

    public init(_ raw: String, referenceYear: Int = IdentityNumber.currentYear()) {
        self.raw = raw.trimmedWhitespace()
        let digits = Self.asciiDigits(self.raw)
        // A byte test: Foundation's `contains` went through `CFStringFind` for every party.
        let plus = self.raw.utf8.contains(UInt8(ascii: "+"))
        var canonical: String?
        var kind: Kind = .unknown
        if digits.count == 12 {
            canonical = String(digits)
        } else if digits.count == 10 {
            let third = Int(String(digits[digits.index(digits.startIndex, offsetBy: 2)])) ?? 0
            let month = Int(digits.dropFirst(2).prefix(2)) ?? 0
            if third >= 2 && month > 12 {
                // Organisationsnummer: the "month" digits are 20 or more.
                canonical = "16" + digits
            } else {
                let yy = Int(digits.prefix(2)) ?? 0
                var century = (referenceYear / 100) * 100
                if century + yy > referenceYear { century -= 100 }
                if plus { century -= 100 }
                canonical = String(century / 100) + digits
            }
        }
        if canonical == nil, let date = Self.maskedDateDigits(self.raw) {
            // A masked number still shows whose kind it is: day 61–91 is a samordningsnummer.
            let day = Int(date.suffix(2)) ?? 0
            kind = day > 60 ? .samordningsnummer : .personnummer
        }
        if let c = canonical {
            let tail = String(c.dropFirst(2))
            let month = Int(tail.dropFirst(2).prefix(2)) ?? 0
            let day = Int(tail.dropFirst(4).prefix(2)) ?? 0
            if c.hasPrefix("16") || month >= 20 {
                kind = .organisationsnummer
            } else if day > 60 {
                kind = .samordningsnummer
            } else {
                kind = .personnummer
            }
        }
        self.kind = kind
        self.canonical = canonical
    }

    /// The ASCII digits of `value`, in order. By byte when the value is ASCII (then each byte is a
    /// character, but for CR LF, which is no digit); by character otherwise, where a digit with a
    /// combining mark is no ASCII digit.
    static func asciiDigits(_ value: String) -> String {
        guard value.isASCII else { return value.filter { $0.isASCII && $0.isNumber } }
        return String(decoding: value.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self)
    }

    /// The current year in the local time zone, the default reference for a ten-digit number's
    /// century. From the C library: a `Calendar` made for every number showed in the profiles of
    /// ingest's and packaging's party rows.
    public static func currentYear() -> Int {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return Int(parts.tm_year) + 1900
    }

    /// True when the number was delivered with its last four digits withheld (`19780623-****`,
    /// `780623-XXXX`), as case systems export the numbers of people with protected identity.
    /// A masked number is recognised as such, not as a malformed one: `kind` says whose it is,
    /// `canonical` is nil (it cannot be searched exactly) and there is no check digit to test.
    public var isMasked: Bool { Self.maskedDateDigits(raw) != nil }

    /// The date digits (6 or 8) of a masked number: digits, an optional `-` or `+`, then exactly
    /// four of `*`, `X` or `x`. Nil for anything else.
    static func maskedDateDigits(_ raw: String) -> Substring? {
        let mask = raw.suffix(4)
        guard mask.count == 4, mask.allSatisfy({ $0 == "*" || $0 == "X" || $0 == "x" }) else { return nil }
        var date = raw.dropLast(4)
        if date.last == "-" || date.last == "+" { date = date.dropLast() }
        guard date.count == 6 || date.count == 8, date.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return date
    }

    /// The ten digits the Luhn check runs over.
    private var tenDigits: String? { canonical.map { String($0.dropFirst(2)) } }

    /// True when the number has ten or twelve digits and its Luhn check digit is right.
    public var isValid: Bool {
        guard let ten = tenDigits else { return false }
        return IdentityNumber.luhnValid(ten)
    }

    /// Luhn (mod 10) check over a string of digits, as used by personnummer and organisationsnummer.
    public static func luhnValid(_ digits: String) -> Bool {
        // ASCII by byte; other digits (which `wholeNumberValue` reads too) by character.
        let values: [Int?] = digits.isASCII
            ? digits.utf8.map { $0 >= 0x30 && $0 <= 0x39 ? Int($0 - 0x30) : nil }
            : digits.map(\.wholeNumberValue)
        var sum = 0
        for (i, value) in values.reversed().enumerated() {
            guard let d = value else { return false }
            if i % 2 == 1 {
                let doubled = d * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += d
            }
        }
        return sum % 10 == 0
    }

    /// Display form that hides the last four digits of a person's number (`19650412-****`);
    /// organisation numbers are public and shown in full; a number delivered masked is shown as delivered.
    public var masked: String {
        if isMasked { return raw }
        guard let c = canonical else { return "****" }
        if kind == .organisationsnummer { return displayForm }
        return String(c.prefix(8)) + "-****"
    }

    /// `YYYYMMDD-NNNN` for persons, `NNNNNN-NNNN` for organisations.
    public var displayForm: String {
        guard let c = canonical else { return raw }
        if kind == .organisationsnummer {
            let ten = c.dropFirst(2)
            return String(ten.prefix(6)) + "-" + String(ten.suffix(4))
        }
        return String(c.prefix(8)) + "-" + String(c.suffix(4))
    }
}
