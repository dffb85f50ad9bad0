/// One problem found while receiving or validating a submitted package.
///
/// Every finding names the rule (a CSIP/SIP requirement id such as `CSIP1` or `SIP4`, or one of
/// Bevara's own intake ids such as `FIXITY-CHECKSUM`; see `SIPRule`), the package as submitted
/// (its file or folder name), the file inside the package the problem is about, and a sentence a
/// person can act on.
public struct SIPFinding: Sendable, Codable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable, Hashable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    /// The rule broken: `CSIP69`, `SIP2`, `FIXITY-SIZE`, `PATH-UNSAFE`, …
    public var ruleID: String
    public var severity: Severity
    /// The package as submitted: the archive's or folder's name.
    public var package: String
    /// The file the finding is about, relative to the package root (or the archive entry name);
    /// empty when the finding is about the package as a whole.
    public var path: String
    /// The line in `path` for findings about a METS document.
    public var line: Int?
    public var message: String

    public init(ruleID: String, severity: Severity, package: String, path: String, line: Int? = nil, message: String) {
        self.ruleID = ruleID
        self.severity = severity
        self.package = package
        self.path = path
        self.line = line
        self.message = message
    }

    /// `error [FIXITY-SIZE] sip.tar: representations/rep1/data/a.pdf: …`
    public var description: String {
        var place = package
        if !path.isEmpty { place += ": " + path }
        if let line { place += ":\(line)" }
        return "\(severity.rawValue) [\(ruleID)] \(place): \(message)"
    }
}
