/// A record (handling) in a case: a letter, decision, application … with zero or more files.
public struct Record: Codable, Hashable, Sendable {
    public enum Direction: String, Codable, Sendable {
        /// Inkommande: received.
        case incoming
        /// Upprättad: drawn up internally.
        case drawnUp
        /// Utgående/expedierad: sent.
        case outgoing
        case unknown

        /// CITS ERMS `direction/@directionDefinition`.
        public var ermsValue: String {
            switch self {
            case .incoming: return "incoming"
            case .outgoing: return "outgoing"
            case .drawnUp: return "internal_memo_without_follow-up"
            case .unknown: return "other"
            }
        }
    }

    /// The record's identifier in the export (handlings-id, `KS 2021/123:4`).
    public var id: String
    public var systemID: String?
    /// Diarienummer of the case it belongs to.
    public var caseNumber: Diarienummer
    /// Löpnummer within the case.
    public var runningNumber: Int?
    /// Handlingstyp (Ansökan, Beslut, Skrivelse …).
    public var type: String?
    public var direction: Direction
    /// The record's main date: received for incoming, drawn up or dispatched otherwise.
    public var date: PartialDate?
    public var title: String
    public var parties: [Party]
    public var secrecy: [SecrecyMarking]
    public var files: [FileReference]
    public var source: SourceLocation

    public init(id: String, systemID: String? = nil, caseNumber: Diarienummer, runningNumber: Int? = nil,
                type: String? = nil, direction: Direction, date: PartialDate? = nil, title: String,
                parties: [Party] = [], secrecy: [SecrecyMarking] = [], files: [FileReference] = [],
                source: SourceLocation) {
        self.id = id
        self.systemID = systemID
        self.caseNumber = caseNumber
        self.runningNumber = runningNumber
        self.type = type
        self.direction = direction
        self.date = date
        self.title = title
        self.parties = parties
        self.secrecy = secrecy
        self.files = files
        self.source = source
    }

    public var isSecrecyMarked: Bool { !secrecy.isEmpty }
}
