import BevaraModel

/// What a command wants logged: an entry without its sequence number, time and hashes, which
/// `AccessLog.append` assigns under the log's lock.
public struct AccessLogDraft: Codable, Sendable, Equatable {
    public var user: String
    public var role: String
    /// Nil for users without an organisation (administrators).
    public var organisation: String?
    /// `search`, `show`, `retrieve`, …
    public var command: String
    /// The filters exactly as given. Searches by personnummer make this sensitive personal data;
    /// that is why the log file is readable by its owner only (domain notes §5.5).
    public var query: [String: String]
    /// The request (begäran om utlämnande) this command serves, if any.
    public var requestReference: String?
    /// Record ids returned or shown, in the order the user saw them.
    public var records: [String]
    public var files: [LoggedFile]
    public var decisions: [LoggedDecision]
    /// `ok`, `denied`, `not-found`, …
    public var outcome: String

    public init(user: String, role: String, organisation: String?, command: String,
                query: [String: String] = [:], requestReference: String? = nil, records: [String] = [],
                files: [LoggedFile] = [], decisions: [LoggedDecision] = [], outcome: String = "ok") {
        self.user = user
        self.role = role
        self.organisation = organisation
        self.command = command
        self.query = query
        self.requestReference = requestReference
        self.records = records
        self.files = files
        self.decisions = decisions
        self.outcome = outcome
    }

    /// A draft for `user` (id, role and organisation taken from the account).
    public init(user: ArchiveUser, command: String, query: [String: String] = [:], requestReference: String? = nil,
                records: [String] = [], files: [LoggedFile] = [], decisions: [LoggedDecision] = [], outcome: String = "ok") {
        self.init(user: user.id, role: user.role.rawValue, organisation: user.organisationID, command: command,
                  query: query, requestReference: requestReference, records: records, files: files,
                  decisions: decisions, outcome: outcome)
    }
}
