import BevaraIndex
import Foundation
import Testing

/// A file added with its text (`addFile(_:text:)`, what ingest does with texts read ahead) gets
/// the rows that adding it and then setting its text give, whatever the text and the file's record.
@Suite struct AddFileWithTextTests {
    static let outcomes: [TextOutcome] = [
        .text("beslut om bygglov", truncated: false), .text("avskuret", truncated: true), .text("", truncated: false),
        .noText(reason: "no text extraction for image/jpeg"), .text("andra filen i samma handling", truncated: false),
    ]

    /// Two records (one linked to its files by `linkFile` before they are added, one named on
    /// the files) and loose files, each with every outcome.
    static func write(_ index: ArchiveIndex, together: Bool) throws {
        try index.write { w in
            try w.upsertOrganisation(id: "o", name: "Org")
            try w.addPackage(IndexedPackage(objectID: "p", organisationID: "o", agreementID: "T", version: 1,
                                            created: "2026-01-01T00:00:00Z", fileCount: 15, byteCount: 0))
            let caseID = try w.addCase(IndexedCase(objectID: "p", diarienummer: "KS 2026/7", title: "Bygglov"))
            let linked = try w.addRecord(IndexedRecord(caseID: caseID, recordID: "KS 2026/7:1", title: "Ansökan"))
            let named = try w.addRecord(IndexedRecord(caseID: caseID, recordID: "KS 2026/7:2", title: "Beslut"))
            for (n, _) in outcomes.enumerated() {
                _ = try w.linkFile(objectID: "p", logicalPath: "representations/rep1/data/l\(n).txt", recordID: linked,
                                   originalName: "original \(n).txt")
            }
            for (prefix, record) in [("l", nil), ("n", named), ("x", nil)] as [(String, Int64?)] {
                for (n, outcome) in outcomes.enumerated() {
                    let file = IndexedFile(objectID: "p", recordID: record, logicalPath: "representations/rep1/data/\(prefix)\(n).txt",
                                           size: 10, sha256: String(repeating: "c", count: 64), mime: "text/plain", puid: nil)
                    if together {
                        try w.addFile(file, text: outcome)
                    } else {
                        try w.setText(fileID: try w.addFile(file), outcome: outcome)
                    }
                }
            }
        }
    }

    @Test func theSameRowsAsAddingThenSettingText() throws {
        try withTwoIndexes("add-with-text", "add-then-text") { a, b in
            try Self.write(a, together: true)
            try Self.write(b, together: false)
            let dump = try a.canonicalDump()
            #expect(dump == (try b.canonicalDump()))
            #expect(dump.contains("andra filen i samma handling"))
            for word in ["bygglov", "avskuret", "handling"] {
                let (x, y) = (try a.search(SearchQuery(text: word), organisations: ["o"]), try b.search(SearchQuery(text: word), organisations: ["o"]))
                #expect(x.total == y.total && x.total > 0, "\(word)")
            }
        }
    }

    /// A record's file texts get rows without colliding however adds, replacements, removals and
    /// links interleave: the writer remembers the row it gave last (`lastRecordText`) within a
    /// transaction, and the same steps each in a transaction of its own (asking the file table
    /// every time) give the same rows.
    @Test func recordTextRowsInOneTransactionAsInOnePerStep() throws {
        try withTwoIndexes("text-rows-one", "text-rows-many") { a, b in
            typealias Step = (IndexWriter, inout [String: Int64], Int64, Int64) throws -> Void
            func add(_ name: String, _ record: Int64?, _ text: String) -> Step {
                { w, ids, _, _ in
                    let file = IndexedFile(objectID: "p", recordID: record, logicalPath: "representations/rep1/data/\(name).txt", size: 1,
                                           sha256: String(repeating: "d", count: 64), mime: "text/plain", puid: nil)
                    ids[name] = try w.addFile(file, text: .text(text, truncated: false))
                }
            }
            func set(_ name: String, _ outcome: TextOutcome) -> Step {
                { w, ids, _, _ in try w.setText(fileID: ids[name]!, outcome: outcome) }
            }
            for (index, oneTransaction) in [(a, true), (b, false)] {
                var ids: [String: Int64] = [:]
                let (first, second) = try index.write { w -> (Int64, Int64) in
                    try w.upsertOrganisation(id: "o", name: "Org")
                    try w.addPackage(IndexedPackage(objectID: "p", organisationID: "o", agreementID: "T", version: 1,
                                                    created: "2026-01-01T00:00:00Z", fileCount: 9, byteCount: 0))
                    let caseID = try w.addCase(IndexedCase(objectID: "p", diarienummer: "KS 2026/8", title: "Tillstånd"))
                    return (try w.addRecord(IndexedRecord(caseID: caseID, recordID: "KS 2026/8:1", title: "Ansökan")),
                            try w.addRecord(IndexedRecord(caseID: caseID, recordID: "KS 2026/8:2", title: "Yttrande")))
                }
                let steps: [Step] = [
                    add("a1", first, "ett"), add("a2", first, "två"), add("b1", second, "tre"), add("a3", first, "fyra"),
                    set("a2", .text("", truncated: false)), add("a4", first, "fem"), set("a3", .text("sex", truncated: false)),
                    add("x1", nil, "lös"), { w, _, first, _ in
                        _ = try w.linkFile(objectID: "p", logicalPath: "representations/rep1/data/x1.txt", recordID: first, originalName: "x1")
                    },
                    add("a5", first, "sju"), set("a1", .noText(reason: "borta")), add("a6", first, "åtta"), add("b2", second, "nio"),
                ]
                try writeSteps(steps.map { step in { w in try step(w, &ids, first, second) } }, to: index, oneTransaction: oneTransaction)
            }
            let dump = try a.canonicalDump()
            #expect(dump == (try b.canonicalDump()))
            for word in ["två", "ett"] { #expect(try a.search(SearchQuery(text: word), organisations: ["o"]).total == 0, "\(word)") }
            for word in ["tre", "sex", "fem", "lös", "sju", "åtta", "nio"] {
                #expect(try a.search(SearchQuery(text: word), organisations: ["o"]).total == 1, "\(word)")
            }
        }
    }
}
