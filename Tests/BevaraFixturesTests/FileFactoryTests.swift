import BevaraArchiveIO
import Foundation
import Testing
@testable import BevaraFixtures

@Suite struct FileFactoryTests {
    let document = FixtureDocument(
        heading: "Vänersborgs kommun – Kommunstyrelsen", title: "Ansökan om bygglov – Åsa Ödqvist",
        paragraphs: ["Sökanden har inkommit med kompletterande handlingar (§ 12).", "Beslutet kan överklagas."],
        date: "2021-05-12")

    /// The PRONOM id FormatIdentifier gives for each kind (it has none for PNG).
    static let expectedPUID: [FixtureFileKind: String?] = [
        .pdf: "fmt/18", .jpeg: "fmt/43", .docx: "fmt/412", .xml: "fmt/101", .txt: "x-fmt/111", .png: nil,
    ]

    @Test(arguments: FixtureFileKind.allCases)
    func everyFormatIsIdentifiedByContentAtEverySize(kind: FixtureFileKind) throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let identifier = try FormatIdentifier()
        for size: Int64? in [nil, kind.minimumPlannedSize, 5_000, 70_001, 1_500_000] {
            let path = "\(dir)/file.\(kind.fileExtension)"
            let written = try FileFactory().write(kind, document: document, seed: 11, size: size, to: path)
            #expect(try TestSupport.size(path) == written)
            if let size { #expect(written == size, "\(kind) asked for \(size) got \(written)") }
            let result = try FileDigest.stream(path: path)
            let id = identifier.identify(head: result.head, name: path)
            #expect(id.mime == kind.mimeType, "\(kind) size \(String(describing: size)) identified as \(id.mime)")
            #expect(id.puid == Self.expectedPUID[kind]!)
        }
    }

