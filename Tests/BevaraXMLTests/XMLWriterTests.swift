import BevaraArchiveIO
import BevaraXML
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite struct XMLWriterTests {
    @Test func escapesAndStaysWellFormed() throws {
        let out = XMLStringOutput()
        let w = XMLWriter(output: out)
        try w.declaration()
        try w.open("mets:mets", [("xmlns:mets", "http://www.loc.gov/METS/"), ("LABEL", "Bygglov \"A&B\" <Åsa>\n"), ("SKIPPED", nil)])
        try w.element("mets:note", text: "5 < 6 & \u{1}ok")
        try w.element("mets:empty")
        try w.finish()
        let text = out.text
        #expect(text.contains("LABEL=\"Bygglov &quot;A&amp;B&quot; &lt;Åsa&gt;&#10;\""))
        #expect(text.contains("<mets:note>5 &lt; 6 &amp; \u{FFFD}ok</mets:note>"))
        #expect(text.contains("<mets:empty/>"))
        #expect(!text.contains("SKIPPED"))
        // An independent parser accepts it and reads the attribute back unchanged.
        final class Collector: NSObject, XMLParserDelegate {
            var label: String?
            func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if e == "mets:mets" { label = attributes["LABEL"] }
            }
        }
        let parser = XMLParser(data: Data(text.utf8))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(collector.label == "Bygglov \"A&B\" <Åsa>\n")
    }

    @Test func fastAndExactEscapingAgreeOnEdgeCharacters() {
        // Plain values pass through; U+FFFE/U+FFFF (lead byte 0xEF) are replaced, other
        // 0xEF-led characters kept; CR is escaped everywhere, tab and LF only in attributes.
        #expect(XMLWriter.escapeText("Beslut – Åsa Öberg") == "Beslut – Åsa Öberg")
        #expect(XMLWriter.escapeText("a\u{FFFE}b\u{FFFF}c\u{FF21}") == "a\u{FFFD}b\u{FFFD}c\u{FF21}")
        #expect(XMLWriter.escapeText("x\r\ny\tz\"") == "x&#13;\ny\tz\"")
        #expect(XMLWriter.escapeAttribute("x\r\ny\tz\"") == "x&#13;&#10;y&#9;z&quot;")
        #expect(XMLWriter.escapeText("\u{7F}\u{1F}") == "\u{7F}\u{FFFD}")
        #expect(XMLWriter.escapeText("") == "")
    }

    @Test func everyASCIICharacterIsEscapedAsXMLRequires() {
        // The byte table of the fast path against the rules written out per character, alone and
        // between plain characters (the table is or-ed over the whole value).
        for value in UInt8(0)...0x7F {
            let c = Character(Unicode.Scalar(value))
            let text: String, attribute: String
            switch c {
            case "&": (text, attribute) = ("&amp;", "&amp;")
            case "<": (text, attribute) = ("&lt;", "&lt;")
            case ">": (text, attribute) = ("&gt;", "&gt;")
            case "\"": (text, attribute) = ("\"", "&quot;")
            case "\n": (text, attribute) = ("\n", "&#10;")
            case "\t": (text, attribute) = ("\t", "&#9;")
            case "\r": (text, attribute) = ("&#13;", "&#13;")
            default: (text, attribute) = value < 0x20 ? ("\u{FFFD}", "\u{FFFD}") : (String(c), String(c))
            }
            #expect(XMLWriter.escapeText(String(c)) == text, "\(value)")
            #expect(XMLWriter.escapeAttribute(String(c)) == attribute, "\(value)")
            #expect(XMLWriter.escapeText("Åsa \(c) Öberg") == "Åsa \(text) Öberg", "\(value)")
            #expect(XMLWriter.escapeAttribute("Åsa \(c) Öberg") == "Åsa \(attribute) Öberg", "\(value)")
        }
    }

    @Test func nestedElementsAreIndentedByDepth() throws {
        let out = XMLStringOutput()
        let w = XMLWriter(output: out)
        try w.open("a")
        try w.open("b", [("k", "v")])
        try w.element("c", text: "t")
        try w.close("b")
        try w.open("d")
        try w.close("d")
        try w.finish()
        #expect(out.text == "<a>\n  <b k=\"v\">\n    <c>t</c>\n  </b>\n  <d/>\n</a>\n")
    }

    @Test func closingTheWrongElementThrows() throws {
        let w = XMLWriter(output: XMLStringOutput())
        try w.open("a")
        #expect(throws: XMLOutputError.self) { try w.close("b") }
    }

    @Test func stringAndByteOutputsGetTheSameBytes() throws {
        // XMLStringOutput takes the default `write(utf8:)` (through a String), XMLFileOutput
        // appends the bytes as they are: one document, escapes and non-ASCII included.
        func document(_ out: XMLOutput) throws {
            let w = XMLWriter(output: out)
            try w.declaration()
            try w.open("erms", [("xmlns", "urn:x"), ("label", "Åsa \"Ö\" & <ä>\r\n\t"), ("none", nil)])
            try w.element("title", text: "Bygglov – Öxnered \u{1}\u{FFFE}\u{1F600} a&b")
            try w.open("agents")
            try w.element("agent", [("type", "x")])
            try w.close("agents")
            try w.optionalElement("note", text: "")
            try w.finish()
        }
        let text = XMLStringOutput()
        try document(text)
        let path = NSTemporaryDirectory() + "xml-\(UUID().uuidString).xml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try XMLFileOutput(path: path)
        try document(file)
        try file.close()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes == Data(text.text.utf8))
        #expect(text.text.contains("<title>Bygglov – Öxnered \u{FFFD}\u{FFFD}\u{1F600} a&amp;b</title>"))
        #expect(text.text.contains("label=\"Åsa &quot;Ö&quot; &amp; &lt;ä&gt;&#13;&#10;&#9;\""))
    }

    @Test func fileOutputWritesEverything() throws {
        let path = NSTemporaryDirectory() + "xml-\(UUID().uuidString).xml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let out = try XMLFileOutput(path: path)
        let w = XMLWriter(output: out, indent: false)
        try w.open("list")
        for i in 0..<50_000 { try w.element("item", [("n", String(i))], text: "värde \(i)") }
        try w.finish()
        try out.close()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("</list>\n"))
        #expect(text.components(separatedBy: "<item ").count == 50_001)
    }

    /// A fragment written at a depth and inserted there gives the bytes of writing in place, also
    /// right after a start tag; an empty fragment leaves its element empty (`<g/>`).
    @Test func insertedFragmentsEqualWritingInPlace() throws {
        let folder = NSTemporaryDirectory() + "xml-fragments-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let direct = XMLStringOutput()
        let d = XMLWriter(output: direct)
        try d.open("mets")
        try d.open("fileSec")
        try d.open("g", [("ID", "1")])
        for n in 1...3 { try d.element("file", [("ID", "f\(n)")], text: "Å \(n) & <ö>") }
        try d.close("g")
        try d.element("g", [("ID", "2")])
        try d.finish()

        let full = folder + "/full", empty = folder + "/empty"
        let out = try XMLFileOutput(path: full)
        let f = XMLWriter(output: out, depth: 3)
        for n in 1...3 { try f.element("file", [("ID", "f\(n)")], text: "Å \(n) & <ö>") }
        try out.close()
        try XMLFileOutput(path: empty).close()

        let assembled = XMLStringOutput()
        let a = XMLWriter(output: assembled)
        try a.open("mets")
        try a.open("fileSec")
        try a.open("g", [("ID", "1")])
        #expect(a.depth == 3)
        try a.insertFragment(at: full)
        try a.close("g")
        try a.open("g", [("ID", "2")])
        try a.insertFragment(at: empty)
        try a.close("g")
        try a.finish()
        #expect(assembled.text == direct.text)
        #expect(assembled.text.contains("<g ID=\"2\"/>"))
        #expect(throws: IOError.self) { try a.insertFragment(at: folder + "/missing") }
    }
}
