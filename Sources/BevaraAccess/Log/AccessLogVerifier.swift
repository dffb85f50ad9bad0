import Foundation

/// One streamed pass over the log that stops at the first broken entry.
///
/// Per line, in this order (so the reason names the most direct cause):
/// 1. the line ends with `\n` (else: torn final line, an interrupted append);
/// 2. it decodes as an entry (else: not an entry);
/// 3. its `hash` equals the SHA-256 of the line without its `hash` member (else: "hash
///    mismatch", the entry was changed);
/// 4. its bytes are exactly the canonical encoding (else: the line was altered in a way that
///    keeps its meaning, e.g. whitespace or escapes; evidence must not change at all);
/// 5. its `seq` is the line's position (a higher seq: entries removed before it; a lower one:
///    entries reordered or duplicated);
/// 6. its `previousHash` is the previous entry's `hash` (else: an entry was replaced or inserted);
/// 7. its `time` is ISO 8601.
/// Then the tail against the head anchor: fewer entries than the anchor's seq means entries were
/// removed from the end; the anchor may lag by exactly one entry (an append interrupted between
/// its line and the anchor update), never more.
struct AccessLogVerifier {
    let logPath: String
    let headPath: String

    func run() throws -> AccessLogVerification {
        // Read before the chain so its seq's hash can be picked up on the way; reported after it,
        // so damage inside the chain is named first.
        var head: AccessLogHead?
        var headError: AccessLogError?
        do {
            head = try AccessLogHead.read(headPath)
        } catch let error as AccessLogError {
            headError = error
        }
        var count = 0
        var previousHash = AccessLogCanonical.genesisHash
        var hashAtHead: String?
        let decoder = JSONDecoder()

        if let reader = try LogLineReader(path: logPath) {
            while let line = try reader.next() {
                let number = line.number
                guard line.terminated else {
                    return .broken(line: number, seq: nil,
                                   reason: "torn final line (no newline, \(line.bytes.count) bytes): an append was interrupted")
                }
                guard let entry = try? decoder.decode(AccessLogEntry.self, from: line.bytes) else {
                    return .broken(line: number, seq: nil, reason: "not an access log entry (invalid JSON or missing fields)")
                }
                let seq = entry.seq
                guard AccessLogCanonical.hash(ofLine: line.bytes) == entry.hash else {
                    return .broken(line: number, seq: seq, reason: "hash mismatch: the entry's content was changed after it was written")
                }
                guard try AccessLogCanonical.line(entry) == line.bytes else {
                    return .broken(line: number, seq: seq, reason: "line is not in canonical form: its bytes were altered")
                }
                if seq > number {
                    return .broken(line: number, seq: seq,
                                   reason: "seq gap: expected \(number), found \(seq): entries \(number)…\(seq - 1) were removed")
                }
                if seq < number {
                    return .broken(line: number, seq: seq,
                                   reason: "seq out of order: expected \(number), found \(seq): entries were reordered or duplicated")
                }
                guard entry.previousHash == previousHash else {
                    return .broken(line: number, seq: seq,
                                   reason: "previous hash mismatch: does not chain to entry \(seq - 1) (replaced, inserted or reordered)")
                }
                guard entry.date != nil else {
                    return .broken(line: number, seq: seq, reason: "time '\(entry.time)' is not ISO 8601")
                }
                if seq == head?.seq { hashAtHead = entry.hash }
                previousHash = entry.hash
                count = number
            }
        }
        if let headError {
            return .broken(line: count + 1, seq: nil, reason: "\(headError): the tail of the log cannot be checked")
        }
        return checkTail(count: count, lastHash: previousHash, head: head, hashAtHead: hashAtHead)
    }

    private func checkTail(count: Int, lastHash: String, head: AccessLogHead?, hashAtHead: String?) -> AccessLogVerification {
        guard let head else {
            let warning = "no head anchor (\(headPath)): entries removed from the end could not be detected"
            return .intact(count: count, lastHash: lastHash, warnings: count == 0 ? [] : [warning])
        }
        if count < head.seq {
            return .broken(line: count + 1, seq: count + 1,
                           reason: "entries removed from the end after seq \(count): the head anchor records seq \(head.seq)")
        }
        if head.seq > 0 && hashAtHead != head.hash {
            return .broken(line: head.seq, seq: head.seq,
                           reason: "entry \(head.seq) differs from the head anchor's hash: the tail was rewritten")
        }
        if count == head.seq + 1 {
            return .intact(count: count, lastHash: lastHash, warnings: [
                "the head anchor lags one entry behind (an append was interrupted before updating it); the next append updates it",
            ])
        }
        if count > head.seq + 1 {
            return .broken(line: head.seq + 2, seq: head.seq + 2,
                           reason: "entries after seq \(head.seq + 1) are not covered by the head anchor (written outside Bevara?)")
        }
        return .intact(count: count, lastHash: lastHash, warnings: [])
    }
}