    @Test(arguments: FixtureFileKind.allCases)
    func sameSeedSameBytesOtherSeedOtherBytes(kind: FixtureFileKind) throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let f = FileFactory()
        try f.write(kind, document: document, seed: 1, size: 40_000, to: "\(dir)/a")
        try f.write(kind, document: document, seed: 1, size: 40_000, to: "\(dir)/b")
        try f.write(kind, document: document, seed: 2, size: 40_000, to: "\(dir)/c")
        let a = try FileDigest.sha256(path: "\(dir)/a")
        #expect(a == (try FileDigest.sha256(path: "\(dir)/b")))
        #expect(a != (try FileDigest.sha256(path: "\(dir)/c")))
    }

    /// Every document the generator makes fits under its format's planned-size floor, so a planned
    /// size is always hit exactly.
    @Test func generatedDocumentsFitUnderTheFloors() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let synthesizer = CaseSynthesizer(spec: FixtureSpec(shape: .genericCSV, cases: 60, recordsPerCase: 6,
                                                            filesPerRecord: 1.5, seed: 21))
        var checked = 0
        for i in 0..<60 {
            for record in synthesizer.makeCase(index: i, number: i + 1, scale: 1).records {
                for file in record.files {
                    let natural = try FileFactory().write(file.kind, document: file.document, seed: file.seed,
                                                          to: "\(dir)/n.\(file.kind.fileExtension)")
                    #expect(natural <= file.kind.minimumPlannedSize, "\(file.kind) natural \(natural)")
                    checked += 1
                }
            }
        }
        #expect(checked > 200)
    }

    @Test func pdfCarriesTheTextInItsContentStreamAndAConsistentXref() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        for size: Int64? in [nil, 3_000, 200_000] {
            let path = "\(dir)/a.pdf"
            try FileFactory().write(.pdf, document: document, seed: 3, size: size, to: path)
            let bytes = try TestSupport.bytes(path)
            let text = String(decoding: bytes.map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
            #expect(text.hasPrefix("%PDF-1.4\n"))
            #expect(text.hasSuffix("%%EOF\n"))
            // WinAnsi: ö = \366, – = \226, Å = \305, Ö = \326.
            #expect(text.contains("(Ans\\366kan om bygglov \\226 \\305sa \\326dqvist) Tj"))
            // startxref points at "xref", and each table entry points at "<n> 0 obj".
            let startxref = text.range(of: "startxref\n", options: .backwards)!
            let offset = Int(text[startxref.upperBound...].prefix { $0.isNumber })!
            #expect(Array(bytes[offset..<(offset + 4)]) == Array("xref".utf8))
            let table = text[text.index(text.startIndex, offsetBy: offset)...]
            let entries = table.split(separator: "\n").dropFirst(3).prefix { $0.hasSuffix(" n ") }
            #expect(entries.count >= 6)
            for (i, entry) in entries.enumerated() {
                let at = Int(entry.prefix(10))!
                #expect(Array(bytes[at..<(at + "\(i + 1) 0 obj".utf8.count)]) == Array("\(i + 1) 0 obj".utf8))
            }
        }
    }

    @Test func docxIsAStoredZipWithContentTypesFirstAndTheTextInside() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let path = "\(dir)/a.docx"
        try FileFactory().write(.docx, document: document, seed: 3, size: 9_000, to: path)
        let bytes = try TestSupport.bytes(path)
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        #expect(String(decoding: bytes[30..<(30 + nameLength)], as: UTF8.self) == "[Content_Types].xml")
        // MS-DOS date/time of 1980-01-01 00:00 whatever the time zone.
        #expect(Array(bytes[10..<14]) == [0x00, 0x00, 0x21, 0x00])
        let text = String(decoding: bytes, as: UTF8.self)
        var last = text.startIndex
        for entry in ["_rels/.rels", "word/document.xml", "docProps/core.xml"] {
            let found = text.range(of: entry, range: last..<text.endIndex)
            #expect(found != nil, "\(entry) after the previous entry")
            if let found { last = found.upperBound }
        }
        #expect(text.contains("<w:t xml:space=\"preserve\">Ansökan om bygglov – Åsa Ödqvist</w:t>"))
        #expect(text.contains("<dc:title>Ansökan om bygglov – Åsa Ödqvist</dc:title>"))
    }

    @Test func pngChunksCarryRightCRCsAndTheZlibStreamItsAdler() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        for size: Int64 in [1_100, 300_000, 2_500_000] {
            let path = "\(dir)/a.png"
            try FileFactory().write(.png, document: document, seed: 4, size: size, to: path)
            let b = try TestSupport.bytes(path)
            #expect(Array(b[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            var at = 8
            var types: [String] = []
            var zlib: [UInt8] = []
            func be32(_ i: Int) -> UInt32 { UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3]) }
            var width = 0, height = 0
            while at < b.count {
                let length = Int(be32(at))
                let type = String(decoding: b[(at + 4)..<(at + 8)], as: UTF8.self)
                let crc = b[(at + 4)..<(at + 8 + length)].withUnsafeBytes { ~PNGChecksums.crcUpdate(0xFFFF_FFFF, $0) }
                #expect(crc == be32(at + 8 + length), "CRC of \(type)")
                if type == "IHDR" { width = Int(be32(at + 8)); height = Int(be32(at + 12)) }
                if type == "IDAT" { zlib += b[(at + 8)..<(at + 8 + length)] }
                types.append(type)
                at += 12 + length
            }
            #expect(at == b.count)
            #expect(types.first == "IHDR" && types.last == "IEND" && types.contains("iTXt"))
            // Stored deflate blocks: walk them and check the data length and the Adler-32.
            #expect(Array(zlib[0..<2]) == [0x78, 0x01])
            var i = 2
            var raw: [UInt8] = []
            while true {
                let final = zlib[i] & 1
                let len = Int(zlib[i + 1]) | Int(zlib[i + 2]) << 8
                raw += zlib[(i + 5)..<(i + 5 + len)]
                i += 5 + len
                if final == 1 { break }
            }
            #expect(raw.count == height * (width + 1))
            let adler = raw.withUnsafeBytes { PNGChecksums.adlerUpdate(1, $0) }
            #expect(UInt32(zlib[i]) << 24 | UInt32(zlib[i + 1]) << 16 | UInt32(zlib[i + 2]) << 8 | UInt32(zlib[i + 3]) == adler)
            #expect(i + 4 == zlib.count)
        }
    }

    @Test func jpegHasJFIF101HeaderStandardTablesAndEndMarker() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let path = "\(dir)/a.jpg"
        try FileFactory().write(.jpeg, document: document, seed: 5, size: 200_000, to: path)
        let b = try TestSupport.bytes(path)
        #expect(Array(b[0..<4]) == [0xFF, 0xD8, 0xFF, 0xE0])
        #expect(Array(b[6..<13]) == Array("JFIF".utf8) + [0x00, 0x01, 0x01])
        #expect(Array(b.suffix(2)) == [0xFF, 0xD9])
        // Annex K.5 lists each of the 162 AC symbols (EOB, ZRL, run/size 0–15 × 1–10) once.
        var expected = Set<UInt8>([0x00, 0xF0])
        for run in 0..<16 { for size in 1...10 { expected.insert(UInt8(run << 4 | size)) } }
        #expect(Set(JPEGFile.acValues) == expected && JPEGFile.acValues.count == 162)
        #expect(JPEGFile.acBits.reduce(0) { $0 + Int($1) } == 162)
        // Walk the marker segments up to the scan: every length must land on the next marker.
        var at = 2
        var markers: [UInt8] = []
        while b[at] == 0xFF && b[at + 1] != 0xDA {
            markers.append(b[at + 1])
            at += 2 + (Int(b[at + 2]) << 8 | Int(b[at + 3]))
        }
        #expect(b[at + 1] == 0xDA)
        #expect(markers.first == 0xE0 && markers.contains(0xDB) && markers.contains(0xC0) && markers.contains(0xC4))
    }
}
