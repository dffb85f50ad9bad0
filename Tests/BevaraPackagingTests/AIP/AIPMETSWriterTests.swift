import BevaraArchiveIO
import BevaraModel
@testable import BevaraPackaging
import Foundation
import Testing

/// The AIP METS writer walks the file list per group instead of copying it: same bytes as before.
/// The digests are of what the earlier, copying writer (at 84a8bdd) wrote for the same input.
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

    /// The SHA-256 of what `write` writes.
    static func digest(_ write: (String) throws -> Void) throws -> String {
        let path = FileManager.default.temporaryDirectory.path + "/aip-mets-\(UUID().uuidString).xml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try write(path)
        return try FileDigest.sha256(path: path)
    }

    static let layouts: [(paths: [String], copyingWriterSHA256: String)] = [
        // An ingested SIP: representations, metadata, schemas, documentation, submission METS, Bevara's files.
        (["representations/rep1/data/KS_2016_101/001-Beslut.pdf", "representations/rep1/data/erms.xml",
         "representations/rep1/METS.xml", "representations/rep2/data/a.pdf", "metadata/descriptive/erms.xml",
         "metadata/preservation/premis.xml", "metadata/preservation/bevara-ingest-v1.xml",
         "metadata/preservation/bevara-ingest-v2.xml", "metadata/other/bevara-aip.json", "schemas/mets1_12.xsd",
         "documentation/readme.txt", "submission/METS.xml", "odd-top-level.txt", "representations/loose.txt",
         "representations/rep10/data/b.pdf", "representations/rép3/data/ä.pdf"],
         "82d2135d4de28b458e347e18fc72f678678bcbbd0f9c297ee3a42fad23e903b3"),
        // No PREMIS, no descriptive metadata, no representations.
        (["submission/METS.xml", "metadata/other/bevara-aip.json"],
         "af21fc870ab30ae5e15cb00a2932ed54314966ef02d2614e33218848d51f4394"),
        // Only representations.
        ((0..<500).map { "representations/rep\($0 % 3)/data/\(String(format: "%05d", $0)).pdf" },
         "4c45d8a26073a906da35c01cab03487f992e4a9c3c446689568dea2f9b7dc0f3"),
    ]

    @Test(arguments: layouts.indices)
    func writesWhatTheCopyingWriterWrote(_ index: Int) throws {
        let (paths, expected) = Self.layouts[index]
        let aip = Self.description(paths)
        #expect(try Self.digest { try AIPMETSWriter.write(aip, to: $0) } == expected)
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

    /// The METS's elements in document order: each file's ID and href by group, the digiprov IDs.
    static func outline(_ text: String) -> [String] {
        let pattern = #"USE="([^"]+)"|<file ID="([^"]+)"|ID="(digiprov-\d+)"|xlink:href="([^"]+)""#
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1...4).compactMap { Range(match.range(at: $0), in: text).map { String(text[$0]) } }.joined()
        }
    }

    /// A section whose files do not come in one run (a list out of path order) is still one
    /// section: its fragment is appended to when it comes back, and the files are numbered in
    /// METS order.
    @Test func aSectionThatComesBackIsWrittenAsOne() throws {
        let paths = ["representations/rep1/data/a.pdf", "documentation/x.txt", "metadata/preservation/p1.xml",
                     "representations/rep1/data/b.pdf", "documentation/y.txt", "metadata/preservation/p2.xml"]
        var aip = Self.description([])
        aip.files = paths.map { AIPFile(path: $0, size: 1, sha256: String(repeating: "a", count: 64), mime: "text/plain") }
        let path = FileManager.default.temporaryDirectory.path + "/aip-mets-\(UUID().uuidString).xml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try AIPMETSWriter.write(aip, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(Self.outline(text) == [
            "digiprov-1", "metadata/preservation/p1.xml", "digiprov-2", "metadata/preservation/p2.xml",
            "Documentation", "file-1", "documentation/x.txt", "file-2", "documentation/y.txt",
            "Representations/rep1", "file-3", "representations/rep1/data/a.pdf", "file-4", "representations/rep1/data/b.pdf",
        ])
    }

    /// Fragments are removed when the METS is written and when writing fails; a failure leaves
    /// no METS either.
    @Test func leavesNoFragmentsBehind() throws {
        struct Failing: AIPFileSource {
            let files: [AIPFile]
            let walks = Counter()
            final class Counter: @unchecked Sendable { var value = 0 }
            func forEachFile(_ body: (AIPFile) throws -> Void) throws {
                walks.value += 1
                for (i, f) in files.enumerated() {
                    if walks.value == 2 && i == files.count / 2 { throw IOError(path: "list", operation: "read", reason: "test") }
                    try body(f)
                }
            }
        }
        let folder = FileManager.default.temporaryDirectory.path + "/aip-mets-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var aip = Self.description(Self.layouts[0].paths)
        try AIPMETSWriter.write(aip, to: folder + "/METS.xml")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["METS.xml"])
        try FileManager.default.removeItem(atPath: folder + "/METS.xml")

        aip.files = Failing(files: Self.description(Self.layouts[0].paths).files as! [AIPFile])
        #expect(throws: IOError.self) { try AIPMETSWriter.write(aip, to: folder + "/METS.xml") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
    }
}
