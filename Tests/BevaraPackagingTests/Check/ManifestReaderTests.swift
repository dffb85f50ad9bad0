@testable import BevaraPackaging
import Foundation
import Testing

/// The manifest's line reader and its byte-level split of the usual line.
@Suite struct ManifestReaderTests {
    @Test func lineReaderGivesEveryLineAcrossChunks() throws {
        var generator = SystemRandomNumberGenerator()
        var lines: [String] = []
        var text = ""
        for i in 0..<3000 {
            let line = String(repeating: "x", count: Int.random(in: 0...150, using: &generator)) + "\(i)"
            lines.append(line)
            text += line + (i % 7 == 0 ? "\r\n" : "\n")
        }
        text += "sista utan radslut\r"
        lines.append("sista utan radslut")
        let path = NSTemporaryDirectory() + "bevara-lines-\(UUID().uuidString)"
        defer { unlink(path) }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let reader = try #require(LineReader(path: path))
        var read: [String] = []
        while let line = try reader.next() { read.append(String(decoding: line, as: UTF8.self)) }
        #expect(text.utf8.count > 3 * 65_536)
        #expect(read == lines)
    }

    @Test func plainLineSplitsAsTheGeneralParserDoes() {
        let hex = "0123456789abcdefABCDEF0123456789abcdef0123456789abcdef0123456789"
        #expect(hex.utf8.count == 64)
        let plain = ManifestReader.plainLine(Array((hex + "  filer/ärende 1/a.pdf").utf8))
        #expect(plain?.0 == hex && plain?.1 == "filer/ärende 1/a.pdf")
        #expect(ManifestReader.plainLine(Array((hex + " *b.pdf").utf8))?.1 == "b.pdf")
        #expect(ManifestReader.plainLine(Array((hex + "  ").utf8))?.1 == "")
        // Anything else is left to the general parser.
        for other in [hex + " b.pdf", String(hex.dropLast()) + "g  b.pdf", String(hex.dropLast()) + "  b.pdf",
                      "  " + hex + "  b.pdf", "", "   "] {
            #expect(ManifestReader.plainLine(Array(other.utf8)) == nil, "\(other)")
        }
    }
}
