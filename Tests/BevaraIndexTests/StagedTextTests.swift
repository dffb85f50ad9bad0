import BevaraIndex
import Foundation
import Testing

/// Full-text rows wait in a temporary table and go into FTS5 in rowid order, in batches and at
/// the transaction's end (`IndexWriter`'s `pending_text`). Whatever waits there is changed where
/// it waits: the rows must be those of the same steps each committed on its own.
@Suite struct StagedTextTests {
    /// Parties that arrive after their case's or record's row was staged (the next case had
    /// started) are added to that row, as they are to a row already in FTS5.
    @Test func latePartiesReachStagedRows() throws {
        try withTwoIndexes("late-parties-one", "late-parties-many") { a, b in
            for (index, oneTransaction) in [(a, true), (b, false)] {
                var steps: [(IndexWriter) throws -> Void] = []
                var ids: (firstCase: Int64, firstRecord: Int64) = (0, 0)
                steps.append { w in
                    try w.upsertOrganisation(id: "o", name: "Org")
                    try w.addPackage(IndexedPackage(objectID: "p", organisationID: "o", agreementID: "T", version: 1,
                                                    created: "2026-01-01T00:00:00Z", fileCount: 0, byteCount: 0))
                    ids.firstCase = try w.addCase(IndexedCase(objectID: "p", diarienummer: "KS 2026/1", title: "Första"))
                    ids.firstRecord = try w.addRecord(IndexedRecord(caseID: ids.firstCase, recordID: "KS 2026/1:1", title: "Skrivelse"))
                    let second = try w.addCase(IndexedCase(objectID: "p", diarienummer: "KS 2026/2", title: "Andra"))
                    try w.addRecord(IndexedRecord(caseID: second, recordID: "KS 2026/2:1", title: "Yttrande"))
                }
                steps.append { w in try w.addParty(IndexedParty(caseID: ids.firstCase, name: "Greta Sjöberg", role: "counterpart")) }
                steps.append { w in
                    try w.addParty(IndexedParty(caseID: ids.firstCase, recordID: ids.firstRecord, name: "Olof Lind",
                                                organisation: "Lind Bygg AB", role: "sender"))
                }
                try writeSteps(steps, to: index, oneTransaction: oneTransaction)
            }
            let dump = try a.canonicalDump()
            #expect(dump == (try b.canonicalDump()))
            for party in ["Sjöberg", "Lind", "Bygg"] {
                #expect(try a.search(SearchQuery(party: party), organisations: ["o"]).total == 1, "\(party)")
            }
        }
    }

    /// More text than one batch, written out of rowid order (records' files in reverse), with
    /// texts replaced and moved by a link while staged: every text is found once after the
    /// commit, and the rows equal one transaction per step.
    @Test func textsBeyondOneBatchAllArrive() throws {
        // 40 texts of ≈ 256 KiB pass the 8 MiB batch, so some are written mid-transaction.
        let filler = String(repeating: "ord ", count: 64 * 1024)
        let files = 40
        try withTwoIndexes("batches-one", "batches-many") { a, b in
            for (index, oneTransaction) in [(a, true), (b, false)] {
                var records: [Int64] = []
                var ids: [Int: Int64] = [:]
                var steps: [(IndexWriter) throws -> Void] = [{ w in
                    try w.upsertOrganisation(id: "o", name: "Org")
                    try w.addPackage(IndexedPackage(objectID: "p", organisationID: "o", agreementID: "T", version: 1,
                                                    created: "2026-01-01T00:00:00Z", fileCount: files, byteCount: 0))
                    let caseID = try w.addCase(IndexedCase(objectID: "p", diarienummer: "KS 2026/3", title: "Stor"))
                    records = try (1...4).map { try w.addRecord(IndexedRecord(caseID: caseID, recordID: "KS 2026/3:\($0)", title: "Del \($0)")) }
                }]
                for n in 0..<files {
                    steps.append { w in
                        let file = IndexedFile(objectID: "p", recordID: n == 7 ? nil : records[3 - n % 4],
                                               logicalPath: "representations/rep1/data/f\(n).txt", size: 1,
                                               sha256: String(repeating: "e", count: 64), mime: "text/plain", puid: nil)
                        ids[n] = try w.addFile(file, text: .text("unikt\(n) \(filler)", truncated: false))
                    }
                }
                steps.append { w in try w.setText(fileID: ids[3]!, outcome: .text("ersatt", truncated: false)) }
                steps.append { w in
                    _ = try w.linkFile(objectID: "p", logicalPath: "representations/rep1/data/f7.txt", recordID: records[0],
                                       originalName: "f7")
                }
                try writeSteps(steps, to: index, oneTransaction: oneTransaction)
            }
            #expect(try a.canonicalDump() == (try b.canonicalDump()))
            for n in 0..<files {
                let hits = try a.search(SearchQuery(text: "unikt\(n)"), organisations: ["o"]).total
                #expect(hits == (n == 3 ? 0 : 1), "unikt\(n)")
            }
            #expect(try a.search(SearchQuery(text: "ersatt"), organisations: ["o"]).total == 1)
        }
    }
}
