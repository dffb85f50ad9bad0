/// One problem the preflight (or a profile reader) found in an export.
///
/// Every finding names a rule (stable id, listed in README "Preflight rules"), a severity, the
/// place in the export, and a sentence a person can act on.
public struct Finding: Codable, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var rule: String
    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(rule: String, severity: Severity, location: SourceLocation, message: String) {
        self.rule = rule
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `error [file.missing] files/a.pdf (handlingar.csv:12): referenced file does not exist`
    public var description: String { "\(severity.rawValue) [\(rule)] \(location): \(message)" }
}

/// Collects findings with flat memory: at most `limitPerRule` findings are kept per rule, the
/// rest are only counted, so an export with a million unreferenced files cannot exhaust memory.
public final class FindingCollector: @unchecked Sendable {
    public let limitPerRule: Int
    public private(set) var findings: [Finding] = []
    public private(set) var counts: [String: Int] = [:]
    public private(set) var errorCount = 0
    public private(set) var warningCount = 0
    /// Severity overrides from the submission agreement (rule id → severity).
    public var severityOverrides: [String: Finding.Severity] = [:]

    public init(limitPerRule: Int = 1000) {
        self.limitPerRule = limitPerRule
    }

    public func add(_ finding: Finding) {
        var finding = finding
        if let override = severityOverrides[finding.rule] { finding.severity = override }
        let n = counts[finding.rule, default: 0]
        counts[finding.rule] = n + 1
        if finding.severity == .error { errorCount += 1 } else { warningCount += 1 }
        if n < limitPerRule { findings.append(finding) }
    }

    public func error(_ rule: String, _ location: SourceLocation, _ message: String) {
        add(Finding(rule: rule, severity: .error, location: location, message: message))
    }

    public func warning(_ rule: String, _ location: SourceLocation, _ message: String) {
        add(Finding(rule: rule, severity: .warning, location: location, message: message))
    }

    /// Appends the findings of `other` (already given their severities) after these, as if they
    /// had been added here in that order: the per-rule limit counts both.
    public func absorb(_ other: FindingCollector) {
        var added = counts
        for finding in other.findings {
            let before = added[finding.rule, default: 0]
            if before < limitPerRule { findings.append(finding) }
            added[finding.rule] = before + 1
        }
        counts.merge(other.counts, uniquingKeysWith: +)
        errorCount += other.errorCount
        warningCount += other.warningCount
    }

    public var hasErrors: Bool { errorCount > 0 }

    /// Rules whose findings were cut at the limit, with how many were left out.
    public var truncated: [String: Int] {
        counts.filter { $0.value > limitPerRule }.mapValues { $0 - limitPerRule }
    }
}
