import BevaraModel
/// One row of the `search_text` FTS5 table, built up while a case or record and its parties
/// are written, then inserted once.
struct SearchDocument {
    /// Where the row goes (`TextRowID`).
    var rowid: Int64
    /// The case or record the row is for (to add parties to the pending row).
    var caseID: Int64?
    var recordID: Int64?
    var dnr: String
    var title: String
    /// Party names (and organisations), de-duplicated in delivery order.
    var parties: [String]
    var body: String

    mutating func addParty(_ text: String) {
        let trimmed = text.trimmedWhitespace()
        if !trimmed.isEmpty, !parties.contains(trimmed) { parties.append(trimmed) }
    }

    var partiesText: String { parties.joined(separator: "\n") }
}
