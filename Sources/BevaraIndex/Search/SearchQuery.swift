/// What to look for. Every filter given must hold (AND); nil filters are ignored. A query with no
/// filters lists everything of the organisations searched, newest first.
///
/// A hit is a record, or a case when the case itself matched (its title, number or parties) and
/// no record-level filter (`recordType`, `from`, `to`) is given; with one, a matching case
/// stands for all its records.
public struct SearchQuery: Hashable, Sendable {
    /// A diarienummer in any spelling (`KS 2021/0123`, `ks 2021-123`), compared on
    /// `Diarienummer.searchKey`. A trailing `/`, `-` or `*` makes it a prefix: `KS 2021/` finds
    /// all of KS 2021.
    public var diarienummer: String?
    /// FTS5 syntax over case and record titles, diarienummer, party names and document text:
    /// words (AND), `OR`, `NOT`, `"phrases"`, prefixes (`bygg*`). Swedish letters are letters:
    /// `ö` does not match `o`. Text that is not valid FTS5 is searched as quoted words.
    public var text: String?
    /// Name words of a party, or a personnummer / samordningsnummer / organisationsnummer in any
    /// spelling (`121212-1212`, `19121212-1212`, `191212121212`), compared on the canonical 12 digits.
    /// Parties with protected identity are found only by number.
    public var party: String?
    /// Record date range, inclusive, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var from: String?
    public var to: String?
    /// Classification code; also finds codes below it (`2.4` finds `2.4.1`).
    public var classification: String?
    /// Handlingstyp, exact (`Beslut`).
    public var recordType: String?
    /// Case status label (`open`, `closed`, `dormant`, `cancelled`, `ad-acta`).
    public var status: String?
    public var limit: Int
    public var offset: Int
    /// Leave out restricted cases and records: set by the access layer for users who may not read
    /// restricted titles, so a text or party match cannot reveal what is hidden.
    public var excludeRestricted = false

    public init(diarienummer: String? = nil, text: String? = nil, party: String? = nil, from: String? = nil,
                to: String? = nil, classification: String? = nil, recordType: String? = nil, status: String? = nil,
                limit: Int = 50, offset: Int = 0) {
        self.diarienummer = diarienummer
        self.text = text
        self.party = party
        self.from = from
        self.to = to
        self.classification = classification
        self.recordType = recordType
        self.status = status
        self.limit = limit
        self.offset = offset
    }
}
