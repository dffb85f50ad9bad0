import Foundation

/// A registrar's decision on a secrecy-marked record for one request (sekretessprövning).
public struct SecrecyDecision: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        /// Release in full.
        case release
        /// Release a masked copy (made by the registrar and handed in with `--masked-copy`).
        case mask
        /// Withhold.
        case deny
    }

    public var recordID: String
    public var outcome: Outcome
    public var reason: String
    /// The record's legal reference at the time of the decision.
    public var legalReference: String?
    public var requestReference: String
    public var decidedBy: String
    public var decidedAt: String

    public init(recordID: String, outcome: Outcome, reason: String, legalReference: String?, requestReference: String,
                decidedBy: String, decidedAt: String) {
        self.recordID = recordID
        self.outcome = outcome
        self.reason = reason
        self.legalReference = legalReference
        self.requestReference = requestReference
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }

    /// Parses `ID=release|mask|deny` as given on the command line.
    public static func parse(_ text: String) throws(AccessError) -> (recordID: String, outcome: Outcome) {
        guard let eq = text.lastIndex(of: "=") else {
            throw .invalidDecision("'\(text)': write ID=release, ID=mask or ID=deny")
        }
        let id = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty, let outcome = Outcome(rawValue: String(text[text.index(after: eq)...]).lowercased()) else {
            throw .invalidDecision("'\(text)': write ID=release, ID=mask or ID=deny")
        }
        return (id, outcome)
    }
}
