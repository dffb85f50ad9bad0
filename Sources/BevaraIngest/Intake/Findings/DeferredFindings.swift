/// Findings of rules applied while a METS is streamed (each `<file>` as it closes), held until
/// the point where the validation reports them, so the log gets them in the same order as if
/// the whole document had been read first. Flat memory: per rule only the first
/// `limitPerRule + 1` are kept (as many as `FindingLog` can list, plus the one that makes it say
/// more were left out); the rest are counted.
final class DeferredFindings: FindingRecorder {
    private struct Entry {
        var rule: String
        var severity: SIPFinding.Severity
        var path: String
        var line: Int?
        var message: String
    }

    let limitPerRule: Int
    private var entries: [Entry] = []
    private var kept: [String: Int] = [:]
    /// Rule → (severity → findings not kept).
    private var unlisted: [String: [SIPFinding.Severity: Int]] = [:]

    init(limitPerRule: Int) {
        self.limitPerRule = limitPerRule
    }

    func add(_ rule: String, _ severity: SIPFinding.Severity, path: String, line: Int?, _ message: String) {
        let n = kept[rule, default: 0]
        if n <= limitPerRule {
            kept[rule] = n + 1
            entries.append(Entry(rule: rule, severity: severity, path: path, line: line, message: message))
        } else {
            unlisted[rule, default: [:]][severity, default: 0] += 1
        }
    }

    /// Adds everything to `log`, as the same calls in the same order would have, and empties
    /// this. Counts end the same too: a rule's unkept findings come after `limitPerRule + 1`
    /// kept ones, which is past what `log` lists.
    func replay(into log: FindingLog) {
        for e in entries { log.add(e.rule, e.severity, path: e.path, line: e.line, e.message) }
        for (rule, bySeverity) in unlisted.sorted(by: { $0.key < $1.key }) {
            for (severity, count) in bySeverity { log.addUnlisted(rule, severity, count: count) }
        }
        entries = []
        kept = [:]
        unlisted = [:]
    }
}
