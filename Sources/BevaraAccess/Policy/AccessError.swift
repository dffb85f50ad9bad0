/// Why an access command refused, without ever revealing another organisation's records.
public enum AccessError: Error, CustomStringConvertible, Equatable {
    case notPermitted(user: String, action: String, reason: String)
    /// No such case or record *for this user*: another organisation's ids give the same answer.
    case notFound(id: String)
    /// A record in a disclosure request is secrecy-marked and has no recorded decision to release it.
    case decisionRequired(recordID: String, legalReference: String?)
    case invalidDecision(String)

    public var description: String {
        switch self {
        case .notPermitted(let user, let action, let reason): return "user '\(user)' may not \(action): \(reason)"
        case .notFound(let id): return "\(id): no such case or record"
        case .decisionRequired(let id, let reference):
            return "\(id): secrecy-marked\(reference.map { " (\($0))" } ?? ""); withheld until a decision is recorded with --decide \(id)=release|mask|deny --reason TEXT"
        case .invalidDecision(let text): return "invalid decision: \(text)"
        }
    }
}
