/// A problem `SAXParser` met: libxml2's error or warning, or a DTD declaration it refused.
public struct SAXProblem: Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// libxml2's `xmlParserErrors` code (xmlerror.h) and level.
        case libxml2(code: Int, level: Level)
        /// A `<!DOCTYPE …>`: refused, since its entity declarations are how billion-laughs and
        /// XXE attacks work and nothing Bevara reads needs one.
        case declaration
    }

    public enum Level: Int, Comparable, Sendable {
        case warning = 1, error = 2, fatal = 3
        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    public let kind: Kind
    public let line: Int
    public let column: Int
    /// libxml2's message (trimmed), or what was declared.
    public let message: String

    public init(kind: Kind, line: Int, column: Int, message: String) {
        self.kind = kind
        self.line = line
        self.column = column
        self.message = message
    }

    public var isWarning: Bool {
        if case .libxml2(_, .warning) = kind { return true }
        return false
    }

    /// libxml2's `XML_WAR_*` codes (xmlerror.h), warnings by name: 100 is the relative namespace
    /// URI (`eARDERMS`) that Ciceron writes. libxml2 raises some of them at error level (27, an
    /// undeclared entity where a DTD could have declared it), so the level alone does not say.
    public static let libxml2WarningCodes: Set<Int> = [27, 93, 97, 98, 99, 100, 102, 106, 107]

    /// A warning by level or by code (`libxml2WarningCodes`): the document stays readable.
    public var isWarningByLevelOrCode: Bool {
        isWarning || code.map(Self.libxml2WarningCodes.contains) == true
    }

    public var code: Int? {
        if case .libxml2(let code, _) = kind { return code }
        return nil
    }

    public var description: String {
        switch kind {
        case .declaration: return "line \(line): \(message)"
        case .libxml2(let code, _): return "line \(line), column \(column): \(message) (libxml2 error \(code))"
        }
    }
}
