import BevaraArchiveIO
@testable import BevaraIngest
import Foundation
import Testing

/// The extraction lanes identify small files ahead of storing: what storing looks up must be the
/// identification storing would make itself (same head, same name), recorded by path only, and
/// every file the lanes did not record (or not findably) must fall back, never get another
/// file's result.
@Suite struct ExtractedFormatsTests {
    /// A generated export (pdf, docx, jpg, xml, txt, png and the CSV metadata) plus the edge
    /// cases, packed as `pkg/…`; returns the archive and the paths expected to fall back.
    static func package(in work: String) throws -> (archive: String, fallBack: Set<String>) {
        try OwnPackagerTests.runBevara(["fixture", "--shape", "generic-csv", "--cases", "6", "--seed", "11", work + "/export"])
        let export = work + "/export"
        var isDirectory: ObjCBool = false
        let archive = try TestArchive(path: work + "/package.tar", format: .tar)
        try archive.file("pkg/METS.xml", "<?xml version=\"1.0\"?>\n<mets xmlns=\"http://www.loc.gov/METS/\"/>\n")
        for relative in IntakeFixtures.listing(export) {
            _ = FileManager.default.fileExists(atPath: export + "/" + relative, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            try archive.bytes("pkg/" + relative, [UInt8](FileManager.default.contents(atPath: export + "/" + relative)!))
        }
        // Empty files.
        try archive.bytes("pkg/data/empty.txt", [])
        try archive.bytes("pkg/tom", [])
        // The same text as .csv and as .txt: the name decides (text/csv against text/plain).
        let rows = Array("id;namn\n1;Ada\n2;Bo\n".utf8)
        try archive.bytes("pkg/data/rows.csv", rows)
        try archive.bytes("pkg/data/rows.txt", rows)
        // A PDF whose PDF/A claim (XMP) lies beyond the 64 KiB head: storing sees the head only
        // (plain PDF 1.4), and so must the lane.
        try archive.bytes("pkg/data/long.pdf", Self.longPDF)
        // Over the lanes' limit: streamed by the extractor, not recorded.
        let large = [UInt8]("%PDF-1.5\n".utf8) + Array(repeating: 0x20, count: (256 << 10) + 10)
        try archive.bytes("pkg/data/large.pdf", large)
        // Names beyond ASCII.
        try archive.bytes("pkg/data/låda.csv", rows)
        try archive.bytes("pkg/data/Översikt.txt", rows)
        try archive.close()
        return (work + "/package.tar", ["data/large.pdf"])
    }

    static let longPDF = [UInt8]("%PDF-1.4\n".utf8) + Array(repeating: 0x20, count: 70_000)
        + Array("<pdfaid:part>1</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>\n".utf8)

    @Test func lanesRecordWhatStoringWouldIdentify() throws {
        let work = try IntakeFixtures.temporaryFolder("lane-formats")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (archive, fallBack) = try Self.package(in: work)
        let staging = work + "/staging"
        let received = try PackageIntake.open(archive, stagingDirectory: staging, identifyFormats: true)
        let formats = try #require(received.identifiedFormats)
        #expect(formats.root == received.root)
        let lookup = try #require(try formats.lookup(forRoot: received.root))
        let identifier = try FormatIdentifier()

        var recorded = 0
        var fellBack: Set<String> = []
        var mimes: Set<String> = []
        // As the store loop walks: the tree's order, each file's head from one hashing pass.
        try PackageTree.forEachFile(under: received.root) { entry in
            let stored = try FileDigest.stream(path: received.root + "/" + entry.relativePath)
            let direct = identifier.identify(head: stored.head, name: entry.relativePath)
            mimes.insert(direct.mime)
            if let found = try lookup.recorded(of: entry.relativePath, size: stored.size) {
                #expect(found.format == direct, "\(entry.relativePath)")
                // The digest of the bytes the lane wrote is the one a read of the file gives.
                #expect(found.sha256 == stored.sha256, "\(entry.relativePath)")
                recorded += 1
            } else {
                fellBack.insert(entry.relativePath)
            }
        }
        #expect(fellBack == fallBack)
        #expect(recorded > 40)
        #expect(mimes.isSuperset(of: [
            "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "image/jpeg",
            "application/xml", "text/plain", "image/png", "text/csv", "application/x-empty",
        ]), "\(mimes.sorted())")
        // The head rule made a difference: the whole file reads as PDF/A-1b, its head as PDF 1.4.
        #expect(identifier.identify(head: Self.longPDF, name: "data/long.pdf").puid == "fmt/354")
        #expect(identifier.identify(head: Array(Self.longPDF.prefix(65_536)), name: "data/long.pdf").puid == "fmt/18")

        // Only the sorted records, the text links (`TextAhead`) and the package are in staging;
        // cleaning up removes all three.
        let staged = try FileManager.default.contentsOfDirectory(atPath: staging).sorted()
        #expect(staged.count == 3 && staged.contains { $0.hasPrefix("intake-") }
                && staged.contains { $0.hasPrefix("aip-lane-formats-") && $0.hasSuffix("-sorted") }
                && staged.contains { $0.hasPrefix("aip-lane-formats-") && $0.hasSuffix("-textlinks") }, "\(staged)")
        received.cleanUp()
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging).isEmpty)
    }

    @Test func aSizeOtherThanTheRecordedOneFallsBack() throws {
        let work = try IntakeFixtures.temporaryFolder("lane-formats-size")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let archive = try TestArchive(path: work + "/p.tar", format: .tar)
        try archive.file("pkg/METS.xml", "<mets/>")
        try archive.file("pkg/a.txt", "hej\n")
        try archive.close()
        let received = try PackageIntake.open(work + "/p.tar", stagingDirectory: work + "/staging", identifyFormats: true)
        defer { received.cleanUp() }
        let identifier = try FormatIdentifier()
        let formats = try #require(received.identifiedFormats)
        let lookup = try #require(try formats.lookup(forRoot: received.root))
        #expect(try lookup.recorded(of: "a.txt", size: 5) == nil)
        let other = try #require(try formats.lookup(forRoot: received.root))
        #expect(try other.recorded(of: "METS.xml", size: 7) == .init(
            sha256: FileDigest.sha256(of: Array("<mets/>".utf8)), format: identifier.identify(head: Array("<mets/>".utf8), name: "METS.xml")))
        #expect(try other.recorded(of: "a.txt", size: 4)?.format == identifier.identify(head: Array("hej\n".utf8), name: "a.txt"))
        #expect(try other.recorded(of: "b.txt", size: 4) == nil)
    }

    /// Asked out of byte order (as `String`'s order would ask a decomposed name), or for a path
    /// not recorded, the lookup answers nil and still answers the paths after it.
    @Test func pathsAskedOutOfOrderOrNotRecordedGetNil() throws {
        let dir = try IntakeFixtures.temporaryFolder("lane-formats-lookup")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pdf = FormatIdentifier.Identification(mime: "application/pdf", puid: "fmt/18", name: "Portable Document Format", version: "1.4")
        let text = FormatIdentifier.Identification(mime: "text/plain", puid: "x-fmt/111", name: "Plain Text File", version: nil)
        let nfd = "d/la\u{030A}da.txt", nfc = "d/l\u{E5}da.txt"
        // Byte order: the decomposed "låda" (61 CC 8A) before "lb", the composed one (C3 A5) after.
        let keys = ["a.pdf", "d/la\u{030A}da.txt", "d/lb.txt", "d/l\u{E5}da.txt", "e.pdf"]
        #expect(keys == keys.sorted(by: IdentifiedFormats.order.precedes))
        #expect(!(nfd < "d/lb.txt"))  // String's order differs
        let writer = try RecordFileWriter(path: dir + "/sorted")
        let digest = String(repeating: "0", count: 64)
        for key in keys {
            try writer.append(key, IdentifiedFormats.encode(size: 10, .init(sha256: digest, format: key.hasSuffix(".pdf") ? pdf : text)))
        }
        try writer.close()
        let formats = IdentifiedFormats(path: dir + "/sorted", root: "/r", textLinks: dir + "/links")
        #expect(try formats.lookup(forRoot: "/r/") == nil)
        let lookup = try #require(try formats.lookup(forRoot: "/r"))
        #expect(try lookup.recorded(of: "a.pdf", size: 10)?.format == pdf)
        #expect(try lookup.recorded(of: "b.pdf", size: 10)?.format == nil)
        // String's order: "lb", then the decomposed name, which the lookup has passed.
        #expect(try lookup.recorded(of: "d/lb.txt", size: 10)?.format == text)
        #expect(try lookup.recorded(of: nfd, size: 10)?.format == nil)
        // The composed name is another path: its own record, never the decomposed one's.
        #expect(try lookup.recorded(of: nfc, size: 10)?.format == text)
        #expect(try lookup.recorded(of: "e.pdf", size: 10)?.format == pdf)
        #expect(try lookup.recorded(of: "f.pdf", size: 10)?.format == nil)
    }

    @Test func aRootOtherThanTheGuessedOneUsesNoRecord() throws {
        let work = try IntakeFixtures.temporaryFolder("lane-formats-root")
        defer { try? FileManager.default.removeItem(atPath: work) }
        // The first file is in a folder, but METS.xml is at the top: the root is the top.
        let archive = try TestArchive(path: work + "/p.tar", format: .tar)
        try archive.file("metadata/a.txt", "hej\n")
        try archive.file("METS.xml", "<mets/>")
        try archive.close()
        let received = try PackageIntake.open(work + "/p.tar", stagingDirectory: work + "/staging", identifyFormats: true)
        defer { received.cleanUp() }
        #expect(received.layout == .metsAtTop)
        let formats = try #require(received.identifiedFormats)
        #expect(formats.root == received.contentDirectory + "/metadata")
        #expect(try formats.lookup(forRoot: received.root) == nil)

        // METS.xml first: the guess is the top, and right.
        let top = try TestArchive(path: work + "/q.tar", format: .tar)
        try top.file("METS.xml", "<mets/>")
        try top.file("metadata/a.txt", "hej\n")
        try top.close()
        let second = try PackageIntake.open(work + "/q.tar", stagingDirectory: work + "/staging", identifyFormats: true)
        defer { second.cleanUp() }
        let lookup = try #require(try second.identifiedFormats?.lookup(forRoot: second.root))
        let identifier = try FormatIdentifier()
        #expect(try lookup.recorded(of: "METS.xml", size: 7)?.format == identifier.identify(head: Array("<mets/>".utf8), name: "METS.xml"))
        #expect(try lookup.recorded(of: "metadata/a.txt", size: 4)?.format.puid == "x-fmt/111")
    }

    @Test func aRefusalLeavesNoRecordFileBehind() throws {
        let work = try IntakeFixtures.temporaryFolder("lane-formats-refused")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let archive = try TestArchive(path: work + "/p.tar", format: .tar)
        for i in 0..<600 {
            try archive.bytes("pkg/data/f\(i % 20)/file-\(i).txt", Array("line \(i)\n".utf8) + ExtractionLanesTests.content(i, size: 2_000))
        }
        try archive.file("pkg/../../escaped.txt", "owned")
        try archive.close()
        #expect(throws: IntakeError.self) {
            _ = try PackageIntake.open(work + "/p.tar", stagingDirectory: work + "/staging", identifyFormats: true)
        }
        Thread.sleep(forTimeInterval: 0.2)
        #expect(IntakeFixtures.listing(work + "/staging").isEmpty)
    }

    @Test func recordValuesRoundTrip() throws {
        let cases: [(Int64, FormatIdentifier.Identification)] = [
            (0, .init(mime: "application/x-empty", puid: nil, name: "Empty file", version: nil)),
            (262_144, .init(mime: "application/pdf", puid: "fmt/18", name: "Portable Document Format", version: "1.4")),
            (12, .init(mime: "a+3:b-", puid: "", name: "-+:", version: "1:x+")),
            (7, .init(mime: "text/plain", puid: nil, name: nil, version: nil)),
            (5, .init(mime: "x/ö\u{0}ß", puid: "å", name: nil, version: "9")),
        ]
        let digest = FileDigest.sha256(of: Array("x".utf8))
        for (size, format) in cases {
            let recorded = IdentifiedFormats.Recorded(sha256: digest, format: format)
            let decoded = try #require(IdentifiedFormats.decode(IdentifiedFormats.encode(size: size, recorded)))
            #expect(decoded.0 == size && decoded.1 == recorded, "\(format)")
        }
        #expect(IdentifiedFormats.decode(digest + "12+3:abc") == nil)
        #expect(IdentifiedFormats.decode(digest + "12-+3:abc--") == nil)
        #expect(IdentifiedFormats.decode(digest + "12+3:abc----") == nil)
        // The digest is 64 lower-case hex digits, or the record is damaged.
        #expect(IdentifiedFormats.decode(digest + "12+3:abc---") != nil)
        #expect(IdentifiedFormats.decode(digest.uppercased() + "12+3:abc---") == nil)
        #expect(IdentifiedFormats.decode(String(digest.dropLast()) + "g12+3:abc---") == nil)
        #expect(IdentifiedFormats.decode("12+3:abc---") == nil)
    }
}
