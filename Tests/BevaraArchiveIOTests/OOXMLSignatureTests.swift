@testable import BevaraArchiveIO
import Foundation
import Testing

/// The OOXML shortcut must give exactly libmagic's MIME type whenever it answers, answer for the
/// packages Word and Bevara's generator write, and leave everything doubtful to libmagic.
@Suite struct OOXMLSignatureTests {
    let identifier = try! FormatIdentifier()
    static let docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    /// A zip's head built by hand, as Word (deflated entries) or a streaming writer (sizes in a
    /// data descriptor) lays it out; entry data is random, as compressed data looks.
    struct RawZip {
        var bytes: [UInt8] = []
        var generator = SystemRandomNumberGenerator()

        mutating func add(_ name: String, dataSize: Int, extra: Int = 0, descriptor: Bool = false, data: [UInt8]? = nil) {
            let nameBytes = Array(name.utf8)
            let body = data ?? (0..<dataSize).map { _ in UInt8.random(in: 0...255, using: &generator) }
            func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
            func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16(v >> 16 & 0xFFFF) }
            bytes += [0x50, 0x4B, 0x03, 0x04] + le16(20) + le16(descriptor ? 8 : 0) + le16(8) + le16(0x6B53) + le16(0x5D77)
            bytes += le32(descriptor ? 0 : 0x1234_5678) + le32(descriptor ? 0 : body.count) + le32(descriptor ? 0 : body.count * 3)
            bytes += le16(nameBytes.count) + le16(extra) + nameBytes
            bytes += (0..<extra).map { _ in UInt8.random(in: 0...255, using: &generator) }
            bytes += body
            if descriptor { bytes += [0x50, 0x4B, 0x07, 0x08] + le32(0x1234_5678) + le32(body.count) + le32(body.count * 3) }
        }

