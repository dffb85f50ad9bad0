import BevaraArchiveIO
@testable import BevaraIngest
import Foundation
import Testing

/// Per-file facts that ingest keeps in staging files instead of maps (declared checksums while
/// storing, formats for the index) must answer exactly what the maps answered.
@Suite struct ScratchFileTests {
    static func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.path + "/bevara-scratch-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func sip(root: [(String, String?, String?)], rep1: [(String, String?, String?)]) throws -> SIPDescription {
        func files(_ list: [(String, String?, String?)]) -> [[String: String]] {
            list.map { path, sum, type in
                var f = ["path": path]
                f["checksum"] = sum
                f["checksumType"] = type
                return f
            }
        }
        let json: [String: Any] = [
            "objid": "o", "type": "t", "altRecordIDs": [], "agents": [], "metadataRefs": [], "files": files(root),
            "representations": [["name": "rep1", "files": files(rep1), "metadataRefs": []]],
        ]
        return try JSONDecoder().decode(SIPDescription.self, from: JSONSerialization.data(withJSONObject: json))
    }

    @Test func declaredChecksumsAnswerWhatTheMapAnswered() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = String(repeating: "a", count: 64), b = String(repeating: "B", count: 64), c = String(repeating: "c", count: 64)
        let nfd = "representations/rep1/data/la\u{030A}da.pdf"  // "låda" decomposed; the tree has it composed
        var rep: [(String, String?, String?)] = (0..<2_000).reversed().map {
            (String(format: "representations/rep1/data/%05d.pdf", $0), $0 % 7 == 0 ? c : a, $0 % 11 == 0 ? "MD5" : "SHA-256")
        }
        rep += [(nfd, b, "sha-256"), ("representations/rep1/METS.xml", a, "SHA-256"), ("metadata/descriptive/erms.xml", c, "SHA-256")]
        // The root METS references the ERMS first, with another checksum: the first reference decides.
        let sip = try Self.sip(root: [("metadata/descriptive/erms.xml", b, "SHA-256"), ("representations/rep1/METS.xml", nil, nil),
                                      ("documentation/x.txt", a, nil)], rep1: rep)
        // The map storing used to build.
        let map = Dictionary(sip.allFiles.compactMap { f -> (String, String)? in
            guard f.checksumType?.uppercased() == "SHA-256", let sum = f.checksum else { return nil }
            return (f.path, sum.lowercased())
        }, uniquingKeysWith: { first, _ in first })
        let declared = try DeclaredChecksums(sip, path: dir + "/declared")
        // The package's files as storing walks them: sorted, some undeclared.
        let tree = (Array(map.keys) + ["METS.xml", "representations/rep1/data/låda.pdf", "schemas/x.xsd", "zz"]).sorted()
        var answers = 0
        for path in tree {
            #expect(try declared.sha256(of: path) == map[path], "\(path)")
            if map[path] != nil { answers += 1 }
        }
        // Every declared path answered (the composed and decomposed "låda" are one path to both).
        #expect(answers == map.count + 1)
        #expect(map["metadata/descriptive/erms.xml"] == b.lowercased() && map["representations/rep1/data/låda.pdf"] == b.lowercased())
        #expect(try declared.sha256(of: "zzz") == nil)
        declared.remove()
        #expect(!FileManager.default.fileExists(atPath: dir + "/declared"))
    }

    @Test func knownFormatsAreFoundInOrderAndMissedOtherwise() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let identifier = try FormatIdentifier()
        let pdf = identifier.identify(head: Array("%PDF-1.7\n".utf8), name: "a.pdf")
        let text = identifier.identify(head: Array("hej hopp\n".utf8), name: "b.txt")
        let recorder = try KnownFormats.Recorder(path: dir + "/formats")
        try recorder.record("a/1.pdf", pdf, size: 1_024)
        try recorder.record("a/2.txt", text, size: 0)
        try recorder.record("a/1.pdf", text, size: 9)  // not ascending: skipped
        try recorder.record("b/3.pdf", pdf, size: 5_000_000_000)
        try recorder.finish()

        let known = try KnownFormats(path: dir + "/formats")
        #expect(try known.file("a/0.txt") == nil)
        #expect(try known.file("a/1.pdf") == KnownFormats.File(format: .init(mime: "application/pdf", puid: pdf.puid), size: 1_024))
        #expect(try known.file("a/2.txt") == KnownFormats.File(format: .init(mime: text.mime, puid: text.puid), size: 0))
        #expect(try known.file("a/1.pdf") == nil)  // asked out of order: not found, identified again
        #expect(try known.file("b/3.pdf") == KnownFormats.File(format: .init(mime: "application/pdf", puid: pdf.puid), size: 5_000_000_000))
        #expect(try known.file("c") == nil)
        #expect(try KnownFormats.none.file("a/1.pdf") == nil)
    }
}
