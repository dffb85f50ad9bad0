import BevaraArchiveIO
import BevaraIngest
import Foundation
import Testing

/// A small file of a `.tar` SIP is checked against its METS by the SHA-256 the extraction lanes
/// took while writing it: bytes that differ from the declared checksum, at the declared size (so
/// the size check in validation passes), are still refused, naming the file, and nothing is
/// stored or left in staging.
@Suite struct LaneDigestIngestTests {
    @Test func aSmallFileWhoseBytesDifferFromTheMETSIsRefused() throws {
        let work = try IntakeFixtures.temporaryFolder("lane-digest-ingest")
        defer { try? FileManager.default.removeItem(atPath: work) }
        try OwnPackagerTests.runBevara(["fixture", "--shape", "generic-csv", "--cases", "3", "--seed", "7", work + "/export"])
        try OwnPackagerTests.runBevara(["package", "--agreement", "EAV-VBG-KS-CSV", "--out", work + "/pkg", work + "/export"])
        // One content file changed after packaging, keeping its size: its last byte flipped.
        let changed = try #require(IntakeFixtures.listing(work + "/pkg").first {
            $0.contains("/data/") && $0.hasSuffix(".txt")
        })
        let path = work + "/pkg/" + changed
        var bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(!bytes.isEmpty && bytes.count <= 256 << 10, "a file the lanes write: \(bytes.count) bytes")
        bytes[bytes.count - 1] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: path))
        try IntakeFixtures.pack(work + "/pkg", as: "pkg", into: work + "/pkg.tar", format: .tar)

        let archive = try Archive.create(at: work + "/archive", agreementsFrom: IntakeFixtures.repositoryRoot + "/profiles/agreements")
        let outcomes = try Ingestor(archive: archive, user: try archive.user("arkivarie-vanersborg"))
            .ingest([work + "/pkg.tar"], agreementID: nil)
        #expect(outcomes.map(\.status) == [.rejected], "\(outcomes)")
        let findings = outcomes.first?.findings ?? []
        #expect(findings.contains { $0.contains(changed) && $0.contains("the METS says SHA-256") }, "\(findings)")
        // Only the locks and the builders' (empty) work folder, as after an accepted package.
        let staged = try FileManager.default.contentsOfDirectory(atPath: archive.layout.staging)
        #expect(Set(staged).isSubset(of: [".bevara-storage.lock", "archive.lock", "ocfl-work"]), "\(staged)")
        #expect(IntakeFixtures.listing(archive.layout.staging + "/ocfl-work").isEmpty)
        #expect(IntakeFixtures.listing(archive.layout.storage).allSatisfy { !$0.contains("uuid-") })
    }
}
