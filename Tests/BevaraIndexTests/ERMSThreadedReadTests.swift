import BevaraArchiveIO
import BevaraModel
import Foundation
import GRDB
import Testing

@testable import BevaraIndex

/// `ERMSIndexReader` parses on a thread of its own and writes on the caller's: a document of many
/// queue batches gives exactly the rows of the same writes made by hand, in the same order; an
/// error on either side, mid-document, leaves nothing written.
@Suite struct ERMSThreadedReadTests {
    /// A generated ERMS: `cases` cases of `recordsPerCase` records; every 10th case has a nested
    /// case (one record) after its first record and one more record of its own after that.
    /// Each case has a counterpart and a responsible person (not a party), each record a sender
    /// and two appendices (one package-relative, one relative to the ERMS folder); every 7th
    /// record is restricted; every 50th has a third appendix that climbs out (refused).
    struct Generated {
        var cases = 600
        var recordsPerCase = 3
        /// After this many records (document order), the rest is cut and unclosed tags follow.
        var breakAfterRecords: Int?

        struct Record {
            let id: String
            let restricted: Bool
            let invalidAppendix: Bool
            var fileA: String { "representations/rep1/data/\(id.replacingOccurrences(of: "/", with: "-"))-a.txt" }
            var fileB: String { "\(id.replacingOccurrences(of: "/", with: "-"))-b.txt" }
        }

        /// What the reader should do, in document order.
        enum Step {
            case caseFile(dnr: String, number: Int, depth: Int)
            case record(Record, depth: Int)
        }

        func steps() -> [Step] {
            var out: [Step] = []
            var n = 0
            func record(_ id: String, depth: Int) {
                out.append(.record(Record(id: id, restricted: n % 7 == 0, invalidAppendix: n % 50 == 0), depth: depth))
                n += 1
            }
            for c in 0..<cases {
                let dnr = "KS 2026/\(c)"
                out.append(.caseFile(dnr: dnr, number: c, depth: 0))
                for r in 0..<recordsPerCase {
                    record("\(dnr):\(r)", depth: 0)
                    if r == 0, c % 10 == 0 {
                        out.append(.caseFile(dnr: "\(dnr)-sub", number: c, depth: 1))
                        record("\(dnr)-sub:0", depth: 1)
                        record("\(dnr):late", depth: 0)
                    }
                }
            }
            return out
        }

