import BevaraArchiveIO
@testable import BevaraIndex
import CArchive
import Foundation
import Testing

/// Text extraction per format, its caps, and its refusals.
@Suite struct TextExtractorTests {
    let dir: String

    init() throws {
        dir = try temporaryFolder("text")
    }

    private func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = dir + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func text(_ outcome: TextOutcome) -> String? {
        if case .text(let t, _) = outcome { return t }
        return nil
    }

    /// The fast path for plain types answers exactly as splitting, trimming and lower-casing do.
    @Test func mediaTypeOfPlainAndParameterisedTypes() {
        let general: (String) -> String = {
            $0.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        }
        let types = ["", ";", "application/pdf", "Application/PDF", "text/plain; charset=windows-1252", " text/html ",
                     "text/plain;", "image/svg+xml", "application/x-empty", "application/vnd.ms-excel",
                     TextExtractor.docxMIME, "application/octet_stream", "text/ÅÄÖ", "a;b", "\ttext/xml"]
        for type in types {
            #expect(TextExtractor.mediaType(type) == general(type), "\(type)")
        }
        #expect(TextExtractor.isPDF("application/pdf") && TextExtractor.isPDF("APPLICATION/PDF; x=1"))
        #expect(!TextExtractor.isPDF("application/pdfx"))
    }

    /// A type without a reader is answered without the file, as `extract` answers it; a type
    /// with one gets nil.
    @Test func outcomeWithoutReaderIsExtractsAnswer() {
        let missing = dir + "/does-not-exist"
        for type in ["image/jpeg", "image/png", "", "application/octet-stream", "Image/TIFF; x=1"] {
            #expect(TextExtractor.outcomeWithoutReader(type) == TextExtractor.extract(path: missing, mime: type), "\(type)")
            #expect(!TextExtractor.reads(type))
        }
        for type in ["application/pdf", "text/plain", "application/xml", "image/svg+xml", TextExtractor.docxMIME,
                     TextExtractor.odtMIME, "TEXT/HTML; charset=utf-8"] {
            #expect(TextExtractor.outcomeWithoutReader(type) == nil, "\(type)")
            #expect(TextExtractor.reads(type))
        }
    }

