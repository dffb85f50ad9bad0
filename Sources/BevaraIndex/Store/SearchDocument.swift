/// One row of the `search_text` FTS5 table, built up while a case or record and its parties
/// are written, then inserted once.
struct SearchDocument {
    /// What the row's rowid points at: `rowid = sourceID * 4 + kind`.
    enum Kind: Int64 {
        case caseFile = 0
        case record = 1
        case file = 2
    }

    static func rowid(_ kind: Kind, _ sourceID: Int64) -> Int64 { sourceID * 4 + kind.rawValue }

    var rowid: Int64
    var organisationID: String
    var caseID: Int64?
    var recordID: Int64?
    var dnr: String
    var title: String
    /// Party names (and organisations), de-duplicated in delivery order.
    var parties: [String]
    var body: String

    mutating func addParty(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty, !parties.contains(trimmed) { parties.append(trimmed) }
    }

    var partiesText: String { parties.joined(separator: "\n") }
}
