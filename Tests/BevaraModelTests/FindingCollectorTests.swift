import BevaraModel
import Testing

@Suite struct FindingCollectorTests {
    func finding(_ rule: String, _ n: Int, _ severity: Finding.Severity = .warning) -> Finding {
        Finding(rule: rule, severity: severity, location: SourceLocation(file: "f\(n)"), message: "m\(n)")
    }

    /// Absorbing gives exactly what adding the other's findings here, after these, would have given.
    @Test func absorbingIsAddingInThatOrder() {
        let before = [finding("a", 1), finding("b", 2, .error)]
        let after = [finding("a", 3), finding("a", 4), finding("c", 5, .error), finding("a", 6), finding("b", 7)]
        let direct = FindingCollector(limitPerRule: 2)
        direct.severityOverrides = ["c": .warning]
        (before + after).forEach(direct.add)

        let here = FindingCollector(limitPerRule: 2)
        here.severityOverrides = ["c": .warning]
        before.forEach(here.add)
        let other = FindingCollector(limitPerRule: 2)
        other.severityOverrides = ["c": .warning]
        after.forEach(other.add)
        here.absorb(other)

        #expect(here.findings.map(\.location.file) == direct.findings.map(\.location.file))
        #expect(here.findings.map(\.location.file) == ["f1", "f2", "f3", "f5", "f7"])
        #expect(here.counts == direct.counts && here.counts["a"] == 4)
        #expect(here.errorCount == direct.errorCount && here.errorCount == 1)
        #expect(here.warningCount == direct.warningCount && here.warningCount == 6)
        #expect(here.truncated == direct.truncated)
    }
}
