/// Why the access log refused to append or could not be read. Each case names the file.
public enum AccessLogError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The last line has no newline: an append was interrupted. Appending after it would bury
    /// the damage, and repairing it would alter evidence, so Bevara stops and says so.
    case tornFinalLine(path: String, line: Int, afterSeq: Int)
    /// A line is not a log entry (not JSON, or missing fields).
    case malformedLine(path: String, line: Int?, reason: String)
    /// The log's last entry does not match the head anchor: entries were removed from the end,
    /// or the tail was rewritten or extended outside Bevara. Appending would overwrite the
    /// anchor, the only evidence.
    case headMismatch(path: String, headSeq: Int, lastSeq: Int)
    /// The head anchor file is not `<seq> <hash>`.
    case malformedHead(path: String, reason: String)

    public var description: String {
        switch self {
        case .tornFinalLine(let path, let line, let seq):
            return "\(path): line \(line) (after entry seq \(seq)) has no newline: an append was interrupted; "
                + "the log is not repaired automatically; run `bevara log verify` and have the damage reviewed"
        case .malformedLine(let path, let line, let reason):
            return "\(path)\(line.map { ":\($0)" } ?? " (last line)"): not an access log entry: \(reason)"
        case .headMismatch(let path, let headSeq, let lastSeq):
            return "\(path): the log ends at seq \(lastSeq) but the head anchor records seq \(headSeq): "
                + "the tail was changed outside Bevara (entries removed from the end, rewritten or added); "
                + "refusing to append; run `bevara log verify`"
        case .malformedHead(let path, let reason):
            return "\(path): head anchor is not '<seq> <sha256>': \(reason)"
        }
    }
}
