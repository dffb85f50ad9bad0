import BevaraIndex
import Foundation
import Testing

/// Rebuild reproducibility, re-indexing, transactions and refusals of the writer and reader.
@Suite struct IndexWriterTests {
    @Test func twoIndexesBuiltFromTheSameSIPsDumpEqual() throws {
        let vbg = try fixture(FixtureSIP.vanersborg)
        let thn = try fixture(FixtureSIP.trollhattan)
        let (a, dirA) = try makeIndex("dump-a")
        let (b, dirB) = try makeIndex("dump-b")
        defer {
            try? FileManager.default.removeItem(atPath: dirA)
            try? FileManager.default.removeItem(atPath: dirB)
        }
        // Different package order and different file/ERMS order: same rows.
        try indexSIP(vbg, into: a, order: .ermsFirst)
        try indexSIP(thn, into: a, order: .filesFirst)
        try indexSIP(thn, into: b, order: .ermsFirst)
        try indexSIP(vbg, into: b, order: .filesFirst)
        let dumpA = try a.canonicalDump()
        let dumpB = try b.canonicalDump()
        #expect(dumpA == dumpB)
        #expect(dumpA.split(separator: "\n").count > 9 + 72 + 83)
        // Every table is in the dump, including document text.
        for table in ["organisation", "package", "case_file", "record", "party", "file", "event", "search_text"] {
            #expect(dumpA.contains("\n\(table)\t"), "\(table) missing")
        }
        #expect(dumpA.contains("Björkängen"))
        // The streamed file form is the same text, and its digest says so.
        let digestA = try a.writeCanonicalDump(to: dirA + "/dump.txt")
        #expect(try String(contentsOfFile: dirA + "/dump.txt", encoding: .utf8) == dumpA)
        #expect(try b.writeCanonicalDump(to: dirB + "/dump.txt") == digestA)

        // Re-indexing a package (remove, add again) gives the same dump; a change shows.
        try indexSIP(vbg, into: a)
        #expect(try a.canonicalDump() == dumpB)
        try a.write { w in try w.upsertOrganisation(id: "vanersborg", name: "Vänersborgs kommun") }
        #expect(try a.canonicalDump() != dumpB)
    }

    @Test func removePackageLeavesNoRowsOrText() throws {
        let vbg = try fixture(FixtureSIP.vanersborg)
        let (index, dir) = try makeIndex("remove")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try indexSIP(vbg, into: index)
        #expect(try index.packageRecord(objectID: vbg.objectID)?.version == 1)
        #expect(try index.search(SearchQuery(text: "Björkängen"), organisations: ["vanersborg"]).total > 0)
        try index.write { w in try w.removePackage(objectID: vbg.objectID) }
        #expect(try index.packageRecord(objectID: vbg.objectID) == nil)
        #expect(try index.search(SearchQuery(text: "Björkängen"), organisations: ["vanersborg"]).total == 0)
        #expect(try index.search(SearchQuery(), organisations: ["vanersborg"]).total == 0)
        let dump = try index.canonicalDump()
        #expect(dump.split(separator: "\n").allSatisfy { $0.hasPrefix("organisation\t") }, "\(dump.prefix(500))")
    }

