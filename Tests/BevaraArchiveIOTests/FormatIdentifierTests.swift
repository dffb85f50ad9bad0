import BevaraArchiveIO
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
}