    @Test func plainTextUTF8AndWindows1252() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let utf8 = try write("u.txt", Array("\u{FEFF}Åsa Ödqvist ansöker om bygglov – 25 €\n".utf8))
        #expect(TextExtractor.extract(path: utf8, mime: "text/plain") == .text("Åsa Ödqvist ansöker om bygglov – 25 €", truncated: false))
        // "Åsa Ödqvist – 25 €" in Windows-1252: Å=C5, Ö=D6, en dash=96, euro=80.
        let cp1252: [UInt8] = [0xC5, 0x73, 0x61, 0x20, 0xD6, 0x64, 0x71, 0x76, 0x69, 0x73, 0x74, 0x20, 0x96, 0x20, 0x32, 0x35, 0x20, 0x80]
        let legacy = try write("w.txt", cp1252)
        #expect(TextExtractor.extract(path: legacy, mime: "text/plain; charset=windows-1252") == .text("Åsa Ödqvist – 25 €", truncated: false))
        let csv = try write("c.csv", Array("dnr;titel\nKS 2021/1;Bygglov\n".utf8))
        #expect(text(TextExtractor.extract(path: csv, mime: "text/csv"))?.contains("Bygglov") == true)
    }

    @Test func plainTextIsCutAtTheBudgetOnACharacterBoundary() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // 3 000 × "ö" is 6 000 bytes of UTF-8; a budget of 1 001 bytes must not split a character.
        let path = try write("long.txt", Array(String(repeating: "ö", count: 3000).utf8))
        let outcome = TextExtractor.extract(path: path, mime: "text/plain", maxBytes: 1001)
        #expect(outcome == .text(String(repeating: "ö", count: 500), truncated: true))
        let empty = try write("empty.txt", [])
        #expect(TextExtractor.extract(path: empty, mime: "text/plain") == .noText(reason: "the file contains no text"))
    }

    @Test func xmlTextNodesAndRefusedDoctype() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let xml = try write("a.xml", Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- e-tjänst -->
            <ansokan><sokande><namn>Åsa Ödqvist</namn><ort>Sjöhult</ort></sokande><![CDATA[Björkängen 3:14]]></ansokan>
            """.utf8))
        let t = try #require(text(TextExtractor.extract(path: xml, mime: "application/xml")))
        #expect(t.contains("Åsa Ödqvist Sjöhult"))
        #expect(t.contains("Björkängen 3:14"))
        let bomb = try write("lol.xml", Array("""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <lolz>&lol2;</lolz>
            """.utf8))
        guard case .noText(let reason) = TextExtractor.extract(path: bomb, mime: "text/xml") else {
            Issue.record("a DOCTYPE was not refused")
            return
        }
        #expect(reason.contains("DOCTYPE"))
        // UTF-16 does not hide a DOCTYPE from the prolog scan.
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>".utf16 {
            utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let wide = try write("wide.xml", utf16)
        #expect(text(TextExtractor.extract(path: wide, mime: "application/xml")) == nil)
        let html = try write("p.html", Array("<html><head><title>Protokoll</title><style>p{}</style></head><body><p>Beslut om <b>bygglov</b></p><script>var x</script></body></html>".utf8))
        let h = try #require(text(TextExtractor.extract(path: html, mime: "text/html")))
        #expect(h.contains("Protokoll") && h.contains("Beslut om bygglov") && !h.contains("var x") && !h.contains("p{}"))
    }

    @Test func docxAndPdfFromTheFixtures() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let folder = repositoryRoot + "/fixtures/vanersborg-ks-csv/filer/KS 2021-123"
        let docx = TextExtractor.extract(path: folder + "/5 Tjänsteskrivelse bygglov Björkängen 3-14.docx", mime: TextExtractor.docxMIME)
        let docxText = try #require(text(docx), "\(docx)")
        #expect(docxText.contains("Björkängen"))
        // Paragraphs become lines; runs inside a paragraph are not split into separate words.
        #expect(docxText.contains("\n"))
        let pdf = TextExtractor.extract(path: folder + "/6 Beslut om bygglov.pdf", mime: "application/pdf")
        let pdfText = try #require(text(pdf), "\(pdf)")
        #expect(pdfText.lowercased().contains("bygglov"))
        let batch = TextExtractor.extractPDFs([folder + "/6 Beslut om bygglov.pdf", folder + "/1 Ansökan om bygglov – Åsa Ödqvist.pdf",
                                               folder + "/6 Beslut om bygglov.pdf"])
        #expect(batch.count == 3 && batch[0] == pdf && batch[2] == pdf && text(batch[1]) != nil)
        // A file that is not a PDF: poppler (in the bevara-pdftext worker) fails and says so.
        let fake = try write("fake.pdf", Array("not a pdf".utf8))
        guard case .noText(let reason) = TextExtractor.extract(path: fake, mime: "application/pdf") else {
            Issue.record("a non-PDF gave text")
            return
        }
        #expect(reason.contains("poppler cannot open the PDF"))
        #expect(TextExtractor.extract(path: folder + "/1 Foto fasad mot söder.jpg", mime: "image/jpeg")
                == .noText(reason: "no text extraction for image/jpeg"))
    }

    @Test func odtContentIsRead() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let content = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:h>Yttrande</text:h><text:p>Miljö<text:span>förvaltningen</text:span> tillstyrker</text:p></office:text></office:body></office:document-content>
            """
        let path = try makeZip("y.odt", entries: [("mimetype", Array(TextExtractor.odtMIME.utf8)), ("content.xml", Array(content.utf8))])
        let t = try #require(text(TextExtractor.extract(path: path, mime: TextExtractor.odtMIME)))
        #expect(t == "Yttrande\nMiljöförvaltningen tillstyrker")
    }

    @Test func zipBombDocxIsCapped() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // 200 MB of spaces inside one paragraph deflate to about 200 KB.
        let path = dir + "/bomb.docx"
        try writeDeflatedZip(path, name: "word/document.xml", prefix: Array("<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>".utf8),
                             fill: 0x20, fillCount: 200 << 20, suffix: Array("bomb</w:t></w:r></w:p></w:body></w:document>".utf8))
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        #expect(size < 2 << 20, "the bomb should be small on disk, is \(size)")
        let capped = TextExtractor.extract(path: path, mime: TextExtractor.docxMIME, maxBytes: 2_000_000, maxExpandedBytes: 16 << 20)
        guard case .noText(let reason) = capped else {
            Issue.record("the zip bomb was not capped: \(capped)")
            return
        }
        #expect(reason.contains("zip bomb"))
        // The default cap (64 MiB) stops it too.
        let defaultCap = TextExtractor.extract(path: path, mime: TextExtractor.docxMIME)
        #expect({ if case .noText = defaultCap { return true } else { return false } }())
    }

    /// A part over `ZipPartReader.inMemoryBytes` goes through a temporary file, one under it is
    /// parsed from memory: the same text either way, and the expansion cap holds in both.
    @Test func largeAndSmallOfficePartsGiveTheSameText() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let head = Array("<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>Beslut".utf8)
        let tail = Array("</w:t></w:r></w:p><w:p><w:r><w:t>om bygglov</w:t></w:r></w:p></w:body></w:document>".utf8)
        // The filler is a comment: no text, so only the size differs.
        let small = dir + "/small.docx", large = dir + "/large.docx"
        try writeDeflatedZip(small, name: "word/document.xml", prefix: head + Array("<!--".utf8), fill: 0x78,
                             fillCount: 1_000, suffix: Array("-->".utf8) + tail)
        try writeDeflatedZip(large, name: "word/document.xml", prefix: head + Array("<!--".utf8), fill: 0x78,
                             fillCount: ZipPartReader.inMemoryBytes + 1_000, suffix: Array("-->".utf8) + tail)
        let expected = TextOutcome.text("Beslut\nom bygglov", truncated: false)
        #expect(TextExtractor.extract(path: small, mime: TextExtractor.docxMIME) == expected)
        #expect(TextExtractor.extract(path: large, mime: TextExtractor.docxMIME) == expected)
        // A cap under the part's size refuses it, in memory as through the file.
        for (path, cap) in [(small, 500), (large, ZipPartReader.inMemoryBytes + 500)] {
            let capped = TextExtractor.extract(path: path, mime: TextExtractor.docxMIME, maxBytes: 2_000_000, maxExpandedBytes: cap)
            guard case .noText(let reason) = capped else {
                Issue.record("\(path) was not capped: \(capped)")
                continue
            }
            #expect(reason.contains("zip bomb"), "\(reason)")
        }
    }

    /// A stored zip through the project's writer.
    private func makeZip(_ name: String, entries: [(String, [UInt8])]) throws -> String {
        let path = dir + "/" + name
        let writer = try ArchiveWriter(path: path, format: .zip)
        for (entry, bytes) in entries {
            try writer.addFile(named: entry, size: Int64(bytes.count)) { emit in
                try bytes.withUnsafeBytes { try emit($0) }
            }
        }
        try writer.close()
        return path
    }

    /// A deflated zip with one entry of `prefix`, `fillCount` copies of `fill`, `suffix`.
    private func writeDeflatedZip(_ path: String, name: String, prefix: [UInt8], fill: UInt8, fillCount: Int, suffix: [UInt8]) throws {
        ProcessSetup.useUTF8Locale()
        let a = try #require(archive_write_new())
        defer { archive_write_free(a) }
        archive_write_set_format_zip(a)
        archive_write_set_options(a, "zip:compression=deflate")
        #expect(archive_write_open_filename(a, path) == ARCHIVE_OK)
        let entry = archive_entry_new()
        defer { archive_entry_free(entry) }
        archive_entry_set_pathname_utf8(entry, name)
        archive_entry_set_filetype(entry, CArchive_AE_IFREG)
        archive_entry_set_perm(entry, 0o644)
        archive_entry_set_size(entry, Int64(prefix.count + fillCount + suffix.count))
        #expect(archive_write_header(a, entry) == ARCHIVE_OK)
        _ = prefix.withUnsafeBytes { archive_write_data(a, $0.baseAddress, $0.count) }
        let chunk = [UInt8](repeating: fill, count: 1 << 20)
        var left = fillCount
        while left > 0 {
            let n = min(left, chunk.count)
            _ = chunk.withUnsafeBytes { archive_write_data(a, $0.baseAddress, n) }
            left -= n
        }
        _ = suffix.withUnsafeBytes { archive_write_data(a, $0.baseAddress, $0.count) }
        #expect(archive_write_close(a) == ARCHIVE_OK)
    }
}