    @Test func aFailedTransactionWritesNothing() throws {
        let (index, dir) = try makeIndex("rollback")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try index.write { w in
                try w.addPackage(IndexedPackage(objectID: "p", organisationID: "o", agreementID: "a", version: 1,
                                                created: "2026-01-01", fileCount: 0, byteCount: 0))
                let c = try w.addCase(IndexedCase(objectID: "p", diarienummer: "KS 2021/1", title: "Bygglov"))
                try w.addRecord(IndexedRecord(caseID: c, recordID: "KS 2021/1:1", title: "Ansökan"))
                throw Stop()
            }
        }
        #expect(try index.packageRecord(objectID: "p") == nil)
        #expect(try index.search(SearchQuery(text: "bygglov"), organisations: ["o"]).total == 0)
    }

    @Test func writerRefusesInconsistentRows() throws {
        let (index, dir) = try makeIndex("refusals")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let package = IndexedPackage(objectID: "p", organisationID: "o", agreementID: "a", version: 2, label: "L",
                                     created: "2026-01-01T00:00:00Z", submittedBy: "u", fileCount: 3, byteCount: 42)
        try index.write { w in try w.addPackage(package) }
        #expect(try index.packageRecord(objectID: "p") == package)
        #expect(throws: IndexError.packageAlreadyIndexed(objectID: "p", version: 2)) {
            try index.write { w in try w.addPackage(package) }
        }
        #expect(throws: IndexError.unknownPackage(objectID: "q")) {
            try index.write { w in try w.addCase(IndexedCase(objectID: "q", diarienummer: "1", title: "t")) }
        }
        #expect(throws: IndexError.unknownRow(table: "case_file", id: 999)) {
            try index.write { w in try w.addRecord(IndexedRecord(caseID: 999, recordID: "r", title: "t")) }
        }
        #expect(throws: IndexError.partyCaseMismatch(recordID: 2, caseID: 1)) {
            try index.write { w in
                let c1 = try w.addCase(IndexedCase(objectID: "p", diarienummer: "KS 1/1", title: "a"))
                let c2 = try w.addCase(IndexedCase(objectID: "p", diarienummer: "KS 1/2", title: "b"))
                _ = try w.addRecord(IndexedRecord(caseID: c1, recordID: "x", title: "x"))
                let r2 = try w.addRecord(IndexedRecord(caseID: c2, recordID: "y", title: "y"))
                try w.addParty(IndexedParty(caseID: c1, recordID: r2, name: "N", role: "sender"))
            }
        }
        #expect(throws: IndexError.organisationMismatch(objectID: "p", expected: "other", indexed: "o")) {
            try index.write { w in try ERMSIndexReader.read(path: "/nonexistent", objectID: "p", organisationID: "other", into: w) }
        }
        // Descriptions name the package and the rule.
        #expect(IndexError.unknownPackage(objectID: "q").description.contains("q"))
    }

    @Test func partiesAddedAfterTheirRowWasWrittenStillBecomeSearchable() throws {
        let (index, dir) = try makeIndex("late-party")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try index.write { w in
            try w.addPackage(IndexedPackage(objectID: "p", organisationID: "o", agreementID: "a", version: 1,
                                            created: "2026-01-01", fileCount: 0, byteCount: 0))
            let c1 = try w.addCase(IndexedCase(objectID: "p", diarienummer: "KS 2021/1", title: "Bygglov"))
            let r1 = try w.addRecord(IndexedRecord(caseID: c1, recordID: "KS 2021/1:1", date: "2021-02-03", title: "Ansökan"))
            _ = try w.addCase(IndexedCase(objectID: "p", diarienummer: "KS 2021/2", title: "Remiss"))
            // Both rows of case 1 were flushed when case 2 started.
            try w.addParty(IndexedParty(caseID: c1, name: "Göran Älvström", role: "counterpart"))
            try w.addParty(IndexedParty(caseID: c1, recordID: r1, name: "Ingrid Ödman", organisation: "Ödmans Bygg AB", role: "sender"))
        }
        let byCase = try index.search(SearchQuery(party: "älvström"), organisations: ["o"])
        #expect(byCase.hits.map(\.caseDiarienummer) == ["KS 2021/1"] && byCase.hits[0].recordID == nil)
        let byRecord = try index.search(SearchQuery(party: "Ödmans"), organisations: ["o"])
        #expect(byRecord.hits.map(\.recordID) == ["KS 2021/1:1"])
        // A case-level party with a record-level filter stands for the case's records.
        let expanded = try index.search(SearchQuery(party: "Göran", from: "2021"), organisations: ["o"])
        #expect(expanded.hits.map(\.recordID) == ["KS 2021/1:1"])
    }

    @Test func ermsWithADoctypeOrBrokenXMLIsRefusedAndRolledBack() throws {
        let (index, dir) = try makeIndex("bad-erms")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let good = SampleERMS(objectID: "p", cases: [SampleERMS.Case(dnr: "KS 2021/1", title: "Bygglov")]).xml()
        let doctype = good.replacingOccurrences(of: "<erms ", with: "<!DOCTYPE erms [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<erms ")
        let broken = String(good.dropLast(20))
        for (name, xml) in [("doctype", doctype), ("broken", broken)] {
            let path = dir + "/\(name).xml"
            try xml.write(toFile: path, atomically: true, encoding: .utf8)
            do {
                try index.write { w in
                    try w.addPackage(IndexedPackage(objectID: "p", organisationID: "o", agreementID: "a", version: 1,
                                                    created: "2026-01-01", fileCount: 0, byteCount: 0))
                    _ = try ERMSIndexReader.read(path: path, objectID: "p", organisationID: "o", into: w)
                }
                Issue.record("\(name) ERMS was accepted")
            } catch let error as IndexError {
                guard case .unreadableERMS(let p, let reason) = error else {
                    Issue.record("unexpected \(error)")
                    continue
                }
                #expect(p == path)
                #expect(name != "doctype" || reason.contains("DOCTYPE"))
                #expect(name != "broken" || reason.contains("line"))
            }
            #expect(try index.packageRecord(objectID: "p") == nil, "\(name): the transaction must roll back")
        }
    }
}