        func xml() -> String {
            var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <erms xmlns="https://DILCIS.eu/XML/ERMS">
              <control><identification identificationType="OBJID">p</identification></control>
              <aggregations>

            """
            var open: [Int] = []  // depths of open aggregations
            var records = 0
            for step in steps() {
                switch step {
                case .caseFile(let dnr, let number, let depth):
                    while let last = open.last, last >= depth {
                        out += "</aggregation>\n"
                        open.removeLast()
                    }
                    open.append(depth)
                    out += """
                    <aggregation aggregationType="caseFile">
                      <objectId>\(dnr)</objectId>
                      <classification classificationCode="1.\(number % 9)">Klass \(number % 9)</classification>
                      <title>Ärende \(dnr) &amp; bilagor</title>
                      <status value="closed"/>
                      <agents>
                        <agent agentType="responsible_person"><name>Handläggare \(number % 5)</name><unitName>Enhet \(number % 3)</unitName></agent>
                        <agent agentType="counterpart"><name>Part \(dnr)</name><idNumber idNumberType="personnummer">19800101-\(String(format: "%04d", number))</idNumber><protectedIdentity>\(number % 13 == 0)</protectedIdentity></agent>
                      </agents>
                      <dates><date dateType="created">2021-05-01T00:00:00</date><date dateType="opened">2021-05-0\(number % 9 + 1)T00:00:00</date></dates>

                    """
                case .record(let r, let depth):
                    if let cut = breakAfterRecords, records == cut {
                        return out + "<record recordType=\"Skrivelse\"><title>trasig</record>\n"
                    }
                    records += 1
                    while let last = open.last, last > depth {
                        out += "</aggregation>\n"
                        open.removeLast()
                    }
                    let restriction = r.restricted
                        ? "<restriction restrictionType=\"confidential\"><regulation>OSL 26 kap. 1 §</regulation></restriction>" : ""
                    let climbing = r.invalidAppendix ? "<appendix name=\"ut\" path=\"../ut.txt\"/>" : ""
                    out += """
                      <record recordType="Skrivelse">
                        <objectId>\(r.id)</objectId>
                        <title>Handling \(r.id)</title>
                        \(restriction)
                        <direction directionDefinition="incoming"/>
                        <agents><agent agentType="sender"><name>Avsändare \(r.id)</name><organisation>Bolag AB</organisation></agent></agents>
                        <dates><date dateType="received">2021-06-01T10:00:00</date></dates>
                        <appendices><appendix name="a \(r.id).txt" path="\(r.fileA)"/><appendix name="b.txt" path="\(r.fileB)"/>\(climbing)</appendices>
                      </record>

                    """
                }
            }
            out += String(repeating: "</aggregation>\n", count: open.count)
            return out + "  </aggregations>\n</erms>\n"
        }

        /// The writes the reader must make for the document, by hand, in the same order.
        func writeByHand(into w: IndexWriter) throws -> ERMSIndexSummary {
            var summary = ERMSIndexSummary()
            summary.declaredObjectID = "p"
            var caseRows: [Int64] = []
            for step in steps() {
                switch step {
                case .caseFile(let dnr, let number, let depth):
                    let id = try w.addCase(IndexedCase(
                        objectID: "p", diarienummer: dnr, title: "Ärende \(dnr) & bilagor", status: CaseStatus.closed.label,
                        opened: "2021-05-0\(number % 9 + 1)", classification: "1.\(number % 9)", classificationText: "Klass \(number % 9)",
                        unit: "Enhet \(number % 3)", handlingOfficer: "Handläggare \(number % 5)"))
                    caseRows = Array(caseRows.prefix(depth)) + [id]
                    try w.addParty(IndexedParty(caseID: id, name: "Part \(dnr)", role: "counterpart",
                                                identityNumber: "19800101-\(String(format: "%04d", number))",
                                                protectedIdentity: number % 13 == 0))
                    summary.cases += 1
                    summary.parties += 1
                case .record(let r, let depth):
                    let caseID = caseRows[depth]
                    let id = try w.addRecord(IndexedRecord(
                        caseID: caseID, recordID: r.id, type: "Skrivelse", direction: "incoming", date: "2021-06-01",
                        title: "Handling \(r.id)",
                        secrecy: r.restricted ? IndexedSecrecy(restricted: true, legalReference: "OSL 26 kap. 1 §") : .none))
                    try w.addParty(IndexedParty(caseID: caseID, recordID: id, name: "Avsändare \(r.id)", organisation: "Bolag AB",
                                                role: "sender"))
                    summary.records += 1
                    summary.parties += 1
                    summary.appendices += r.invalidAppendix ? 3 : 2
                    for (path, name) in [(r.fileA, "a \(r.id).txt"), ("representations/rep1/data/" + r.fileB, "b.txt")] {
                        if try w.linkFile(objectID: "p", logicalPath: path, recordID: id, originalName: name) {
                            summary.linkedFiles += 1
                        } else {
                            summary.pendingLinks += 1
                        }
                    }
                    if r.invalidAppendix { summary.invalidAppendixPaths.append("../ut.txt") }
                }
            }
            return summary
        }

        var records: [Record] {
            steps().compactMap { if case .record(let r, _) = $0 { r } else { nil } }
        }
    }

    static func addPackage(_ w: IndexWriter, _ objectID: String = "p") throws {
        try w.upsertOrganisation(id: "o", name: "Org")
        try w.addPackage(IndexedPackage(objectID: objectID, organisationID: "o", agreementID: "A", version: 1,
                                        created: "2026-01-01T00:00:00Z", fileCount: 0, byteCount: 0))
    }

    /// The `a` files before the ERMS (linked at once), the `b` files after (links waiting until then).
    static func addFiles(_ w: IndexWriter, _ records: [Generated.Record], second: Bool) throws {
        for r in records {
            let path = second ? "representations/rep1/data/" + r.fileB : r.fileA
            _ = try w.addFile(IndexedFile(objectID: "p", logicalPath: path, size: 3, sha256: String(repeating: "b", count: 64),
                                          mime: "text/plain"))
        }
    }

    @Test func aDocumentOfManyBatchesGivesTheRowsOfTheSameWritesByHand() throws {
        let doc = Generated()
        let steps = doc.steps()
        #expect(steps.count > TwoThreadPipeline.batchSize * TwoThreadPipeline.batchLimit * 2)
        let (read, dirA) = try makeIndex("erms-threaded")
        let (byHand, dirB) = try makeIndex("erms-by-hand")
        defer {
            try? FileManager.default.removeItem(atPath: dirA)
            try? FileManager.default.removeItem(atPath: dirB)
        }
        let path = dirA + "/erms.xml"
        try doc.xml().write(toFile: path, atomically: true, encoding: .utf8)
        let records = doc.records
        let summary = try read.write { w in
            try Self.addPackage(w)
            try Self.addFiles(w, records, second: false)
            let s = try ERMSIndexReader.read(path: path, logicalPath: "representations/rep1/data/erms.xml", objectID: "p",
                                             organisationID: "o", into: w)
            try Self.addFiles(w, records, second: true)
            return s
        }
        let expected = try byHand.write { w in
            try Self.addPackage(w)
            try Self.addFiles(w, records, second: false)
            let s = try doc.writeByHand(into: w)
            try Self.addFiles(w, records, second: true)
            return s
        }
        #expect(summary == expected)
        #expect(summary.cases == 660 && summary.records == 1_920 && summary.parties == 660 + 1_920)
        #expect(summary.linkedFiles == 1_920 && summary.pendingLinks == 1_920 && summary.invalidAppendixPaths.count == 39)
        // Every row, by natural keys (dnr and record ids are unique here, so each party, record
        // and file link names the one row it was written under).
        let dump = try read.canonicalDump()
        #expect(dump == (try byHand.canonicalDump()))
        // The nested case's record is under it, the outer case's later record under the outer case.
        #expect(dump.contains("\nrecord\to\tp\tKS 2026/10-sub\tKS 2026/10-sub:0\t"))
        #expect(dump.contains("\nrecord\to\tp\tKS 2026/10\tKS 2026/10:late\t"))
        // Every file names its case and record (columns 4 and 5 of its line).
        let files = dump.split(separator: "\n").filter { $0.hasPrefix("file\t") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(files.count == 2 * 1_920)
        #expect(files.filter { $0[4] == "∅" || $0[5] == "∅" }.count == 0)
        // Row ids too: written in the same order, each row got the same id.
        #expect(try rowsWithIDs(read) == (try rowsWithIDs(byHand)))
    }

    /// case_file, record, party and file rows with their ids and links, in id order.
    func rowsWithIDs(_ index: ArchiveIndex) throws -> [String] {
        let db = try DatabaseQueue(path: index.path)
        return try db.read { db in
            var out: [String] = []
            for sql in ["SELECT id, dnr, title, unit, handling_officer, opened FROM case_file ORDER BY id",
                        "SELECT id, case_id, record_id, title, restricted, legal_reference FROM record ORDER BY id",
                        "SELECT id, case_id, record_id, name, role, identity_number, protected FROM party ORDER BY id",
                        "SELECT id, record_id, logical_path, original_name FROM file ORDER BY id"] {
                for row in try Row.fetchAll(db, sql: sql) { out.append(row.description) }
            }
            return out
        }
    }

    @Test func malformedXMLAfterManyRecordsLeavesNothingWritten() throws {
        let (index, dir) = try makeIndex("erms-broken-late")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A package indexed before: the failed one must leave it exactly as it was.
        try SampleERMS(objectID: "keep", cases: [SampleERMS.Case(dnr: "KS 2020/1", title: "Kvar")])
            .index(into: index, organisation: "o", folder: dir)
        let before = try index.canonicalDump()
        let path = dir + "/broken.xml"
        try Generated(breakAfterRecords: 1_500).xml().write(toFile: path, atomically: true, encoding: .utf8)
        var nextCaseRow: Int64 = 0
        do {
            try index.write { w in
                try Self.addPackage(w)
                do {
                    _ = try ERMSIndexReader.read(path: path, objectID: "p", organisationID: "o", into: w)
                } catch {
                    // What the writing side had written when the parse failed, by the next row id.
                    nextCaseRow = try w.addCase(IndexedCase(objectID: "p", diarienummer: "probe", title: "probe"))
                    throw error
                }
            }
            Issue.record("the broken ERMS was accepted")
        } catch let error as IndexError {
            guard case .unreadableERMS(let p, let reason) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(p == path)
            #expect(reason.contains("not well-formed XML at line"), "\(reason)")
        }
        // The rows of every record before the break were written (500 cases, more than 4
        // batches of items), then rolled back with the package.
        #expect(nextCaseRow > 500)
        #expect(try index.canonicalDump() == before)
        #expect(try index.packageRecord(objectID: "p") == nil)
    }

    @Test func aWriterFailureMidDocumentStopsTheParseAndLeavesNothingWritten() throws {
        let (index, dir) = try makeIndex("erms-writer-fails")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SampleERMS(objectID: "keep", cases: [SampleERMS.Case(dnr: "KS 2020/1", title: "Kvar")])
            .index(into: index, organisation: "o", folder: dir)
        let before = try index.canonicalDump()
        // SQLite refuses one record far into the document: `addRecord` throws on this thread.
        try DatabaseQueue(path: index.path).write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_record BEFORE INSERT ON record WHEN NEW.record_id = 'KS 2026/400:1'
                BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                """)
        }
        let path = dir + "/erms.xml"
        try Generated().xml().write(toFile: path, atomically: true, encoding: .utf8)
        do {
            try index.write { w in
                try Self.addPackage(w)
                _ = try ERMSIndexReader.read(path: path, objectID: "p", organisationID: "o", into: w)
            }
            Issue.record("the refused record was written")
        } catch let error as DatabaseError {
            #expect(error.message == "refused by the test")
        }
        #expect(try index.canonicalDump() == before)
        #expect(try index.packageRecord(objectID: "p") == nil)
    }

    /// The parser side alone: when `emit` throws (the writing side stopped), the parse ends at
    /// once with that error and reads no further.
    @Test func anEmitThatThrowsAbortsTheParse() throws {
        let dir = try temporaryFolder("erms-emit-throws")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/erms.xml"
        try Generated().xml().write(toFile: path, atomically: true, encoding: .utf8)
        struct Stop: Error {}
        let handler = ERMSIndexHandler(objectID: "p", path: path, ermsFolder: "representations/rep1/data/")
        var emitted = 0
        #expect(throws: Stop.self) {
            try ERMSIndexReader.parse(path: path, with: handler, emit: { _ in
                emitted += 1
                if emitted == 10 { throw Stop() }
            })
        }
        #expect(emitted == 10)
        // 10 items are a few cases and records: of the 3,879 appendices only those were read.
        #expect(handler.appendices < 40)
    }
}
