import BevaraModel
import BevaraProfiles
import Foundation

/// The outcome of a preflight: what the export holds and every finding, with a verdict.
///
/// It is the archivist's acceptance evidence ("godkännande av leverans"), so it is also written
/// into each package's `documentation/` folder.
public struct PreflightReport: Codable, Sendable {
    public struct Totals: Codable, Sendable, Equatable {
        public var cases: Int
        public var records: Int
        public var parties: Int
        public var fileReferences: Int
        /// Regular files found under the export's file root.
        public var filesOnDisk: Int
        public var bytesOnDisk: Int64
    }

    public var export: String
    public var profile: String
    public var agreement: String?
    public var organisation: String?
    /// True when content was read (formats identified, checksums verified).
    public var contentVerified: Bool
    public var totals: Totals
    public var errors: Int
    public var warnings: Int
    /// Findings per rule, including those left out of `findings` by the per-rule limit.
    public var ruleCounts: [String: Int]
    /// Errors first, then warnings, each in the order found.
    public var findings: [Finding]
    public var passed: Bool { errors == 0 }

    /// A plain-text rendering for terminals and the package's documentation.
    public func text() -> String {
        var lines: [String] = []
        lines.append("Bevara preflight of \(export)")
        lines.append("profile \(profile)" + (agreement.map { ", agreement \($0)" } ?? "") + (organisation.map { ", organisation \($0)" } ?? ""))
        lines.append("\(totals.cases) cases, \(totals.records) records, \(totals.parties) parties, \(totals.fileReferences) file references; "
                     + "\(totals.filesOnDisk) files on disk, \(totals.bytesOnDisk) bytes"
                     + (contentVerified ? "; content read and verified" : "; content not read (verified while packaging)"))
        for f in findings { lines.append(f.description) }
        for (rule, count) in ruleCounts.sorted(by: { $0.key < $1.key }) {
            let shown = findings.filter { $0.rule == rule }.count
            if count > shown { lines.append("… and \(count - shown) more [\(rule)] findings") }
        }
        lines.append("\(errors) error(s), \(warnings) warning(s): " + (passed ? "PASSED" : "FAILED"))
        return lines.joined(separator: "\n") + "\n"
    }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    private enum CodingKeys: String, CodingKey {
        case export, profile, agreement, organisation, contentVerified, totals, errors, warnings, ruleCounts, findings, passed
    }

    public init(export: String, profile: String, agreement: String?, organisation: String?, contentVerified: Bool,
                totals: Totals, collector: FindingCollector) {
        self.init(summary: Summary(export: export, profile: profile, agreement: agreement, organisation: organisation,
                                   contentVerified: contentVerified, totals: totals),
                  findings: collector.findings, ruleCounts: collector.counts,
                  errors: collector.errorCount, warnings: collector.warningCount)
    }

    /// What a report says besides its findings.
    struct Summary {
        var export: String
        var profile: String
        var agreement: String?
        var organisation: String?
        var contentVerified: Bool
        var totals: Totals
    }

    /// A report of `findings` in the order found (kept ones only; `ruleCounts` counts all).
    init(summary: Summary, findings: [Finding], ruleCounts: [String: Int], errors: Int, warnings: Int) {
        export = summary.export
        profile = summary.profile
        agreement = summary.agreement
        organisation = summary.organisation
        contentVerified = summary.contentVerified
        totals = summary.totals
        self.errors = errors
        self.warnings = warnings
        self.ruleCounts = ruleCounts
        self.findings = findings.filter { $0.severity == .error } + findings.filter { $0.severity == .warning }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        export = try c.decode(String.self, forKey: .export)
        profile = try c.decode(String.self, forKey: .profile)
        agreement = try c.decodeIfPresent(String.self, forKey: .agreement)
        organisation = try c.decodeIfPresent(String.self, forKey: .organisation)
        contentVerified = try c.decode(Bool.self, forKey: .contentVerified)
        totals = try c.decode(Totals.self, forKey: .totals)
        errors = try c.decode(Int.self, forKey: .errors)
        warnings = try c.decode(Int.self, forKey: .warnings)
        ruleCounts = try c.decode([String: Int].self, forKey: .ruleCounts)
        findings = try c.decode([Finding].self, forKey: .findings)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(export, forKey: .export)
        try c.encode(profile, forKey: .profile)
        try c.encodeIfPresent(agreement, forKey: .agreement)
        try c.encodeIfPresent(organisation, forKey: .organisation)
        try c.encode(contentVerified, forKey: .contentVerified)
        try c.encode(totals, forKey: .totals)
        try c.encode(errors, forKey: .errors)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(ruleCounts, forKey: .ruleCounts)
        try c.encode(findings, forKey: .findings)
        try c.encode(passed, forKey: .passed)
    }
}
