import BevaraModel
import Foundation

/// One accepted date format from a profile's `dateFormats`, such as `yyyy-MM-dd'T'HH:mm:ss`.
///
/// Letters: `yyyy` year (four digits), `MM`/`M` month, `dd`/`d` day, `HH`/`H` hour (0–23),
/// `mm`/`m` minute, `ss`/`s` second; doubled letters mean exactly two digits, single letters one
/// or two. Text in single quotes is literal (`''` is a quote); any other non-letter character is
/// literal too. Other letters are rejected when the pattern is created, so that a profile typo such
/// as `YYYY` (a week-based year elsewhere) fails loudly instead of matching nothing.
/// Matching is exact over the whole (trimmed) value and checks ranges, leap years included.
public struct DatePattern: Sendable, CustomStringConvertible {
    enum Component: Sendable { case year, month, day, hour, minute, second }

    /// A pattern's parts, over characters or over the bytes of printable-ASCII values.
    enum Token<Literal: Equatable & Sendable>: Sendable {
        case number(Component, minDigits: Int, maxDigits: Int)
        case literal(Literal)
    }

    /// The pattern as the profile wrote it.
    public let pattern: String
    let tokens: [Token<Character>]
    /// The same tokens over bytes, when every literal is printable ASCII (nil otherwise).
    let asciiTokens: [Token<UInt8>]?

    public var description: String { pattern }

    /// The result of matching one value.
    public enum Match: Equatable, Sendable {
        case date(PartialDate)
        /// The value has the pattern's shape but a part is out of range (`2021-02-30`).
        case outOfRange(String)
        case noMatch
    }

