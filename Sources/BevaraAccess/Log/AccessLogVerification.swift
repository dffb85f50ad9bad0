/// The verdict of `AccessLog.verify()`.
public enum AccessLogVerification: Sendable, Equatable, CustomStringConvertible {
    /// Every entry hashes correctly, chains to the one before and the tail matches the head
    /// anchor. `warnings` say what could not be checked (e.g. no head anchor yet).
    case intact(count: Int, lastHash: String, warnings: [String])
    /// The first broken entry. `line` is its 1-based line in the file (in an intact log line N
    /// holds seq N); `seq` is the sequence number the line claims, nil if it could not be read.
    /// For entries removed from the end, `line` and `seq` are those of the first missing entry.
    case broken(line: Int, seq: Int?, reason: String)

    public var isIntact: Bool {
        if case .intact = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .intact(let count, let lastHash, let warnings):
            let head = "access log intact: \(count) entries, last hash \(lastHash)"
            return ([head] + warnings.map { "warning: \($0)" }).joined(separator: "\n")
        case .broken(let line, let seq, let reason):
            return "access log broken at line \(line)\(seq.map { " (seq \($0))" } ?? ""): \(reason)"
        }
    }
}
