/// Collects the findings of one validation with flat memory: at most `limitPerRule` findings are
/// kept per rule, the rest only counted, so a package with a million bad files cannot exhaust
/// memory. Severity overrides let the caller relax or tighten a rule.
final class FindingLog: FindingRecorder {
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

    /// Counts `count` findings of `rule` that are not listed: the caller has already added
    /// more than `limitPerRule` of that rule (`DeferredFindings.replay`).
    func addUnlisted(_ rule: String, _ severity: SIPFinding.Severity, count: Int) {
        counts[rule, default: 0] += count
        if (overrides[rule] ?? severity) == .error { errorCount += count }
    }
}

/// Where rules report findings: the validation's `FindingLog`, or `DeferredFindings` for rules
/// applied while a METS is still being read.
protocol FindingRecorder: AnyObject {
    func add(_ rule: String, _ severity: SIPFinding.Severity, path: String, line: Int?, _ message: String)
}

extension FindingRecorder {
    func error(_ rule: String, path: String, line: Int? = nil, _ message: String) {
        add(rule, .error, path: path, line: line, message)
    }

    func warning(_ rule: String, path: String, line: Int? = nil, _ message: String) {
        add(rule, .warning, path: path, line: line, message)
    }
}
