import BevaraModel
import Foundation
import Testing

/// `trimmedWhitespace()` gives exactly what Foundation's `.whitespacesAndNewlines` trimming gives.
@Suite struct StringTrimmingTests {
    @Test(arguments: ["", " ", "\n\t ", "KS 2024/17", "  KS 2024/17 ", "\u{00A0}Åsa Öberg\u{2003}", "\r\nrad\r\n",
                      "ä", " ä ", "mitt i\u{00A0}texten", "\u{FEFF}bom", "\u{3000}ideografisk\u{3000}", "x\u{0085}"])
    func agreesWithFoundation(value: String) {
        #expect(value.trimmedWhitespace() == value.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