    public init(_ pattern: String) throws(DatePatternError) {
        self.pattern = pattern
        var tokens: [Token<Character>] = []
        let chars = Array(pattern)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "'" {
                // Quoted literal; '' inside or outside quotes is one quote character.
                if i + 1 < chars.count, chars[i + 1] == "'" {
                    tokens.append(.literal("'"))
                    i += 2
                    continue
                }
                var j = i + 1
                var closed = false
                while j < chars.count {
                    if chars[j] == "'" {
                        if j + 1 < chars.count, chars[j + 1] == "'" {
                            tokens.append(.literal("'"))
                            j += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    tokens.append(.literal(chars[j]))
                    j += 1
                }
                guard closed else { throw DatePatternError(pattern: pattern, reason: "a quoted literal is not closed") }
                i = j + 1
                continue
            }
            if c.isLetter && c.isASCII {
                var run = 1
                while i + run < chars.count, chars[i + run] == c { run += 1 }
                tokens.append(try Self.number(for: c, run: run, pattern: pattern))
                i += run
                continue
            }
            tokens.append(.literal(c))
            i += 1
        }
        let present = Set(tokens.compactMap { token -> Component? in
            if case .number(let component, _, _) = token { return component }
            return nil
        })
        // A partial date must be a prefix of year → month → day → hour → minute → second.
        let order: [Component] = [.year, .month, .day, .hour, .minute, .second]
        let names = ["yyyy", "MM", "dd", "HH", "mm", "ss"]
        for (index, component) in order.enumerated().dropFirst() where present.contains(component) {
            guard present.contains(order[index - 1]) else {
                throw DatePatternError(pattern: pattern, reason: "'\(names[index])' needs '\(names[index - 1])' in the same pattern")
            }
        }
        guard present.contains(.year) else { throw DatePatternError(pattern: pattern, reason: "no year ('yyyy')") }
        self.tokens = tokens
        var asciiTokens: [Token<UInt8>]? = []
        for token in tokens {
            switch token {
            case .number(let component, let minDigits, let maxDigits):
                asciiTokens?.append(.number(component, minDigits: minDigits, maxDigits: maxDigits))
            case .literal(let c):
                if String(c).isPrintableASCII, let byte = c.asciiValue { asciiTokens?.append(.literal(byte)) } else { asciiTokens = nil }
            }
        }
        self.asciiTokens = asciiTokens
    }

    private static func number(for letter: Character, run: Int, pattern: String) throws(DatePatternError) -> Token<Character> {
        let component: Component
        switch letter {
        case "y":
            guard run == 4 else {
                throw DatePatternError(pattern: pattern, reason: "years must be written 'yyyy' (two-digit years are ambiguous)")
            }
            return .number(.year, minDigits: 4, maxDigits: 4)
        case "M": component = .month
        case "d": component = .day
        case "H": component = .hour
        case "m": component = .minute
        case "s": component = .second
        default:
            throw DatePatternError(pattern: pattern, reason: "unsupported letter '\(letter)' (use yyyy MM dd HH mm ss; quote literal text like 'T')")
        }
        switch run {
        case 1: return .number(component, minDigits: 1, maxDigits: 2)
        case 2: return .number(component, minDigits: 2, maxDigits: 2)
        default: throw DatePatternError(pattern: pattern, reason: "'\(String(repeating: letter, count: run))' is too long")
        }
    }

    /// Matches the whole of `text` (surrounding white space ignored).
    public func match(_ text: String) -> Match {
        let value = text.trimmedWhitespace()
        var characters: [Character]?
        return match(trimmed: value, isPrintableASCII: value.isPrintableASCII, characters: &characters)
    }

    /// Matches a trimmed value: as bytes when it is printable ASCII (its characters are its bytes;
    /// splitting values into characters was most of the cost of loading an export's dates), else
    /// as characters, split once into `characters` for every pattern of a list to share.
    func match(trimmed value: String, isPrintableASCII: Bool, characters: inout [Character]?) -> Match {
        if isPrintableASCII, let byBytes = value.utf8.withContiguousStorageIfAvailable({ match(ascii: $0, original: value) }) ?? nil {
            return byBytes
        }
        if characters == nil { characters = Array(value) }
        return match(characters!, original: value)
    }

    /// Matching over characters.
    func match(_ chars: [Character], original value: String) -> Match {
        Self.match(chars, tokens, digit: \.asciiDigit, original: value)
    }

    /// Matching over the bytes of a printable-ASCII value; nil when the pattern has other literals.
    func match(ascii bytes: UnsafeBufferPointer<UInt8>, original value: String) -> Match? {
        asciiTokens.map { Self.match(bytes, $0, digit: { $0 >= 0x30 && $0 <= 0x39 ? Int($0 - 0x30) : nil }, original: value) }
    }

    /// The one matcher, over characters or bytes: every token in turn, then nothing left over.
    private static func match<Elements: RandomAccessCollection<Literal>, Literal>(
        _ elements: Elements, _ tokens: [Token<Literal>], digit: (Literal) -> Int?, original value: String
    ) -> Match where Elements.Index == Int {
        var i = elements.startIndex
        var parts = Parts()
        for token in tokens {
            switch token {
            case .literal(let literal):
                guard i < elements.endIndex, elements[i] == literal else { return .noMatch }
                i += 1
            case .number(let component, let minDigits, let maxDigits):
                var n = 0
                var digits = 0
                while digits < maxDigits, i < elements.endIndex, let d = digit(elements[i]) {
                    n = n * 10 + d
                    digits += 1
                    i += 1
                }
                guard digits >= minDigits else { return .noMatch }
                parts[component] = n
            }
        }
        guard i == elements.endIndex else { return .noMatch }
        return parts.match(original: value)
    }

    /// The numbers a pattern read, by component.
    struct Parts {
        var year: Int?, month: Int?, day: Int?, hour: Int?, minute: Int?, second: Int?

        subscript(component: Component) -> Int? {
            get {
                switch component {
                case .year: year
                case .month: month
                case .day: day
                case .hour: hour
                case .minute: minute
                case .second: second
                }
            }
            set {
                switch component {
                case .year: year = newValue
                case .month: month = newValue
                case .day: day = newValue
                case .hour: hour = newValue
                case .minute: minute = newValue
                case .second: second = newValue
                }
            }
        }

        /// The date, once the whole value was read; out of range when a part is.
        func match(original value: String) -> Match {
            guard let year else { return .noMatch }
            if let problem = rangeProblem(year: year) { return .outOfRange(problem) }
            return .date(PartialDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                                     original: value))
        }

        private func rangeProblem(year: Int) -> String? {
            if year < 1 { return "year \(year) is out of range" }
            if let month, !(1...12).contains(month) { return "month \(month) is out of range" }
            if let day, let month {
                let last = DatePattern.daysIn(month: month, year: year)
                if !(1...last).contains(day) { return "day \(day) does not exist in \(year)-\(month < 10 ? "0" : "")\(month)" }
            }
            if let hour, !(0...23).contains(hour) { return "hour \(hour) is out of range" }
            if let minute, !(0...59).contains(minute) { return "minute \(minute) is out of range" }
            if let second, !(0...59).contains(second) { return "second \(second) is out of range" }
            return nil
        }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A profile's date pattern that cannot be used, with the reason.
public struct DatePatternError: Error, CustomStringConvertible, Equatable, Sendable {
    public let pattern: String
    public let reason: String
    public var description: String { "date pattern '\(pattern)': \(reason)" }
}

/// A profile's date patterns, tried in order: the first that matches wins.
public struct DatePatterns: Sendable {
    public let patterns: [DatePattern]

    public init(_ formats: [String]) throws(DatePatternError) {
        var patterns: [DatePattern] = []
        for format in formats { patterns.append(try DatePattern(format)) }
        self.patterns = patterns
    }

    /// The parsed date, or why the value is not a date in any accepted format.
    public func parse(_ text: String) -> Result<PartialDate, DateProblem> {
        var rangeProblem: String?
        let value = text.trimmedWhitespace()
        let ascii = value.isPrintableASCII
        var characters: [Character]?
        for pattern in patterns {
            switch pattern.match(trimmed: value, isPrintableASCII: ascii, characters: &characters) {
            case .date(let date): return .success(date)
            case .outOfRange(let problem): rangeProblem = rangeProblem ?? problem
            case .noMatch: continue
            }
        }
        if let rangeProblem { return .failure(DateProblem(reason: rangeProblem)) }
        let list = patterns.map(\.pattern).joined(separator: ", ")
        return .failure(DateProblem(reason: "matches none of the accepted formats (\(list))"))
    }
}

/// Why a value is not an accepted date, for a finding's message.
public struct DateProblem: Error, Equatable, Sendable {
    public let reason: String
}

extension Character {
    /// 0–9 for the ASCII digits only (not other scripts' digits).
    var asciiDigit: Int? {
        guard let ascii = asciiValue, ascii >= 48, ascii <= 57 else { return nil }
        return Int(ascii - 48)
    }
}
