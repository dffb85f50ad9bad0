import BevaraArchiveIO
@testable import BevaraXML
import Foundation
import Testing

/// `SAXParser`: names and namespaces as libxml2 resolves them, attribute values and text exactly
/// as the document means them, DOCTYPEs refused, errors with their place, stopping, and files
/// read in pieces giving what bytes in memory give.
@Suite struct SAXParserTests {
    /// Writes every event down as a line, and stops where asked.
    final class Recorder: SAXHandler {
        var events: [String] = []
        var problems: [SAXProblem] = []
        private var text: [UInt8] = []
        var stopAtElement: String?

        func startElement(_ element: SAXElement, parser: SAXParser) {
            flush()
            let attributes = element.attributes.map { "{\($0.namespace)}\($0.local)=\($0.value)" }.joined(separator: " ")
            events.append("start {\(element.namespace)}\(element.local) [\(attributes)] line \(parser.line)")
            if element.local == stopAtElement { parser.stop() }
        }

        func endElement(namespace: String, local: String, parser: SAXParser) {
            flush()
            events.append("end {\(namespace)}\(local)")
        }

        func characters(_ utf8: UnsafeRawBufferPointer, parser: SAXParser) {
            text.append(contentsOf: utf8)
        }

        func problem(_ problem: SAXProblem, parser: SAXParser) {
            problems.append(problem)
        }

        private func flush() {
            let s = String(decoding: text, as: UTF8.self)
            if !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { events.append("text \(s)") }
            text.removeAll()
        }
    }

    static func parse(_ xml: String, stopAt: String? = nil) -> (Recorder, SAXParser.Outcome) {
        parse(bytes: Array(xml.utf8), stopAt: stopAt)
    }

    static func parse(bytes: [UInt8], stopAt: String? = nil) -> (Recorder, SAXParser.Outcome) {
        let recorder = Recorder()
        recorder.stopAtElement = stopAt
        let outcome = bytes.withUnsafeBytes { SAXParser.parse(bytes: $0, handler: recorder) }
        return (recorder, outcome)
    }

