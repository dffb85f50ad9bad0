import BevaraIndex
import Foundation
import Testing

/// ERMS links to files not added yet wait in a temporary table on disk (not in memory) and give
/// the same rows as links made after the files.
@Suite struct PendingLinkTests {
    static let files = 2_000

    /// One case with one record, and `files` files under it, linked before or after they are added.
    static func write(_ index: ArchiveIndex, linksFirst: Bool, strayLink: Bool = false) throws {
        try index.write { w in
            try w.upsertOrganisation(id: "o", name: "Org")
            try w.addPackage(IndexedPackage(objectID: "p", organisationID: "o", agreementID: "T", version: 1,
                                            created: "2026-01-01T00:00:00Z", fileCount: files, byteCount: 0))
            let caseID = try w.addCase(IndexedCase(objectID: "p", diarienummer: "KS 2026/1", title: "Ärende"))
            let record = try w.addRecord(IndexedRecord(caseID: caseID, recordID: "KS 2026/1:1", title: "Skrivelse"))
            let paths = (0..<files).map { String(format: "representations/rep1/data/%05d.txt", $0) }
            func link() throws -> [Bool] {
                try paths.reversed().map { try w.linkFile(objectID: "p", logicalPath: $0, recordID: record, originalName: "namn \($0.suffix(9))") }
            }
            var linked: [Bool] = []
            if linksFirst { linked = try link() }
            if strayLink {
                _ = try w.linkFile(objectID: "p", logicalPath: "representations/rep1/data/never-added.txt", recordID: record,
                                   originalName: "borta")
            }
            for path in paths {
                let id = try w.addFile(IndexedFile(objectID: "p", logicalPath: path, size: 10, sha256: String(repeating: "a", count: 64),
                                                   mime: "text/plain", puid: "x-fmt/111"))
                try w.setText(fileID: id, outcome: .text("innehåll \(path.suffix(9))", truncated: false))
            }
            if !linksFirst { linked = try link() }
            #expect(linked.allSatisfy { $0 == !linksFirst })
        }
    }

    @Test func linksBeforeFilesGiveTheRowsOfLinksAfterFiles() throws {
        try withTwoIndexes("links-first", "links-after") { a, b in
            try Self.write(a, linksFirst: true, strayLink: true)
            try Self.write(b, linksFirst: false)
            let dump = try a.canonicalDump()
            #expect(dump == (try b.canonicalDump()))
            // Every file is under its record with its original name, and its text counts as the record's.
            #expect(dump.contains("file\to\tp\trepresentations/rep1/data/01999.txt\tKS 2026/1\tKS 2026/1:1\tnamn 01999.txt\t"))
            let hits = try a.search(SearchQuery(text: "innehåll"), organisations: ["o"])
            #expect(hits.total == 1)
        }
    }

    @Test func waitingLinksAreGoneAfterTheTransactionAndWithTheirPackage() throws {
        let (index, dir) = try makeIndex("links-gone")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.write(index, linksFirst: true, strayLink: true)
        // A new transaction starts with no waiting links: a file at the stray link's path is loose.
        try index.write { w in
            _ = try w.addFile(IndexedFile(objectID: "p", logicalPath: "representations/rep1/data/never-added.txt", size: 1,
                                          sha256: String(repeating: "b", count: 64), mime: "text/plain", puid: nil))
        }
        #expect(try index.canonicalDump().contains("file\to\tp\trepresentations/rep1/data/never-added.txt\t∅\t∅\t∅\t"))
        // Links waiting for a package that is then removed do not attach to its next files.
        try index.write { w in
            try w.removePackage(objectID: "p")
            try w.addPackage(IndexedPackage(objectID: "p", organisationID: "o", agreementID: "T", version: 2,
                                            created: "2026-01-01T00:00:00Z", fileCount: 1, byteCount: 0))
            let caseID = try w.addCase(IndexedCase(objectID: "p", diarienummer: "KS 2026/2", title: "Ärende"))
            let record = try w.addRecord(IndexedRecord(caseID: caseID, recordID: "KS 2026/2:1", title: "Skrivelse"))
            #expect(try !w.linkFile(objectID: "p", logicalPath: "a.txt", recordID: record, originalName: "a"))
            try w.removePackage(objectID: "p")
            try w.addPackage(IndexedPackage(objectID: "p", organisationID: "o", agreementID: "T", version: 3,
                                            created: "2026-01-01T00:00:00Z", fileCount: 1, byteCount: 0))
            _ = try w.addFile(IndexedFile(objectID: "p", logicalPath: "a.txt", size: 1, sha256: String(repeating: "c", count: 64),
                                          mime: "text/plain", puid: nil))
        }
        #expect(try index.canonicalDump().contains("file\to\tp\ta.txt\t∅\t∅\t∅\t"))
    }
    /// A link serves its file once: after the package is removed in the same transaction, the
    /// next version's file at the same path, linked to nothing, is loose.
    @Test func usedLinksGoWithTheirPackageInOneTransaction() throws {
        let (index, dir) = try makeIndex("used-links-removed")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try index.write { w in
            try w.upsertOrganisation(id: "o", name: "Org")
            for version in 1...2 {
                if version > 1 { try w.removePackage(objectID: "p") }
                try w.addPackage(IndexedPackage(objectID: "p", organisationID: "o", agreementID: "T", version: version,
                                                created: "2026-01-01T00:00:00Z", fileCount: 3, byteCount: 0))
                let caseID = try w.addCase(IndexedCase(objectID: "p", diarienummer: "KS 2026/\(version)", title: "Ärende"))
                let record = try w.addRecord(IndexedRecord(caseID: caseID, recordID: "KS 2026/\(version):1", title: "Skrivelse"))
                // Version 1 links its three files; version 2 has a fourth and links all but the third.
                for n in version == 1 ? [1, 2, 3] : [1, 2, 4] {
                    #expect(try !w.linkFile(objectID: "p", logicalPath: "\(n).txt", recordID: record, originalName: "o\(version)-\(n)"))
                }
                for n in 1...(version == 1 ? 3 : 4) {
                    _ = try w.addFile(IndexedFile(objectID: "p", logicalPath: "\(n).txt", size: 1,
                                                  sha256: String(repeating: "d", count: 64), mime: "text/plain", puid: nil))
                }
            }
        }
        let dump = try index.canonicalDump()
        for n in [1, 2, 4] { #expect(dump.contains("file\to\tp\t\(n).txt\tKS 2026/2\tKS 2026/2:1\to2-\(n)\t"), "\(n)") }
        #expect(dump.contains("file\to\tp\t3.txt\t∅\t∅\t∅\t"))
    }
}