        var head: [UInt8] { Array(bytes.prefix(65_536)) }
    }

    /// Bevara's generator writes DOCX through ArchiveWriter (stored entries, this order).
    func writerZip(third: String, sizes: [Int]) throws -> [UInt8] {
        let path = NSTemporaryDirectory() + "bevara-ooxml-\(UUID().uuidString).zip"
        defer { unlink(path) }
        let writer = try ArchiveWriter(path: path, format: .zip, modificationTime: Date(timeIntervalSince1970: 0))
        for (name, size) in zip(["[Content_Types].xml", "_rels/.rels", third, "docProps/core.xml"], sizes) {
            let text = Array(String(repeating: "<w:p>Beslut om bygglov för Åsa</w:p>", count: size / 36 + 1).utf8.prefix(size))
            try writer.addFile(named: name, size: Int64(text.count)) { write in try text.withUnsafeBytes { try write($0) } }
        }
        _ = try writer.close()
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(65_536))
    }

    @Test func analysedDatabaseIsTheOneLibmagicLoads() {
        // Debian bookworm's libmagic-mgc 1:5.44-3. Another database turns the shortcut off;
        // rerun scripts/magic-ooxml-candidates.py and review OOXMLSignature for it.
        #expect(MagicDatabaseCheck.loadsAnalysedDatabase)
    }

    @Test func answersForGeneratorAndWordPackagesAsLibmagicDoes() throws {
        var generator = SystemRandomNumberGenerator()
        var heads: [(String, [UInt8])] = []
        for third in ["word/document.xml", "xl/workbook.xml", "ppt/presentation.xml"] {
            for _ in 0..<10 {
                // Sizes as the generator writes them; a big second entry puts the third header
                // beyond libmagic's 6,000-byte search (then neither answers OOXML).
                let sizes = [Int.random(in: 200...3000, using: &generator), Int.random(in: 100...9000, using: &generator),
                             Int.random(in: 1...40_000, using: &generator), Int.random(in: 100...2000, using: &generator)]
                heads.append(("\(third) writer \(sizes)", try writerZip(third: third, sizes: sizes)))
            }
            for _ in 0..<40 {
                var zip = RawZip()
                let descriptor = Bool.random(using: &generator)
                let extra = [0, 0, 24, 36, 520].randomElement(using: &generator)!
                zip.add("[Content_Types].xml", dataSize: Int.random(in: 100...3000, using: &generator), extra: extra, descriptor: descriptor)
                zip.add("_rels/.rels", dataSize: Int.random(in: 100...800, using: &generator), extra: extra, descriptor: descriptor)
                zip.add(third, dataSize: Int.random(in: 100...40_000, using: &generator), extra: extra, descriptor: descriptor)
                zip.add("docProps/core.xml", dataSize: 300, descriptor: descriptor)
                heads.append(("\(third) raw extra \(extra) descriptor \(descriptor)", zip.head))
            }
        }
        var ooxml = 0, answered = 0
        for (what, head) in heads {
            let shortcut = OOXMLSignature.mime(head)
            let libmagic = identifier.libmagicType(head)
            #expect(shortcut == nil || shortcut == libmagic, "\(what)")
            if libmagic.hasPrefix("application/vnd.openxmlformats-officedocument.") { ooxml += 1 }
            if shortcut != nil { answered += 1 }
        }
        // Nearly every OOXML answer: a random byte run may hold a rule libmagic tries first.
        #expect(ooxml >= 100 && answered * 10 >= ooxml * 9, "answered \(answered) of \(ooxml) OOXML heads")
        let head = try writerZip(third: "word/document.xml", sizes: [900, 500, 6000, 400])
        #expect(OOXMLSignature.mime(head) == Self.docx)
        #expect(identifier.identify(head: head).mime == Self.docx)
        #expect(identifier.identify(head: head).puid == "fmt/412")
    }

    @Test func leavesOtherLayoutsToLibmagic() throws {
        // LibreOffice's order (the folder is in the fourth entry), another first entry, too short.
        #expect(OOXMLSignature.mime(try writerZip(third: "docProps/app.xml", sizes: [500, 300, 300, 3000])) == nil)
        var zip = RawZip()
        zip.add("_rels/.rels", dataSize: 300)
        zip.add("[Content_Types].xml", dataSize: 300)
        zip.add("word/document.xml", dataSize: 3000)
        #expect(OOXMLSignature.mime(zip.head) == nil)
        var odf = RawZip()
        odf.add("mimetype", dataSize: 0, data: Array("application/vnd.oasis.opendocument.text".utf8))
        odf.add("content.xml", dataSize: 3000)
        #expect(OOXMLSignature.mime(odf.head) == nil)
        #expect(OOXMLSignature.mime(Array(try writerZip(third: "word/document.xml", sizes: [10, 10, 10, 10]).prefix(48))) == nil)
    }

    /// Heads where a rule libmagic tries before its OOXML rule might answer: the shortcut steps aside.
    @Test func stepsAsideWhereAnEarlierRuleMightMatch() throws {
        let base = try writerZip(third: "word/document.xml", sizes: [900, 500, 12_000, 400])
        #expect(OOXMLSignature.mime(base) == Self.docx)
        func with(_ bytes: [UInt8], at offset: Int) -> [UInt8] {
            var head = base
            head.replaceSubrange(offset..<(offset + bytes.count), with: bytes)
            return head
        }
        let cases: [(String, [UInt8])] = [
            ("MBR signature at 510", with([0x55, 0xAA], at: 510)),
            ("search/481 for 55 AA from 30", with([0x55, 0xAA], at: 300)),
            ("Dryad continuation", with(Array("dryad-bibo/v1.0".utf8), at: 2000)),
            ("NAXOS regex", with(Array("P12.3456.7890.1".utf8), at: 3000)),
            ("indirect *IDENTIFICATION", with(Array("*IDENTIFICATION".utf8), at: 5000)),
            ("LevelDB magic at the end", with([0x57, 0xFB, 0x80, 0x8B, 0x24, 0x75, 0x47, 0xDB], at: base.count - 8)),
            ("Game Boy logo at 260", with([0xCE, 0xED, 0x66, 0x66, 0xCC, 0x0D, 0x00, 0x0B], at: 260)),
            ("LyNX text at 56", with(Array("USE LYNX TO DISSOLVE THIS FILE".utf8), at: 56)),
        ]
        for (what, head) in cases {
            #expect(OOXMLSignature.mime(head) == nil, "\(what)")
        }
        // A forged tar checksum: libmagic calls it a tar archive, not a document.
        var tar = base
        for i in 148..<156 { tar[i] = 0x20 }
        let sum = tar[0..<512].reduce(0) { $0 + Int($1) }
        let octal = Array(String(sum, radix: 8).utf8)
        tar.replaceSubrange(148..<(148 + octal.count), with: octal)
        tar[148 + octal.count] = 0
        #expect(OOXMLSignature.mayBeTar(tar))
        #expect(OOXMLSignature.mime(tar) == nil)
        #expect(identifier.libmagicType(tar) != Self.docx)
    }

    @Test func databaseCheckRefusesOtherRulesAndDatabases() throws {
        let dir = NSTemporaryDirectory() + "bevara-magic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let analysed = try #require(SafePath.realPath("/usr/share/misc/magic.mgc"))
        try "# local rules\n\n   # none yet\n".write(toFile: dir + "/comments", atomically: true, encoding: .utf8)
        try "# local rules\n0 string BEVARA Bevara test\n".write(toFile: dir + "/rules", atomically: true, encoding: .utf8)
        #expect(MagicDatabaseCheck.check(searchPath: dir + "/comments:/usr/share/misc/magic"))
        #expect(MagicDatabaseCheck.check(searchPath: dir + "/missing:" + analysed))
        #expect(!MagicDatabaseCheck.check(searchPath: dir + "/rules:/usr/share/misc/magic"))
        #expect(!MagicDatabaseCheck.check(searchPath: "/usr/share/misc/magic:" + analysed), "two databases")
        var changed = Array(try Data(contentsOf: URL(fileURLWithPath: analysed)))
        changed[changed.count - 1] ^= 0xFF
        try Data(changed).write(to: URL(fileURLWithPath: dir + "/other.mgc"))
        #expect(!MagicDatabaseCheck.check(searchPath: dir + "/other"))
    }
}
