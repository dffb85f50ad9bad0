import Foundation

/// One line of the access log: who ran which access command, when, with which filters, and what
/// left the archive (records shown, files released, secrecy decisions made).
///
/// On disk an entry is its canonical JSON on one line (see `AccessLogCanonical`). `hash` covers
/// every other field, `previousHash` is the previous entry's `hash`, so changing, removing,
/// inserting or reordering any entry breaks the chain at that entry.
public struct AccessLogEntry: Codable, Sendable, Equatable {
    /// 1, 2, 3, … with no gaps.
    public var seq: Int
    /// ISO 8601 UTC with milliseconds, e.g. `2026-11-23T10:15:30.123Z`. Kept as the exact text
    /// written so an entry read back is byte-for-byte (and `==`) the entry appended.
    public var time: String
    /// The previous entry's `hash`; 64 zeros for seq 1.
    public var previousHash: String
    /// Lower-case hex SHA-256 of the canonical JSON of this entry without the `hash` field.
    public var hash: String
    public var user: String
    public var role: String
    public var organisation: String?
    public var command: String
    public var query: [String: String]
    public var requestReference: String?
    public var records: [String]
    public var files: [LoggedFile]
    public var decisions: [LoggedDecision]
    public var outcome: String

    public init(seq: Int, time: String, previousHash: String, hash: String, draft: AccessLogDraft) {
        self.seq = seq
        self.time = time
        self.previousHash = previousHash
        self.hash = hash
        user = draft.user
        role = draft.role
        organisation = draft.organisation
        command = draft.command
        query = draft.query
        requestReference = draft.requestReference
        records = draft.records
        files = draft.files
        decisions = draft.decisions
        outcome = draft.outcome
    }

    /// `time` as a date; nil if the text is not ISO 8601.
    public var date: Date? { AccessLogTime.parse(time) }

    enum CodingKeys: String, CodingKey {
        case seq, time, previousHash, hash, user, role, organisation, command, query, requestReference,
             records, files, decisions, outcome
    }

    /// Written by hand only to leave `hash` out when hashing (`AccessLogCanonical.omitHash`);
    /// absent optionals are omitted, as the synthesised encoder would.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seq, forKey: .seq)
        try c.encode(time, forKey: .time)
        try c.encode(previousHash, forKey: .previousHash)
        if encoder.userInfo[AccessLogCanonical.omitHash] as? Bool != true {
            try c.encode(hash, forKey: .hash)
        }
        try c.encode(user, forKey: .user)
        try c.encode(role, forKey: .role)
        try c.encodeIfPresent(organisation, forKey: .organisation)
        try c.encode(command, forKey: .command)
        try c.encode(query, forKey: .query)
        try c.encodeIfPresent(requestReference, forKey: .requestReference)
        try c.encode(records, forKey: .records)
        try c.encode(files, forKey: .files)
        try c.encode(decisions, forKey: .decisions)
        try c.encode(outcome, forKey: .outcome)
    }
}
