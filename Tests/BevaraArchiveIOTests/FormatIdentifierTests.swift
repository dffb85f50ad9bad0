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

    /// `firstIndex` (memmem) finds what a plain scan finds: first match at or after `from`.
    @Test func byteSearchMatchesAPlainScan() {
        var generator = SystemRandomNumberGenerator()
        func scan(_ needle: [UInt8], _ hay: [UInt8], _ from: Int) -> Int? {
            guard !needle.isEmpty, from >= 0, from + needle.count <= hay.count else { return nil }
            return (from...(hay.count - needle.count)).first { Array(hay[$0..<($0 + needle.count)]) == needle }
        }
        for _ in 0..<300 {
            let hay = (0..<Int.random(in: 0...64, using: &generator)).map { _ in UInt8.random(in: 0...2, using: &generator) }
            let needle = (0..<Int.random(in: 0...4, using: &generator)).map { _ in UInt8.random(in: 0...2, using: &generator) }
            let from = Int.random(in: 0...max(0, hay.count + 1), using: &generator)
            #expect(FormatIdentifier.firstIndex(of: needle, in: hay, from: from) == scan(needle, hay, from),
                    "needle \(needle) in \(hay) from \(from)")
        }
    }
}