    @Test func namesArriveWithTheirNamespacesWhateverThePrefix() {
        let (r, outcome) = Self.parse("""
            <m:mets xmlns:m="urn:mets" xmlns:x="urn:xlink" ID="a" x:href="b"><file xmlns="urn:mets"><FLocat x:type="simple" LOCTYPE="URL"/></file><other xmlns="urn:other"/></m:mets>
            """)
        #expect(outcome == .init(stopped: false, failure: nil))
        #expect(r.events == [
            "start {urn:mets}mets [{}ID=a {urn:xlink}href=b] line 1",
            "start {urn:mets}file [] line 1",
            // An unprefixed attribute is in no namespace, even under a default namespace.
            "start {urn:mets}FLocat [{urn:xlink}type=simple {}LOCTYPE=URL] line 1",
            "end {urn:mets}FLocat", "end {urn:mets}file",
            "start {urn:other}other [] line 1", "end {urn:other}other",
            "end {urn:mets}mets",
        ])
        var attributes = SAXAttributes([SAXAttribute(namespace: "", local: "ID", value: "a"),
                                        SAXAttribute(namespace: "urn:xlink", local: "ID", value: "b")])
        #expect(attributes["ID"] == "a" && attributes["urn:xlink", "ID"] == "b" && attributes["urn:mets", "ID"] == nil)
        attributes = SAXAttributes()
        #expect(attributes["ID"] == nil && attributes.isEmpty)
    }

    @Test func attributeValuesAndTextAreWhatTheDocumentMeans() {
        // libxml2 without entity substitution hands `&` in attributes over as "&#38;".
        let (r, outcome) = Self.parse("""
            <r a="x &amp; y &#38; z &amp;#38; &lt;&gt;&quot;&apos; Åsa &#229;">x &amp; y &#38; &lt;<![CDATA[<b>&amp;</b>]]> ö&#246;</r>
            """)
        #expect(outcome.failure == nil)
        #expect(r.events == [
            "start {}r [{}a=x & y & z &#38; <>\"' Åsa å] line 1",
            "text x & y & <<b>&amp;</b> öö",
            "end {}r",
        ])
        let value = Array("a&#38;b&#38&#38;;&".utf8)
        #expect(value.withUnsafeBufferPointer { SAXParser.attributeValue($0) } == "a&b&#38&;&")
    }

    @Test func aDoctypeStopsTheParseBeforeItsDeclarations() {
        let (r, outcome) = Self.parse("""
            <?xml version="1.0"?>
            <!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <lol>&b;</lol>
            """)
        #expect(outcome.stopped)
        #expect(outcome.failure?.kind == .declaration && outcome.failure?.line == 2)
        #expect(r.events.isEmpty)
        #expect(r.problems.map(\.kind) == [.declaration])
    }

    @Test func anAllowedDoctypeStillStopsAtItsFirstDeclaration() {
        let bare = "<!DOCTYPE r SYSTEM \"r.dtd\">\n<r>a</r>"
        let kept = Array(bare.utf8).withUnsafeBytes { SAXParser.parse(bytes: $0, handler: Recorder(), doctype: .allowWithoutDeclarations) }
        #expect(kept == .init(stopped: false, failure: nil))
        for (declaration, keyword) in [("<!ENTITY a \"b\">", "ENTITY"), ("<!ENTITY e SYSTEM \"file:///etc/passwd\">", "ENTITY"),
                                       ("<!ENTITY % p SYSTEM \"http://example.invalid/x\"> %p;", "ENTITY"),
                                       ("<!ENTITY u SYSTEM \"u\" NDATA n>", "ENTITY"), ("<!ELEMENT r ANY>", "ELEMENT"),
                                       ("<!ATTLIST r k (x|y) \"x\">", "ATTLIST"), ("<!NOTATION n SYSTEM \"n\">", "NOTATION")] {
            let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n\(declaration)\n]>\n<r>&a;</r>"
            let recorder = Recorder()
            let outcome = Array(xml.utf8).withUnsafeBytes { SAXParser.parse(bytes: $0, handler: recorder, doctype: .allowWithoutDeclarations) }
            #expect(outcome.stopped && outcome.failure?.kind == .declaration && outcome.failure?.line == 3, "\(declaration)")
            #expect(outcome.failure?.message == "a DTD declaration (<!\(keyword) …>)")
            #expect(recorder.events.isEmpty)
        }
        // Refused outright by default, declarations or not.
        #expect(Self.parse(bare).1.failure?.message == "a DOCTYPE declaration (<!DOCTYPE r …>)")
    }

    @Test func malformedXMLFailsWithItsPlace() {
        let (r, outcome) = Self.parse("<r>\n  <a>one</b>\n</r>")
        let failure = try? #require(outcome.failure)
        #expect(failure?.line == 2)
        #expect(failure?.code == 76)  // XML_ERR_TAG_NAME_MISMATCH
        #expect(failure.map { $0.column > 0 } == true)
        #expect(!outcome.stopped)
        #expect(r.events == ["start {}r [] line 1", "start {}a [] line 2"])
        // An undeclared entity is an error too (there is no DTD to declare it).
        #expect(Self.parse("<r>&nbsp;</r>").1.failure?.code == 26)
        // An undeclared prefix is libxml2's namespace error, reported for the handler to judge.
        #expect(Self.parse("<r><q:x/></r>").0.problems.first?.code == 201)
    }

    @Test func warningsLeaveTheDocumentWhole() {
        // A relative namespace URI (Ciceron's "eARDERMS") is libxml2 warning 100.
        let (r, outcome) = Self.parse(#"<r xmlns="eARDERMS"><a>1</a></r>"#)
        #expect(outcome.failure == nil)
        #expect(r.problems.map(\.isWarning) == [true])
        #expect(r.events.count == 5)
    }

    @Test func aWarningIsOneByLevelOrByItsXMLWARCode() {
        func problem(_ code: Int, _ level: SAXProblem.Level) -> SAXProblem {
            SAXProblem(kind: .libxml2(code: code, level: level), line: 1, column: 1, message: "m")
        }
        #expect(problem(27, .error).isWarningByLevelOrCode && !problem(27, .error).isWarning)
        #expect(problem(100, .warning).isWarningByLevelOrCode && problem(500, .warning).isWarningByLevelOrCode)
        #expect(!problem(76, .fatal).isWarningByLevelOrCode && !problem(201, .error).isWarningByLevelOrCode)
        #expect(!SAXProblem(kind: .declaration, line: 1, column: 1, message: "m").isWarningByLevelOrCode)
    }

    @Test func aStopEndsTheEventsThere() {
        let (r, outcome) = Self.parse("<r><a/><b><c/></b><d/></r>", stopAt: "b")
        #expect(outcome == .init(stopped: true, failure: nil))
        #expect(r.events == ["start {}r [] line 1", "start {}a [] line 1", "end {}a", "start {}b [] line 1"])
    }

    @Test func aFileReadInPiecesGivesWhatTheBytesGive() throws {
        // Far larger than the 64 KiB pieces, with names, values and text crossing their edges.
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<list xmlns=\"urn:l\" xmlns:k=\"urn:k\">\n"
        for i in 0 ..< 20_000 { xml += "<item k:n=\"\(i) &amp; å\">text \(i) ärende</item>\n" }
        xml += "</list>\n"
        let path = NSTemporaryDirectory() + "bevara-sax-\(UUID().uuidString).xml"
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromFile = Recorder()
        let outcome = try SAXParser.parse(path: path, handler: fromFile)
        let (fromBytes, _) = Self.parse(xml)
        #expect(outcome == .init(stopped: false, failure: nil))
        #expect(fromFile.events.count == 2 + 3 * 20_000)
        #expect(fromFile.events == fromBytes.events)
        #expect(fromFile.events[3 * 19_999 + 1] == "start {urn:l}item [{urn:k}n=19999 & å] line 20002")
    }

    @Test func aDeclaredLatin1DocumentArrivesAsUTF8() {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r n=\"".utf8) + [0xC5, 0x73, 0x61]
            + Array("\">".utf8) + [0x53, 0x6A, 0xF6, 0x68, 0x75, 0x6C, 0x74] + Array("</r>".utf8)
        let (r, outcome) = Self.parse(bytes: bytes)
        #expect(outcome.failure == nil)
        #expect(r.events == ["start {}r [{}n=Åsa] line 1", "text Sjöhult", "end {}r"])
    }

    @Test func aUTF16DocumentWithItsByteOrderMarkArrivesAsUTF8() {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><r n=\"Åsa\">Sjöhult &amp; ärende</r>"
        let bytes: [UInt8] = [0xFF, 0xFE] + xml.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let (r, outcome) = Self.parse(bytes: bytes)
        #expect(outcome.failure == nil)
        #expect(r.events == ["start {}r [{}n=Åsa] line 1", "text Sjöhult & ärende", "end {}r"])
    }

    @Test func deepNestingIsReadWithoutRecursion() {
        // libxml2's push parser has no depth limit of its own (its 256 applies to trees); events
        // go to the handler one by one, so depth costs the handler's stack, not the call stack.
        let xml = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        let (r, outcome) = Self.parse(xml)
        #expect(outcome == .init(stopped: false, failure: nil))
        #expect(r.events.count == 20_000 && r.events.last == "end {}a")
    }

    @Test func aMissingFileOrASymlinkIsAnIOErrorNamingIt() throws {
        let dir = NSTemporaryDirectory() + "bevara-sax-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("<r/>".utf8).write(to: URL(fileURLWithPath: dir + "/real.xml"))
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.xml", withDestinationPath: dir + "/real.xml")
        for name in ["missing.xml", "link.xml"] {
            #expect(throws: IOError.self) { try SAXParser.parse(path: dir + "/" + name, handler: Recorder()) }
            do { _ = try SAXParser.parse(path: dir + "/" + name, handler: Recorder()) } catch {
                #expect(error.path == dir + "/" + name && error.operation == "open")
            }
        }
    }
}
