import BevaraArchiveIO
import Foundation

/// A minimal but real WordprocessingML (DOCX) package, zipped by `ArchiveWriter` (libarchive).
///
/// Entry order matters to libmagic, which recognises OOXML by `[Content_Types].xml` (or
/// `_rels/.rels`) as the first entry and a `word/` entry third: `[Content_Types].xml`,
/// `_rels/.rels`, `word/document.xml`, `docProps/core.xml`. The body holds the document's text
/// as `w:t` runs; padding to a planned size is more paragraphs of prose in `document.xml`.
///
/// Every entry gets the modification time 1970-01-01, which the zip format's MS-DOS time field
/// clamps to 1980-01-01 in every time zone, so the bytes do not depend on the clock or the zone.
enum DOCXFile {
    static let entryTime = Date(timeIntervalSince1970: 0)
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>

        """

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        </Relationships>

        """

    static func write(_ doc: FixtureDocument, seed: UInt64, size: Int64?, to path: String) throws -> Int64 {
        let head = documentHead(doc)
        let tail = "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>\n"
        let core = coreProperties(doc)
        let content = Int64(contentTypes.utf8.count + packageRelationships.utf8.count + head.utf8.count
            + tail.utf8.count + core.utf8.count)
        var filler: Int64 = 0
        if let size {
            // The zip structure around the four entries has a fixed size (same names, no zip64);
            // it is measured from the first package written and then reused.
            let overhead = try ZipOverhead.shared.value {
                let probe = path + ".probe"
                unlink(probe)
                defer { unlink(probe) }
                try writePackage(head: head, filler: 0, tail: tail, core: core, seed: seed, to: probe)
                return try fileSize(probe) - content
            }
            filler = max(0, size - overhead - content)
        }
        // ArchiveWriter creates its file exclusively: replace what is there.
        if unlink(path) != 0 && errno != ENOENT { throw IOError(path: path, operation: "unlink", errno: errno) }
        try writePackage(head: head, filler: filler, tail: tail, core: core, seed: seed, to: path)
        return try fileSize(path)
    }

    /// The measured size of the zip structure (headers, descriptors, central directory).
    final class ZipOverhead: @unchecked Sendable {
        static let shared = ZipOverhead()
        private let lock = NSLock()
        private var measured: Int64?

        func value(measure: () throws -> Int64) throws -> Int64 {
            lock.lock()
            defer { lock.unlock() }
            if let measured { return measured }
            let v = try measure()
            measured = v
            return v
        }
    }

    static func fileSize(_ path: String) throws -> Int64 {
        var st = stat()
        guard stat(path, &st) == 0 else { throw IOError(path: path, operation: "stat", errno: errno) }
        return Int64(st.st_size)
    }

    static func writePackage(head: String, filler: Int64, tail: String, core: String, seed: UInt64,
                             to path: String) throws {
        let zip = try ArchiveWriter(path: path, format: .zip, modificationTime: entryTime)
        try add(contentTypes, named: "[Content_Types].xml", to: zip)
        try add(packageRelationships, named: "_rels/.rels", to: zip)
        let headBytes = Array(head.utf8)
        let tailBytes = Array(tail.utf8)
        try zip.addFile(named: "word/document.xml", size: Int64(headBytes.count + tailBytes.count) + filler) { write in
            try headBytes.withUnsafeBytes { try write($0) }
            if filler > 0 {
                var text = TextFiller(prefix: "<w:p><w:r><w:t xml:space=\"preserve\">", suffix: "</w:t></w:r></w:p>",
                                      escapeXML: true, rng: SeededRandom(seed: seed, stream: 0x6478))
                try text.write(byteCount: filler) { try write($0) }
            }
            try tailBytes.withUnsafeBytes { try write($0) }
        }
        try add(core, named: "docProps/core.xml", to: zip)
        try zip.close()
    }

    static func add(_ text: String, named name: String, to zip: ArchiveWriter) throws {
        let bytes = Array(text.utf8)
        try zip.addFile(named: name, size: Int64(bytes.count)) { write in
            try bytes.withUnsafeBytes { try write($0) }
        }
    }

    static func paragraph(_ text: String, style: String? = nil, bold: Bool = false) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        let run = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        return "<w:p>\(properties)<w:r>\(run)<w:t xml:space=\"preserve\">\(XMLText.escape(text))</w:t></w:r></w:p>"
    }

    static func documentHead(_ doc: FixtureDocument) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        xml += "<w:document xmlns:w=\"\(wordNamespace)\"><w:body>"
        xml += paragraph(doc.heading)
        xml += paragraph(doc.title, bold: true)
        if let date = doc.date { xml += paragraph("Datum: " + date) }
        for p in doc.paragraphs { xml += paragraph(p) }
        return xml
    }

    static func coreProperties(_ doc: FixtureDocument) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        xml += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
        xml += " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
        xml += " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        xml += "<dc:title>\(XMLText.escape(doc.title))</dc:title><dc:creator>\(XMLText.escape(doc.heading))</dc:creator>"
        if let date = doc.date {
            xml += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(date)T12:00:00Z</dcterms:created>"
        }
        xml += "</cp:coreProperties>\n"
        return xml
    }
}
