/// The writing side of `ERMSIndexReader`: turns the parse's items into index rows through the
/// `IndexWriter`, on the calling thread, giving cases, records and parties their row ids and
/// counting what it wrote.
struct ERMSRowWriter {
    private let objectID: String
    private let writer: IndexWriter
    /// Row ids of the cases on the current aggregation path, by depth (top-level case first).
    private var caseRows: [Int64] = []
    private(set) var summary = ERMSIndexSummary()

    init(objectID: String, writer: IndexWriter) {
        self.objectID = objectID
        self.writer = writer
    }

    mutating func write(_ item: ERMSIndexItem) throws {
        switch item {
        case .caseFile(let row, let parties, let depth):
            let caseID = try writer.addCase(row)
            // A case is written after its parent and before anything below it: deeper entries
            // belong to siblings that have ended.
            caseRows.removeSubrange(min(depth, caseRows.count)...)
            caseRows.append(caseID)
            summary.cases += 1
            try add(parties, caseID: caseID, recordID: nil)
        case .record(var row, let parties, let appendices, let depth):
            guard caseRows.indices.contains(depth) else { return }
            row.caseID = caseRows[depth]
            let recordID = try writer.addRecord(row)
            summary.records += 1
            try add(parties, caseID: row.caseID, recordID: recordID)
            for appendix in appendices {
                guard let logical = appendix.logicalPath else {
                    summary.invalidAppendixPaths.append(appendix.path)
                    continue
                }
                if try writer.linkFile(objectID: objectID, logicalPath: logical, recordID: recordID, originalName: appendix.name) {
                    summary.linkedFiles += 1
                } else {
                    summary.pendingLinks += 1
                }
            }
        }
    }

    /// Writes a case's or record's parties with the row ids the parse could not know.
    private mutating func add(_ parties: [IndexedParty], caseID: Int64, recordID: Int64?) throws {
        for var party in parties {
            party.caseID = caseID
            party.recordID = recordID
            try writer.addParty(party)
            summary.parties += 1
        }
    }
}
