@testable import BevaraArchiveIO
import Foundation
import Testing

@Suite struct FormatIdentifierTests {
    let identifier = try! FormatIdentifier()

    @Test func pdfVersionsAndPDFA() {
        let pdf = Array("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".utf8)
        let id = identifier.identify(head: pdf)
        #expect(id.mime == "application/pdf")
        #expect(id.puid == "fmt/18")
        let pdfa = Array("%PDF-1.4\n<x:xmpmeta><pdfaid:part>1</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></x:xmpmeta>".utf8)
        #expect(identifier.identify(head: pdfa).puid == "fmt/354")
        let attributes = Array("%PDF-1.7\n<rdf:Description pdfaid:part=\"2\" pdfaid:conformance=\"b\"/>".utf8)
        #expect(identifier.identify(head: attributes).puid == "fmt/477")
        // The conformance first, in either form: the part is found after it.
        let reversed = Array("%PDF-1.7\n<pdfaid:conformance>A</pdfaid:conformance>\n<pdfaid:part>2</pdfaid:part>".utf8)
        #expect(identifier.identify(head: reversed).puid == "fmt/476")
        let reversedAttributes = Array("%PDF-1.7\n<rdf:Description pdfaid:conformance=\"u\" pdfaid:part=\"3\"/>".utf8)
        #expect(identifier.identify(head: reversedAttributes).puid == "fmt/481")
        let truncated = Array("%PDF-1.7\n<pdfaid:part>2</pdfaid:pa".utf8)
        #expect(identifier.identify(head: truncated).puid == "fmt/276")
    }

    @Test func textXMLAndEmpty() {
        #expect(identifier.identify(head: Array("Hej Åsa, här är beslutet.\n".utf8)).puid == "x-fmt/111")
        #expect(identifier.identify(head: Array("<?xml version=\"1.0\"?><a/>".utf8)).puid == "fmt/101")
        #expect(identifier.identify(head: []).mime == "application/x-empty")
        #expect(identifier.identify(head: Array("a;b\n1;2\n".utf8), name: "x.csv").mime == "text/csv")
    }

