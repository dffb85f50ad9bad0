/// Collects the findings of one validation with flat memory: at most `limitPerRule` findings are
/// kept per rule, the rest only counted, so a package with a million bad files cannot exhaust
/// memory. Severity overrides let the caller relax or tighten a rule.
final class FindingLog {
    let package: String
    let limitPerRule: Int
    let overrides: [String: SIPFinding.Severity]
    private(set) var findings: [SIPFinding] = []
    private(set) var counts: [String: Int] = [:]
    private(set) var errorCount = 0

    init(package: String, limitPerRule: Int, overrides: [String: SIPFinding.Severity] = [:]) {
        self.package = package
        self.limitPerRule = limitPerRule
        self.overrides = overrides
    }

    func add(_ rule: String, _ severity: SIPFinding.Severity, path: String, line: Int? = nil, _ message: String) {
        let severity = overrides[rule] ?? severity
        let n = counts[rule, default: 0]
        counts[rule] = n + 1
        if severity == .error { errorCount += 1 }
        if n < limitPerRule {
            findings.append(SIPFinding(ruleID: rule, severity: severity, package: package, path: path, line: line, message: message))
        } else if n == limitPerRule {
            findings.append(SIPFinding(ruleID: rule, severity: severity, package: package, path: "", message:
                "more findings of rule \(rule) were not listed (limit \(limitPerRule) per rule)"))
        }
    }

    func error(_ rule: String, path: String, line: Int? = nil, _ message: String) {
        add(rule, .error, path: path, line: line, message)
    }

    func warning(_ rule: String, path: String, line: Int? = nil, _ message: String) {
        add(rule, .warning, path: path, line: line, message)
    }
}
