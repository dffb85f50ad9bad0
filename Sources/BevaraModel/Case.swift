/// A case (ärende): the unit a diarium registers, holding records (handlingar) and parties.
public struct Case: Codable, Hashable, Sendable {
    /// The source system's own identifier (FGS `Systemidentifierare`), if it has one.
    public var systemID: String?
    public var diarienummer: Diarienummer
    /// Older or alternative identifiers (`ExtraID`), with their type.
    public var extraIDs: [ExtraID]
    /// Ärendemening.
    public var title: String
    public var status: CaseStatus
    public var opened: PartialDate?
    public var closed: PartialDate?
    /// Classification code (diarieplan or Klassa), with its text if the export gives one.
    public var classification: Classification?
    /// Organisational unit (enhet/förvaltning).
    public var unit: String?
    /// Handling officer (handläggare).
    public var officer: String?
    public var parties: [Party]
    public var secrecy: [SecrecyMarking]
    /// Where in the export this case was read.
    public var source: SourceLocation

    public init(systemID: String? = nil, diarienummer: Diarienummer, extraIDs: [ExtraID] = [], title: String,
                status: CaseStatus, opened: PartialDate? = nil, closed: PartialDate? = nil,
                classification: Classification? = nil, unit: String? = nil, officer: String? = nil,
                parties: [Party] = [], secrecy: [SecrecyMarking] = [], source: SourceLocation) {
        self.systemID = systemID
        self.diarienummer = diarienummer
        self.extraIDs = extraIDs
        self.title = title
        self.status = status
        self.opened = opened
        self.closed = closed
        self.classification = classification
        self.unit = unit
        self.officer = officer
        self.parties = parties
        self.secrecy = secrecy
        self.source = source
    }
}

public struct ExtraID: Codable, Hashable, Sendable {
    public var type: String
    public var value: String
    public init(type: String, value: String) {
        self.type = type
        self.value = value
    }
}

public struct Classification: Codable, Hashable, Sendable {
    public var code: String
    public var text: String?
    public init(code: String, text: String? = nil) {
        self.code = code
        self.text = text
    }
}

/// The state of a case. `unknown` keeps a value the profile could not map, for the preflight.
public enum CaseStatus: Codable, Hashable, Sendable {
    case open, dormant, closed, cancelled, adActa
    case unknown(String)

    /// CITS ERMS `status/@value`.
    public var ermsValue: String {
        switch self {
        case .open: return "open"
        case .dormant: return "on_hold"
        case .closed: return "closed"
        case .cancelled: return "obliterated"
        case .adActa: return "ad_acta"
        case .unknown: return "in_progress"
        }
    }

    public var label: String {
        switch self {
        case .open: return "open"
        case .dormant: return "dormant"
        case .closed: return "closed"
        case .cancelled: return "cancelled"
        case .adActa: return "ad-acta"
        case .unknown(let raw): return raw
        }
    }

    /// Parses the model's own labels (`open`, `closed` …) as used in profile value maps.
    public init?(label: String) {
        switch label {
        case "open": self = .open
        case "dormant": self = .dormant
        case "closed": self = .closed
        case "cancelled": self = .cancelled
        case "ad-acta": self = .adActa
        default: return nil
        }
    }
}
