import BevaraModel

/// A case (ärende) of a package, flattened for search.
public struct IndexedCase: Hashable, Sendable {
    public var objectID: String
    /// The diarienummer exactly as delivered; `dnrKey` is what searches compare.
    public var diarienummer: String
    public var title: String
    /// The model's status label (`open`, `dormant`, `closed`, `cancelled`, `ad-acta`), or the
    /// ERMS value when it maps to none.
    public var status: String?
    /// `YYYY-MM-DD`.
    public var opened: String?
    public var closed: String?
    /// Classification code (diarieplan or Klassa) and its text.
    public var classification: String?
    public var classificationText: String?
    public var unit: String?
    public var handlingOfficer: String?
    /// Older or alternative numbers (`ExtraID`); searchable as text, never displayed as the dnr.
    public var extraIdentifiers: [String]
    public var secrecy: IndexedSecrecy

    public init(objectID: String, diarienummer: String, title: String, status: String? = nil, opened: String? = nil,
                closed: String? = nil, classification: String? = nil, classificationText: String? = nil,
                unit: String? = nil, handlingOfficer: String? = nil, extraIdentifiers: [String] = [],
                secrecy: IndexedSecrecy = .none) {
        self.objectID = objectID
        self.diarienummer = diarienummer
        self.title = title
        self.status = status
        self.opened = opened
        self.closed = closed
        self.classification = classification
        self.classificationText = classificationText
        self.unit = unit
        self.handlingOfficer = handlingOfficer
        self.extraIdentifiers = extraIdentifiers
        self.secrecy = secrecy
    }

    /// `Diarienummer.searchKey` of the verbatim number.
    public var dnrKey: String { Diarienummer(diarienummer).searchKey }
}
