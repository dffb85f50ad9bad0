/// The outcome of `SIPValidator.validate`: what the METS documents describe (nil when the root
/// METS is missing or unreadable) and every finding, errors and warnings together.
public struct SIPValidation: Sendable, Codable {
    public let description: SIPDescription?
    /// At most `maxFindingsPerRule` per rule (plus one line saying more were left out).
    public let findings: [SIPFinding]
    /// Findings per rule, including those not listed.
    public let counts: [String: Int]
    public let errorCount: Int

    /// True when nothing is an error (warnings allowed).
    public var isValid: Bool { errorCount == 0 && description != nil }

    public var errors: [SIPFinding] { findings.filter { $0.severity == .error } }
    public var warnings: [SIPFinding] { findings.filter { $0.severity == .warning } }

    /// The listed findings of one rule.
    public func findings(_ ruleID: String) -> [SIPFinding] { findings.filter { $0.ruleID == ruleID } }
}
