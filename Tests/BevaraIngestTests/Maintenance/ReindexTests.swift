import BevaraIndex
import BevaraIngest
import Foundation
import Testing

/// The index is a cache: deleting it and running `Reindexer` rebuilds every row from the storage
/// root alone, and every query answers exactly as before.
@Suite struct ReindexTests {
    static let queries: [SearchQuery] = [
        SearchQuery(),
        SearchQuery(diarienummer: "KS 2021/"),
        SearchQuery(diarienummer: "KS 2021/123"),
        SearchQuery(text: "bygglov"),
        SearchQuery(text: "sjö*"),
        SearchQuery(party: "Ödqvist"),
        SearchQuery(party: "121212-1212"),
        SearchQuery(from: "2022-01-01", to: "2022-12-31"),
        SearchQuery(limit: 5, offset: 5),
    ]

    func answers(_ archive: Archive) throws -> [String] {
        let organisations: [Set<String>] = [["vanersborg"], ["trollhattan"], ["vanersborg", "trollhattan"]]
        return try organisations.flatMap { orgs in
            try Self.queries.map { query in
                let page = try archive.index.search(query, organisations: orgs)
                return "\(page.total): " + page.hits.map { "\($0)" }.joined(separator: " | ")
            }
        }
    }

    @Test func deletingTheIndexAndReindexingReproducesEveryAnswer() throws {
        let work = try IntakeFixtures.temporaryFolder("reindex")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let root = IntakeFixtures.repositoryRoot
        let archive = try Archive.create(at: work + "/archive", agreementsFrom: root + "/profiles/agreements")
        let vbg = work + "/vbg.tar", thn = work + "/thn.zip"
        try OwnPackagerTests.runBevara(["package", "--agreement", "EAV-VBG-KS-CSV", "--out", vbg, root + "/fixtures/vanersborg-ks-csv"])
        try OwnPackagerTests.runBevara(["package", "--agreement", "EAV-THN-KS-FGS", "--out", thn, root + "/fixtures/trollhattan-ks-fgs"])
        for (package, user) in [(vbg, "arkivarie-vanersborg"), (thn, "arkivarie-trollhattan")] {
            let outcomes = try Ingestor(archive: archive, user: try archive.user(user)).ingest([package], agreementID: nil)
            #expect(outcomes.map(\.status) == [.archived], "\(outcomes)")
        }
        // An audit adds fixity events, which live in the AIPs' logs and must survive too.
        let audit = try Auditor(archive: archive, user: try archive.user("admin")).run()
        #expect(audit.isIntact && audit.objectsChecked == 2)

        let before = try answers(archive)
        let dumpBefore = try archive.index.canonicalDump()
        #expect(before[3].hasPrefix("0:") == false, "the text query finds something: \(before[3])")

        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: archive.layout.index + suffix) }
        let reopened = try Archive(opening: work + "/archive")
        #expect(try reopened.index.search(SearchQuery(), organisations: ["vanersborg"]).total == 0)
        #expect(try Reindexer(archive: reopened).run() == 2)

        let rebuilt = try Archive(opening: work + "/archive")
        let after = try answers(rebuilt)
        let differing = zip(before, after).enumerated().filter { $0.element.0 != $0.element.1 }
            .map { "query \($0.offset):\n before \($0.element.0)\n after  \($0.element.1)" }
        // Equal ranks and same-day hits too: reindex numbers rows in ingest's order.
        #expect(after == before, "\(differing.joined(separator: "\n"))")
        #expect(try rebuilt.index.canonicalDump() == dumpBefore)
        // The rebuild leaves nothing in staging but the lock (its WAL was checkpointed, not lost).
        let staged = try FileManager.default.contentsOfDirectory(atPath: rebuilt.layout.staging)
        #expect(staged.allSatisfy { !$0.hasPrefix("index-rebuild-") }, "\(staged)")
    }
}
