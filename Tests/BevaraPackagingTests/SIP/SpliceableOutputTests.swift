import BevaraArchiveIO
@testable import BevaraPackaging
import BevaraXML
import Foundation
import Testing

/// A splicing output leaves inserted spools where they are and says where they go; streamed
/// from its ranges, the document is byte for byte the one a copying output writes.
@Suite struct SpliceableOutputTests {
    @Test func splicedDocumentStreamsAsTheCopiedOne() throws {
        let folder = NSTemporaryDirectory() + "bevara-splice-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try Spool(path: folder + "/first", depth: 2)
        for n in 1 ... 3 { try first.writer.element("file", [("ID", "f\(n)")], text: "Å \(n) & <ö>") }
        try first.close()
        let empty = try Spool(path: folder + "/empty", depth: 2)
        try empty.close()
        let second = try Spool(path: folder + "/second", depth: 2)
        for n in 1 ... 2000 { try second.writer.element("object", [("ID", "o\(n)")]) }
        try second.close()

        func write(_ path: String, splicing: Bool) throws -> SplicedDocument {
            let out = try SpliceableOutput(path: path, splicing: splicing)
            let w = XMLWriter(output: out)
            try w.declaration()
            try w.open("doc")
            try w.open("a")
            try w.insertFragment(at: folder + "/first")
            try w.close("a")
            try w.open("b")
            try w.insertFragment(at: folder + "/empty")
            try w.close("b")
            try w.open("c")
            try w.insertFragment(at: folder + "/second")
            try w.insertFragment(at: folder + "/first")
            try w.close("c")
            try w.finish()
            try out.close()
            return SplicedDocument(path: out.path, insertions: out.insertions)
        }
        let copied = try write(folder + "/copied.xml", splicing: false)
        let spliced = try write(folder + "/spliced.xml", splicing: true)
        #expect(copied.insertions.isEmpty)
        #expect(spliced.insertions.map(\.path) == [folder + "/first", folder + "/second", folder + "/first"])

        let whole = try Data(contentsOf: URL(fileURLWithPath: copied.path))
        let ranges = spliced.ranges(ownSize: try FileDigest.regularFileSize(spliced.path))
        #expect(ranges.allSatisfy { $0.length > 0 })
        var streamed = Data()
        let result = try FileDigest.stream(ranges: ranges) { streamed.append(contentsOf: $0) }
        #expect(streamed == whole)
        #expect(result.sha256 == FileDigest.sha256(of: whole))
        #expect(String(decoding: whole, as: UTF8.self).contains("<b/>"))
    }

    @Test func rangesOfADocumentWithoutInsertionsAreItsFile() {
        #expect(SplicedDocument(path: "/x").ranges(ownSize: 10) == [FileRange(path: "/x", offset: 0, length: 10)])
        let doc = SplicedDocument(path: "/x", insertions: [.init(offset: 0, path: "/s", size: 5), .init(offset: 10, path: "/t", size: 0)])
        #expect(doc.ranges(ownSize: 10) == [FileRange(path: "/s", offset: 0, length: 5), FileRange(path: "/x", offset: 0, length: 10)])
    }
}
