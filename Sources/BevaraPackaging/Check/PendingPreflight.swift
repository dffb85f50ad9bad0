import BevaraModel
import BevaraProfiles

/// A preflight whose case-content rules (`CaseContentRules`) have not run yet.
///
/// Those rules read every case and record, and so does packaging: decoding each record twice
/// cost about a fifth of `bevara package` on exports of many small files (bench P2). The
/// packager therefore feeds the cases it streams anyway to `check`, then takes `report()`, which
/// is exactly the report `Preflight.run` gives: the case findings go where the preflight would
/// have put them (after the catalog rules, before the file rules), with the same per-rule limit
/// and severity overrides. That holds because no other rule uses their rule ids, and they are
/// only deferred while they cannot be errors (`Preflight.canDeferCaseRules`), so the verdict is
/// known before any case is packaged.
public final class PendingPreflight {
    private let summary: PreflightReport.Summary
    private let collector: FindingCollector
    /// How many of `collector`'s kept findings precede the case findings.
    private let position: Int
    private let caseFindings: FindingCollector
    /// True once every case has been checked.
    public private(set) var caseRulesDone = false
    /// What the tree walk measured of the referenced files, when exact enough to plan a split by.
    let referencedContent: SplitPlan.Measured?

    init(summary: PreflightReport.Summary, collector: FindingCollector, position: Int,
         referencedContent: SplitPlan.Measured? = nil) {
        self.summary = summary
        self.collector = collector
        self.position = position
        self.referencedContent = referencedContent
        caseFindings = FindingCollector(limitPerRule: collector.limitPerRule)
        caseFindings.severityOverrides = collector.severityOverrides
    }

    /// Applies the case-content rules to one case; call it for every case, in export order.
    public func check(_ item: Case, records: [BevaraModel.Record]) {
        CaseContentRules.check(item, records: records, findings: caseFindings)
    }

    /// Marks the case rules as run over every case (by `check` or `runCaseRules`).
    public func finishCaseRules() { caseRulesDone = true }

    /// Runs the case rules over the whole catalog now (a split delivery, or a refused export,
    /// needs the full report before packaging).
    public func runCaseRules(_ catalog: ExportCatalog) throws {
        guard !caseRulesDone else { return }
        try catalog.forEachCase { item, records in check(item, records: records) }
        caseRulesDone = true
    }

    /// The report: without case findings until `finishCaseRules`/`runCaseRules`.
    public func report() -> PreflightReport {
        let kept = collector.findings
        let at = min(position, kept.count)
        let all = Array(kept[..<at]) + caseFindings.findings + Array(kept[at...])
        return PreflightReport(summary: summary, findings: all,
                               ruleCounts: collector.counts.merging(caseFindings.counts, uniquingKeysWith: +),
                               errors: collector.errorCount + caseFindings.errorCount,
                               warnings: collector.warningCount + caseFindings.warningCount)
    }
}
