import BevaraModel
@testable import BevaraPackaging
import Foundation
import Testing

/// The AIP METS writer walks the file list per group instead of copying it: same bytes as before.
@Suite struct AIPMETSWriterTests {
    static func description(_ paths: [String]) -> AIPDescription {
        let files = paths.enumerated().map { i, path in
            AIPFile(path: path, size: Int64(100 + i), sha256: String(repeating: String(i % 10), count: 64),
                    mime: i % 2 == 0 ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        }.sorted { $0.path < $1.path }
        return AIPDescription(
            objid: "uuid-0f7c", label: "Kommunstyrelsen & <test>",
            organisation: Organisation(id: "vanersborg", name: "Vänersborgs kommun", organisationNumber: "212000-1660",
                                       organisationNumberConfirmed: true),
            agreementID: "EAV-VBG-KS", archiveName: "E-arkiv Väst", softwareVersion: "0.9",
            created: Date(timeIntervalSince1970: 1_700_000_000), modified: Date(timeIntervalSince1970: 1_700_000_500),
            files: files)
    }

    static func bytes(_ write: (String) throws -> Void) throws -> Data {
        let path = FileManager.default.temporaryDirectory.path + "/aip-mets-\(UUID().uuidString).xml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try write(path)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    static let layouts: [[String]] = [
        // An ingested SIP: representations, metadata, schemas, documentation, submission METS, Bevara's files.
        ["representations/rep1/data/KS_2016_101/001-Beslut.pdf", "representations/rep1/data/erms.xml",
         "representations/rep1/METS.xml", "representations/rep2/data/a.pdf", "metadata/descriptive/erms.xml",
         "metadata/preservation/premis.xml", "metadata/preservation/bevara-ingest-v1.xml",
         "metadata/preservation/bevara-ingest-v2.xml", "metadata/other/bevara-aip.json", "schemas/mets1_12.xsd",
         "documentation/readme.txt", "submission/METS.xml", "odd-top-level.txt", "representations/loose.txt",
         "representations/rep10/data/b.pdf", "representations/rép3/data/ä.pdf"],
        // No PREMIS, no descriptive metadata, no representations.
        ["submission/METS.xml", "metadata/other/bevara-aip.json"],
        // Only representations.
        (0..<500).map { "representations/rep\($0 % 3)/data/\(String(format: "%05d", $0)).pdf" },
    ]

    @Test(arguments: layouts)
    func writesWhatTheCopyingWriterWrote(_ paths: [String]) throws {
        let aip = Self.description(paths)
        let streamed = try Self.bytes { try AIPMETSWriter.write(aip, to: $0) }
        let legacy = try Self.bytes { try LegacyAIPMETSWriter.write(aip, to: $0) }
        #expect(streamed == legacy)
        #expect(!streamed.isEmpty)
    }

    @Test func groupsByTopFolderAndRepresentation() {
        #expect(AIPMETSWriter.groupUse(of: "representations/rep1/data/a.pdf") == .representation("rep1"))
        #expect(AIPMETSWriter.groupUse(of: "representations/a.pdf") == .named("Other"))
        #expect(AIPMETSWriter.groupUse(of: "metadata/preservation/premis.xml") == nil)
        #expect(AIPMETSWriter.groupUse(of: "metadata/descriptive/erms.xml") == nil)
        #expect(AIPMETSWriter.groupUse(of: "metadata/other/bevara-aip.json") == .named("Other"))
        #expect(AIPMETSWriter.groupUse(of: "submission/METS.xml") == .named("Submission"))
        #expect(AIPMETSWriter.groupUse(of: "schemas/x.xsd") == .named("Schemas"))
        #expect(AIPMETSWriter.groupUse(of: "documentation/x.txt") == .named("Documentation"))
    }
}