    @Test func jfifVersion() {
        var jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]
        jpeg += [0xFF, 0xD9]
        let id = identifier.identify(head: jpeg)
        #expect(id.mime == "image/jpeg")
        #expect(id.puid == "fmt/43")
        #expect(id.version == "1.01")
    }

    /// The signature shortcut must agree with libmagic on every head it claims, and leave
    /// everything else (text, XML, OOXML zip, unknown bytes) to libmagic.
    @Test func signatureShortcutAgreesWithLibmagic() {
        var generator = SystemRandomNumberGenerator()
        let tail = (0..<3000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D] + Array("IHDR".utf8)
        let claimed: [[UInt8]] = [
            Array("%PDF-1.4\n".utf8) + tail, Array("%PDF-2.0\n%âãÏÓ\n".utf8), Array("%PDF-".utf8),
            [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 2] + tail,
            [0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10] + Array("Exif".utf8) + [0, 0] + tail,
            [0xFF, 0xD8, 0xFF, 0xDB] + tail,
            png + tail,
        ]
        for head in claimed {
            let shortcut = FormatIdentifier.unambiguousSignature(head)
            #expect(shortcut != nil)
            #expect(shortcut == identifier.libmagicType(head))
        }
        let left: [[UInt8]] = [
            Array("Hej Åsa\n".utf8), Array("<?xml version=\"1.0\"?><a/>".utf8), [0x50, 0x4B, 0x03, 0x04] + tail,
            [0xFF, 0xD8, 0xFF, 0xF7] + tail, png + Array("acTL".utf8) + tail, Array("%PDF".utf8), tail,
        ]
        for head in left { #expect(FormatIdentifier.unambiguousSignature(head) == nil) }
    }

    /// Plain text named `.txt` or `.csv` skips libmagic. On prose of the kinds exports hold
    /// (Swedish letters, a BOM, CRLF, a form feed, tabs, a leading date) libmagic agrees; every
    /// head that is not UTF-8 text, and every start libmagic names as another format, is left to
    /// libmagic; and the one deliberate difference (source code further in) is the PRONOM answer.
    @Test func plainTextShortcut() {
        let prose = [
            "Vänersborgs kommun – Kommunstyrelsen\n\nKomplettering – kostnadskalkyl\nDatum: 2016-11-08\n\nSökanden har inkommit med kompletterande handlingar.\n",
            "\u{FEFF}Vänersborgs kommun\r\n\r\nBeslut om bygglov.\u{0C}\r\nDatum: 2016-10-18\r\n",
            "  \n2016-10-18 Beslut\tKS 2016/1\n", "Åsa Öberg\n", "Från nämnden: inga invändningar.\n",
        ]
        for text in prose {
            let head = Array(text.utf8)
            #expect(identifier.libmagicType(head) == "text/plain", "\(text)")
            for name in ["a.txt", "KS 2016-1/1 Beslut.TXT"] {
                #expect(PlainTextSignature.mime(head, name: name) == "text/plain", "\(text) as \(name)")
            }
        }
        #expect(identifier.identify(head: Array("a;b\n1;2\n".utf8), name: "tabell.Csv").puid == "x-fmt/18")
        let letter = Array(prose[0].utf8)
        for name in ["a.pdf", "txt", ".txt", "a/.txt", "a.txt.gz", "a.text", "a.txt/b", "dir.txt/b"] {
            #expect(PlainTextSignature.mime(letter, name: name) == nil, "\(name)")
        }
        #expect(PlainTextSignature.mime(letter, name: nil) == nil)
        let notUTF8Text: [[UInt8]] = [
            Array("H".utf8) + [0xE4] + Array("r\n".utf8),            // Latin-1
            [0xFF, 0xFE, 0x48, 0x00, 0x65, 0x00],                       // UTF-16
            Array("Beslut ".utf8) + [0xC3],                             // cut å
            Array("Beslut\u{0}\n".utf8), Array("Beslut\u{1B}[1m\n".utf8), // NUL, ESC
            [0x41, 0xC0, 0xAF], [0x41, 0xED, 0xA0, 0x80], [0x41, 0xF4, 0x90, 0x80, 0x80],  // overlong, surrogate, > U+10FFFF
            [],
        ]
        for head in notUTF8Text { #expect(PlainTextSignature.mime(head, name: "a.txt") == nil, "\(head)") }
        let otherFormats = [
            "Received: from x by y\nSubject: x\n\nHej\n", "BEGIN:VCARD\nVERSION:3.0\nFN:Åsa\nEND:VCARD\n",
            "#!/bin/sh\necho hej\n", "%!PS-Adobe-3.0\n%%Title: x\n", "{\"a\": 1}\n",
            "\\documentclass{article}\n\\begin{document}\nHej\n\\end{document}\n",
            "-----BEGIN PGP MESSAGE-----\n\nabc\n-----END PGP MESSAGE-----\n", "<html><body>Hej</body></html>\n",
            "<?xml version=\"1.0\"?><a/>\n",
        ]
        for text in otherFormats {
            let head = Array(text.utf8)
            #expect(identifier.libmagicType(head) != "text/plain", "\(text)")
            #expect(PlainTextSignature.mime(head, name: "a.txt") == nil, "\(text)")
        }
        let source = Array("Beslut\n\n#include <stdio.h>\nint main(void) { return 0; }\n".utf8)
        #expect(identifier.libmagicType(source) == "text/x-c")
        #expect(identifier.identify(head: source, name: "a.txt").puid == "x-fmt/111")
    }

    /// A plain XML document named `.xml` gets libmagic's answer without libmagic; each marker of
    /// a more specific format in libmagic's database, and anything else unusual, is left to it.
    @Test func xmlShortcut() throws {
        try #require(MagicDatabaseCheck.loadsAnalysedDatabase, "the shortcut mirrors Debian bookworm's magic.mgc only")
        let body = "<Skrivelse xmlns=\"urn:x-bevara:fixture:skrivelse\">\n  <Rubrik>Tjänsteskrivelse – Anställning</Rubrik>\n"
            + "  <Text><Stycke>Diarienummer: KS 2016/1</Stycke></Text>\n</Skrivelse>\n"
        let plain = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body, "\u{FEFF}<?xml version=\"1.0\"?>\r\n" + body,
            "<?xml version='1.0' standalone='yes'?>" + body, "<?xml version=\"1.0\"?><a/>",
            "<?xml version=\"1.0\"?>\n<mets:mets xmlns:mets=\"http://www.loc.gov/METS/\"><mets:fileSec/></mets:mets>\n",
            "<?xml version=\"1.0\"?>\n<erms xmlns=\"https://DILCIS.eu/XML/ERMS\"><control/></erms>\n",
        ]
        for text in plain {
            let head = Array(text.utf8)
            #expect(identifier.libmagicType(head) == "text/xml", "\(text)")
            #expect(XMLSignature.mime(head, name: "a/Beslut.XML") == "text/xml", "\(text)")
            #expect(identifier.identify(head: head, name: "beslut.xml").puid == "fmt/101")
        }
        let xml = Array(plain[0].utf8)
        for name in ["a.txt", "xml", ".xml", "a/.xml", "a.xml.gz"] { #expect(XMLSignature.mime(xml, name: name) == nil, "\(name)") }
        #expect(XMLSignature.mime(xml, name: nil) == nil)
        let unusual: [[UInt8]] = [
            Array(" <?xml version=\"1.0\"?><a/>".utf8), Array("<a/>".utf8), Array("<?xml version=\"1.0\"?><a>".utf8) + [0xE5, 0x3C, 0x2F, 0x61, 0x3E],
            Array("<?xml version=\"1.0\"?><a>\u{1}</a>".utf8), Array("<?XML VERSION=\"1.0\"?><a/>".utf8),
        ]
        for head in unusual { #expect(XMLSignature.mime(head, name: "a.xml") == nil, "\(head)") }
        // A comma on the first line: libmagic's CSV check may claim it before any rule.
        let csvLike = Array("<?xml version=\"1.0\"?>, 2\n<a>1, 2</a>\n<b>3, 4</b>\n".utf8)
        #expect(identifier.libmagicType(csvLike) == "text/csv")
        #expect(XMLSignature.mime(csvLike, name: "a.xml") == nil)
        // Program source inside an XML document: the XML rule outranks libmagic's guesses.
        let source = Array("<?xml version=\"1.0\"?>\n<a>\n#include <stdio.h>\nint main(void) { return 0; }\n</a>\n".utf8)
        #expect(identifier.libmagicType(source) == "text/xml")
        #expect(XMLSignature.mime(source, name: "a.xml") == "text/xml")
        // Every marker, in any case, sends the document to libmagic ...
        for marker in XMLSignature.markers {
            let text = String(decoding: marker, as: UTF8.self)
            for spelled in [text, text.uppercased()] {
                let head = Array(("<?xml version=\"1.0\"?>\n<root>" + spelled + " x=\"1\"/></root>\n").utf8)
                #expect(XMLSignature.mime(head, name: "a.xml") == nil, "\(spelled)")
            }
        }
        // ... and for these libmagic does name another format.
        let specific = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>", "<COLLADA><asset/></COLLADA>", "<gnc-v2><book/></gnc-v2>",
        ]
        for root in specific {
            let head = Array(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root + "\n").utf8)
            #expect(identifier.libmagicType(head) != "text/xml", "\(root)")
            #expect(XMLSignature.mime(head, name: "a.xml") == nil)
        }
    }

    /// The one-pass marker search says what a search for each marker says: markers at the very
    /// start and end, cut off by the end, after a `<` that opens nothing, and `!<arch>`.
    @Test func markerSearchMatchesASearchPerMarker() {
        func naive(_ head: [UInt8]) -> Bool {
            XMLSignature.markers.contains { m in head.count >= m.count && (0 ... head.count - m.count).contains { Array(head[$0 ..< $0 + m.count]) == m } }
        }
        var heads: [[UInt8]] = [[], Array("<".utf8), Array("<<".utf8), Array("<?xml version=\"1.0\"?><a><b/></a>".utf8),
                                Array("<arch>".utf8), Array("x!<arch>".utf8), Array("!<arc".utf8), Array("<<svg".utf8)]
        for marker in XMLSignature.markers {
            heads.append(marker)
            heads.append(Array("<a>".utf8) + marker)
            heads.append(Array(marker.dropLast()))
            heads.append(Array("<<".utf8) + marker + Array("<".utf8))
        }
        var seed: UInt64 = 42
        let alphabet = Array("<>!/?-ahtmlsvgrcx ".utf8)
        for _ in 0 ..< 2000 {
            heads.append((0 ..< 24).map { _ in seed = seed &* 6364136223846793005 &+ 1442695040888963407; return alphabet[Int(seed >> 33) % alphabet.count] })
        }
        for head in heads { #expect(XMLSignature.containsMarker(head) == naive(head), "\(String(decoding: head, as: UTF8.self))") }
    }
}
