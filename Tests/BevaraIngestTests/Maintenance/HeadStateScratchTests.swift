import BevaraArchiveIO
import BevaraIngest
import Foundation
import Testing

/// The indexer keeps the head state in a staging folder (`aip-headstate-…`): it is gone after an
/// index that failed half-way, and one a crash left behind is swept by the next reindex.
@Suite struct HeadStateScratchTests {
    private func leftovers(_ archive: Archive) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: archive.layout.staging).filter { $0.hasPrefix("aip-") }
    }

    @Test func aFailedIndexLeavesNoScratchAndReindexSweepsOld() throws {
        let work = try IntakeFixtures.temporaryFolder("headstate")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let root = IntakeFixtures.repositoryRoot
        let package = work + "/vbg.tar"
        try OwnPackagerTests.runBevara(["package", "--agreement", "EAV-VBG-KS-CSV", "--out", package, root + "/fixtures/vanersborg-ks-csv"])

        // The package's object ID, from an ingest into a first archive.
        let first = try Archive.create(at: work + "/first", agreementsFrom: root + "/profiles/agreements")
        let outcome = try #require(try Ingestor(archive: first, user: try first.user("arkivarie-vanersborg"))
            .ingest([package], agreementID: nil).first)
        let objectID = try #require(outcome.objectID)
        #expect(try leftovers(first).isEmpty)

        // In a second archive the index transaction fails after every file was read.
        let archive = try Archive.create(at: work + "/second", agreementsFrom: root + "/profiles/agreements")
        Failpoint.armInProcess("ingest.during-index", subject: objectID)
        defer { Failpoint.disarm("ingest.during-index", subject: objectID) }
        #expect(throws: IndexingIncomplete.self) {
            _ = try Ingestor(archive: archive, user: try archive.user("arkivarie-vanersborg")).ingest([package], agreementID: nil)
        }
        #expect(try leftovers(archive).isEmpty)

        // What a killed indexer leaves: swept before the rebuild, which indexes as ingest did.
        let stale = archive.layout.staging + "/aip-headstate-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: false)
        try Data("run".utf8).write(to: URL(fileURLWithPath: stale + "/state-1"))
        #expect(try Reindexer(archive: archive).run() == 1)
        #expect(try leftovers(archive).isEmpty)
        let rebuilt = try Archive(opening: work + "/second")
        let expected = try #require(try first.index.packageRecord(objectID: objectID)?.fileCount)
        #expect(try rebuilt.index.packageRecord(objectID: objectID)?.fileCount == expected)
    }
}
