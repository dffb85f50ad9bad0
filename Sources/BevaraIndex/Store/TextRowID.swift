/// The rowid of a `search_text` row: which organisation it belongs to and which search hit it
/// counts for, packed so that FTS5 itself can restrict a match to one organisation.
///
/// ```
/// bit 62…49  organisation number (organisation.org_no, 1…16383)
/// bit 48…47  unit kind: 0 record, 1 case, 2 file text not tied to a record (never a hit)
/// bit 46…16  unit id: record.id, case_file.id or file.id (1…2³¹−1)
/// bit 15…0   sequence within the unit: 0 the record's or case's own row, 1… its files' texts
/// ```
///
/// - An organisation's hits are one rowid range (`hitRange`), which FTS5 applies while it walks
///   its index (`rowid BETWEEN lo AND hi`): no row of another organisation is read or counted.
/// - `rowid >> 16` is the hit unit: a record's own row and its files' texts share it, so
///   distinct units can be counted, and broad results paged, from rowids alone without reading
///   any stored column.
/// - Within an organisation, descending rowid order is cases (latest indexed first), then
///   records (latest indexed first).
struct TextRowID: Hashable, Sendable {
    enum Kind: Int64, Sendable {
        case record = 0
        case caseFile = 1
        case looseFile = 2
    }

    static let organisationShift: Int64 = 49
    static let kindShift: Int64 = 47
    static let idShift: Int64 = 16
    static let maxOrganisationNumber: Int64 = (1 << 14) - 1
    static let maxID: Int64 = (1 << 31) - 1
    static let maxSequence: Int64 = (1 << 16) - 1

    let value: Int64

    init(value: Int64) { self.value = value }

    /// The rowid of unit (`kind`, `id`) of organisation `organisation`, at `sequence`.
    static func make(organisation: Int64, kind: Kind, id: Int64, sequence: Int64 = 0) throws -> TextRowID {
        guard (1...maxOrganisationNumber).contains(organisation) else {
            throw IndexError.textKeyOverflow(what: "organisation number", value: organisation, limit: maxOrganisationNumber)
        }
        guard (1...maxID).contains(id) else {
            throw IndexError.textKeyOverflow(what: "row id", value: id, limit: maxID)
        }
        guard (0...maxSequence).contains(sequence) else {
            throw IndexError.textKeyOverflow(what: "texts per record", value: sequence, limit: maxSequence)
        }
        return TextRowID(value: organisation << organisationShift | kind.rawValue << kindShift | id << idShift | sequence)
    }

    /// The first and last rowid of the unit (its own row and all its files' texts).
    static func unitRange(organisation: Int64, kind: Kind, id: Int64) throws -> ClosedRange<Int64> {
        let base = try make(organisation: organisation, kind: kind, id: id).value
        return base...(base | maxSequence)
    }

    /// The rowids of every row of an organisation that can be a hit (cases and records with
    /// their files' texts; not loose file texts).
    static func hitRange(organisation: Int64) -> ClosedRange<Int64> {
        let base = organisation << organisationShift
        return base...(base | (Kind.caseFile.rawValue << kindShift) | (maxID << idShift) | maxSequence)
    }

    /// SQL expressions over a unit value `u` (`rowid >> 16`): its kind and its id.
    static func kindSQL(_ u: String) -> String { "((\(u) >> \(kindShift - idShift)) & 3)" }
    static func idSQL(_ u: String) -> String { "(\(u) & \(maxID))" }
}
