import BevaraArchiveIO
import BevaraIngest
import Foundation
import Testing

/// Ingest of an archive takes the formats of its small files from the extraction lanes; a folder
/// SIP (used in place) is identified in the store loop as before. The same package both ways must
/// store and index the same formats.
@Suite struct LaneFormatsIngestTests {
    /// Files whose content holds the ingest's date or the submitted package's name.
    static let dated = ["METS.xml", "metadata/other/bevara-aip.json", "metadata/preservation/bevara-ingest-v1.xml"]

    /// The AIP's root METS and PREMIS, with what differs between two ingests (clock, generated
    /// ids, the submitted package's name, so the size and checksum of the dated files) blanked.
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
            // A dated file's size and checksum: on its own line or the one before its href.
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for i in lines.indices where dated.dropFirst().contains(where: { lines[i].contains($0) }) {
                for j in [i - 1, i] where j >= 0 {
                    for pattern in [#"SIZE="\d+""#, #"CHECKSUM="[0-9a-f]{64}""#] {
                        lines[j] = lines[j].replacingOccurrences(of: pattern, with: "X", options: .regularExpression)
                    }
                }
            }
            return lines.joined(separator: "\n")
        }
    }

    @Test func aTarAndAFolderOfOnePackageStoreTheSameFormats() throws {
        let work = try IntakeFixtures.temporaryFolder("lane-formats-ingest")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let root = IntakeFixtures.repositoryRoot
        try OwnPackagerTests.runBevara(["fixture", "--shape", "generic-csv", "--cases", "8", "--seed", "5", work + "/export"])
        try OwnPackagerTests.runBevara(["package", "--agreement", "EAV-VBG-KS-CSV", "--out", work + "/lanepkg", work + "/export"])
        try IntakeFixtures.pack(work + "/lanepkg", as: "lanepkg", into: work + "/lanepkg.tar", format: .tar)

        var results: [(dump: [String], stored: [String])] = []
        for (name, package) in [("folder", work + "/lanepkg"), ("tar", work + "/lanepkg.tar")] {
            let archive = try Archive.create(at: work + "/archive-" + name, agreementsFrom: root + "/profiles/agreements")
            let outcomes = try Ingestor(archive: archive, user: try archive.user("arkivarie-vanersborg"))
                .ingest([package], agreementID: nil)
            #expect(outcomes.map(\.status) == [.archived], "\(outcomes)")
            let objectID = try #require(outcomes.first?.objectID)
            // Index rows of files (mime, puid …) and the format identification event, without its date.
            let dump = try archive.index.canonicalDump().split(separator: "\n").compactMap { line -> String? in
                var columns = line.split(separator: "\t", omittingEmptySubsequences: false)
                if columns.first == "file" {
                    if columns.count > 8, Self.dated.contains(String(columns[3])) { columns[7] = "SIZE"; columns[8] = "SHA" }
                    return columns.joined(separator: "\t")
                }
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
        for mime in ["application/pdf", "image/jpeg", "image/png", "application/xml", "text/plain",
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"] {
            #expect(files.contains { $0.contains("\t" + mime + "\t") }, "\(mime)")
        }
        #expect(results[1].dump == results[0].dump,
                "\(results[1].dump.filter { !results[0].dump.contains($0) }) against \(results[0].dump.filter { !results[1].dump.contains($0) })")
        for (tar, folder) in zip(results[1].stored, results[0].stored) {
            let tarLines = tar.split(separator: "\n"), folderLines = folder.split(separator: "\n")
            #expect(tar == folder, "\(tarLines.filter { !folderLines.contains($0) }) against \(folderLines.filter { !tarLines.contains($0) })")
        }
    }
}
