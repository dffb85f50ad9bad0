import BevaraArchiveIO
import BevaraIngest
import Foundation
import Testing

/// Ingest of an archive takes the formats of its small files from the extraction lanes; a folder
/// SIP (used in place) is identified in the store loop as before. The same package both ways must
/// store and index the same formats.
@Suite struct LaneFormatsIngestTests {
    /// The AIP's root METS and PREMIS, with what differs between two ingests (clock, generated
    /// ids, the submitted package's name) blanked.
    static func stored(_ archive: Archive, objectID: String, packageName: String) throws -> [String] {
        let inventory = try archive.storage.inventory(of: objectID)
        return try ["METS.xml", "metadata/preservation/bevara-ingest-v1.xml"].map { path in
            var text = try archive.storage.withVerifiedFile(in: inventory, objectID: objectID, logicalPath: path) {
                try String(contentsOfFile: $0, encoding: .utf8)
            }
            text = text.replacingOccurrences(of: packageName, with: "PACKAGE")
            for pattern in [#"\d{4}-\d\d-\d\dT[0-9:.]+(Z|[+-]\d\d:\d\d)?"#, #"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"#] {
                text = text.replacingOccurrences(of: pattern, with: "X", options: .regularExpression)
            }
            return text
        }
    }

    @Test func aTarAndAFolderOfOnePackageStoreTheSameFormats() throws {
        let work = try IntakeFixtures.temporaryFolder("lane-formats-ingest")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let root = IntakeFixtures.repositoryRoot
        try OwnPackagerTests.runBevara(["fixture", "--shape", "generic-csv", "--cases", "8", "--seed", "5", work + "/export"])
        try OwnPackagerTests.runBevara(["package", "--agreement", "EAV-VBG-KS-CSV", "--out", work + "/sip", work + "/export"])
        try IntakeFixtures.pack(work + "/sip", as: "sip", into: work + "/sip.tar", format: .tar)

        var results: [(dump: [String], stored: [String])] = []
        for (name, package) in [("folder", work + "/sip"), ("tar", work + "/sip.tar")] {
            let archive = try Archive.create(at: work + "/archive-" + name, agreementsFrom: root + "/profiles/agreements")
            let outcomes = try Ingestor(archive: archive, user: try archive.user("arkivarie-vanersborg"))
                .ingest([package], agreementID: nil)
            #expect(outcomes.map(\.status) == [.archived], "\(outcomes)")
            let objectID = try #require(outcomes.first?.objectID)
            // Index rows of files (mime, puid …) and the format identification event, without its date.
            let dump = try archive.index.canonicalDump().split(separator: "\n").compactMap { line -> String? in
                if line.hasPrefix("file\t") { return String(line) }
                var columns = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard columns.first == "event", columns.count > 6, columns[4] == "format identification" else { return nil }
                columns[5] = "DATE"
                return columns.joined(separator: "\t")
            }
            results.append((dump, try Self.stored(archive, objectID: objectID, packageName: (package as NSString).lastPathComponent)))
            // Nothing of the lanes' records is left in staging.
            let staged = try FileManager.default.contentsOfDirectory(atPath: archive.layout.staging)
            #expect(!staged.contains { $0.hasPrefix("aip-") || $0.hasPrefix("intake-") }, "\(staged)")
        }
        let files = results[0].dump.filter { $0.hasPrefix("file\t") }
        #expect(files.count > 40)
        #expect(results[0].dump.count == files.count + 1)
        for mime in ["application/pdf", "image/jpeg", "image/png", "application/xml", "text/plain", "text/csv",
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"] {
            #expect(files.contains { $0.contains("\t" + mime + "\t") }, "\(mime)")
        }
        #expect(results[1].dump == results[0].dump)
        #expect(results[1].stored == results[0].stored)
    }
}
