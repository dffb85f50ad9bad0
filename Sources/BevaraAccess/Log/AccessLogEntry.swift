import Foundation

/// One line of the access log: who ran which access command, when, with which filters, and what
/// left the archive (records shown, files released, secrecy decisions made).
///
/// On disk an entry is its canonical JSON on one line (see `AccessLogCanonical`). `hash` covers
/// every other field, `previousHash` is the previous entry's `hash`, so changing, removing,
/// inserting or reordering any entry breaks the chain at that entry.
/// The command's own fields live in `draft` and read through it (`entry.user`); on disk they sit
/// beside `seq`, `time` and the hashes in one flat JSON object.
@dynamicMemberLookup
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
    /// Who ran which command with which filters, and what left the archive.
    public var draft: AccessLogDraft

    public init(seq: Int, time: String, previousHash: String, hash: String, draft: AccessLogDraft) {
        self.seq = seq
        self.time = time
        self.previousHash = previousHash
        self.hash = hash
        self.draft = draft
    }

    public subscript<Value>(dynamicMember keyPath: KeyPath<AccessLogDraft, Value>) -> Value {
        draft[keyPath: keyPath]
    }

    /// `time` as a date; nil if the text is not ISO 8601.
    public var date: Date? { AccessLogTime.parse(time) }

    enum CodingKeys: String, CodingKey {
        case seq, time, previousHash, hash
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        seq = try c.decode(Int.self, forKey: .seq)
        time = try c.decode(String.self, forKey: .time)
        previousHash = try c.decode(String.self, forKey: .previousHash)
        hash = try c.decode(String.self, forKey: .hash)
        draft = try AccessLogDraft(from: decoder)
    }

    /// Written by hand to leave `hash` out when hashing (`AccessLogCanonical.omitHash`) and to
    /// put the draft's fields in the same object (keys are sorted when written, so the order of
    /// encoding does not matter).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seq, forKey: .seq)
        try c.encode(time, forKey: .time)
        try c.encode(previousHash, forKey: .previousHash)
        if encoder.userInfo[AccessLogCanonical.omitHash] as? Bool != true {
            try c.encode(hash, forKey: .hash)
        }
        try draft.encode(to: encoder)
    }
}
