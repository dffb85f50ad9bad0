import BevaraModel
import Foundation
import Testing

/// `trimmedWhitespace()` gives exactly what Foundation's `.whitespacesAndNewlines` trimming gives.
@Suite struct StringTrimmingTests {
    @Test(arguments: ["", " ", "\n\t ", "KS 2024/17", "  KS 2024/17 ", "\u{00A0}Åsa Öberg\u{2003}", "\r\nrad\r\n",
                      "ä", " ä ", "mitt i\u{00A0}texten", "\u{FEFF}bom", "\u{3000}ideografisk\u{3000}", "x\u{0085}",
                      "Åsa Öberg", "Öberg ö", "ö\u{00A0}", "\u{00A0}ö", "\u{0085}x", "é", "ÿ", "x\u{0080}", "\u{009F}Ä",
                      "Ärende\u{2028}", "\u{00C0}\u{0301}", "å\u{1680}",
                      // ASCII white space at the ends, trimmed by byte when what is left allows.
                      "\n      ", "\n  KS 2024/17\n  ", " \tÅsa Öberg\r\n", "\n\u{2003}x\n", " x\u{00A0} ", "\r\n",
                      "  ö\u{0085}  ", "\u{0B}\u{0C}x\u{0B}", " \u{0085}ö ", "\n\u{00A0}\n", " ä\u{0301} ", " \u{1C}x "])
    func agreesWithFoundation(value: String) {
        #expect(value.trimmedWhitespace() == value.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Where `hasPrintableASCIIEnds` lets a caller skip trimming, neither white-space set trims anything.
    @Test(arguments: ["", "a", " a", "a\t", "\u{00A0}x", "x\u{2003}", "representations/rep1/data/a.pdf", "ä", "x ä x", "\nx"])
    func printableASCIIEndsMeanNothingToTrim(value: String) {
        if value.hasPrintableASCIIEnds {
            #expect(value.trimmingCharacters(in: .whitespaces) == value)
            #expect(value.trimmingCharacters(in: .whitespacesAndNewlines) == value)
        }
        let utf8 = Array(value.utf8)
        #expect(value.hasPrintableASCIIEnds == (!utf8.isEmpty && (0x21...0x7E).contains(utf8.first!) && (0x21...0x7E).contains(utf8.last!)))
    }

    @Test func isASCIIIsEveryByteBelow0x80() {
        for value in ["", "KS 2024/17", "\u{7F}\t\r\n", "å", "Åsa", "x\u{0301}", "\u{2003}"] {
            #expect(value.isASCII == Array(value.utf8).allSatisfy { $0 < 0x80 }, "\(value)")
        }
        #expect("KS 2024/17".isASCII && !"Åsa".isASCII)
    }
}
