import BevaraArchiveIO
import BevaraFixtures
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Checks an export on disk against itself: every referenced file exists with the declared
/// checksum and size, the manifest covers exactly the files, and every file is identified by
/// content as the format its extension names. Returns what it counted.
enum ExportCheck {
    struct Counts: Equatable {
        var cases = 0, records = 0, parties = 0, files = 0
        var fileBytes: Int64 = 0
        var metadataBytes: Int64 = 0
    }

    static func kind(forExtension ext: String) -> FixtureFileKind? {
        FixtureFileKind.allCases.first { $0.fileExtension == ext.lowercased() }
    }

    /// Identifies `path` and expects the format its extension names.
    static func expectIdentified(_ path: String, _ identifier: FormatIdentifier) throws {
        let head = try FileDigest.stream(path: path).head
        let ext = (path as NSString).pathExtension
        let expected = kind(forExtension: ext)
        #expect(expected != nil, "unexpected extension: \(path)")
        #expect(identifier.identify(head: head, name: path).mime == expected?.mimeType, "\(path)")
    }

    static func checkCSV(_ root: String, identify: Bool = true) throws -> Counts {
        let identifier = try FormatIdentifier()
        var counts = Counts()
        let filesRoot = root + "/filer"
        let fileTable = try TestSupport.csvTable(root + "/filer.csv")
        let manifest = try TestSupport.manifest(root + "/SHA256SUMS")
        let onDisk = try TestSupport.files(under: filesRoot)
        #expect(Set(manifest.keys) == Set(onDisk), "SHA256SUMS lists exactly the files under filer/")
        #expect(Set(fileTable.rows.compactMap { $0["Sokvag"] }) == Set(onDisk), "filer.csv references every file")
        for row in fileTable.rows {
            let relative = row["Sokvag"] ?? ""
            let path = filesRoot + "/" + relative
            #expect(FileManager.default.fileExists(atPath: path), "missing \(relative)")
            let digest = try FileDigest.stream(path: path)
            #expect(digest.sha256 == row["SHA256"], "SHA256 column of \(relative)")
            #expect(digest.sha256 == manifest[relative], "SHA256SUMS entry of \(relative)")
            if identify { try expectIdentified(path, identifier) }
            counts.files += 1
            counts.fileBytes += digest.size
        }
        counts.cases = try TestSupport.csvRows(root + "/arenden.csv").count - 1
        counts.records = try TestSupport.csvRows(root + "/handlingar.csv").count - 1
        counts.parties = try TestSupport.csvRows(root + "/parter.csv").count - 1
        for name in ["arenden.csv", "handlingar.csv", "parter.csv", "filer.csv", "SHA256SUMS"] {
            counts.metadataBytes += try TestSupport.size(root + "/" + name)
        }
        return counts
    }

    static func checkFGS(_ root: String, identify: Bool = true) throws -> Counts {
        let identifier = try FormatIdentifier()
        var counts = Counts()
        let document = root + "/arendehantering.xml"
        let bilagor = try TestSupport.xmlElements(document, named: "Bilaga")
        var referenced: [String] = []
        for bilaga in bilagor {
            guard let lank = TestSupport.attribute(bilaga, "Lank"), !lank.isEmpty else {
                Issue.record("a Bilaga has no Lank: \(bilaga.xmlString)")
                continue
            }
            referenced.append(lank)
            let path = root + "/" + lank
            #expect(FileManager.default.fileExists(atPath: path), "missing \(lank)")
            let digest = try FileDigest.stream(path: path)
            #expect(TestSupport.attribute(bilaga, "ChecksummaMetod") == "SHA-256")
            #expect(TestSupport.attribute(bilaga, "Checksumma") == digest.sha256, "Checksumma of \(lank)")
            #expect(TestSupport.attribute(bilaga, "Storlek") == String(digest.size), "Storlek of \(lank)")
            #expect(TestSupport.attribute(bilaga, "Namn")?.isEmpty == false)
            if identify {
                try expectIdentified(path, identifier)
                #expect(TestSupport.attribute(bilaga, "Mimetyp")
                        == identifier.identify(head: digest.head, name: path).mime)
            }
            counts.files += 1
            counts.fileBytes += digest.size
        }
        let onDisk = try TestSupport.files(under: root).filter { $0 != "arendehantering.xml" }
        #expect(Set(referenced) == Set(onDisk), "Bilaga/@Lank references exactly the files on disk")
        #expect(referenced.count == Set(referenced).count, "no file referenced twice")
        #expect(onDisk.allSatisfy { $0.hasPrefix("content/") })
        counts.cases = try TestSupport.xmlElements(document, named: "ArkivobjektArende").count
        counts.records = try TestSupport.xmlElements(document, named: "ArkivobjektHandling").count
        counts.parties = try ["Motpart", "Avsandare", "Mottagare"].reduce(0) {
            $0 + (try TestSupport.xmlElements(document, named: $1).count)
        }
        counts.metadataBytes = try TestSupport.size(document)
        return counts
    }

    static func check(_ root: String, shape: FixtureSpec.Shape, identify: Bool = true) throws -> Counts {
        shape == .genericCSV ? try checkCSV(root, identify: identify) : try checkFGS(root, identify: identify)
    }

    static func counts(of summary: FixtureSummary) -> Counts {
        Counts(cases: summary.cases, records: summary.records, parties: summary.parties, files: summary.files,
               fileBytes: summary.fileBytes, metadataBytes: summary.metadataBytes)
    }
}
