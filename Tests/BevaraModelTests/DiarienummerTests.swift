import Foundation
import BevaraModel
import Testing

@Suite struct DiarienummerTests {
    @Test func keepsVerbatimAndNormalisesSearchKey() {
        let d = Diarienummer("  KS 2021/0123 ")
        #expect(d.verbatim == "KS 2021/0123")
        #expect(d.searchKey == "KS 2021/123")
        #expect(Diarienummer("ks 2021-123").searchKey == "KS 2021/123")
        #expect(Diarienummer("LKS 2016-448").searchKey == "LKS 2016/448")
        #expect(Diarienummer("0128/22").searchKey == "2022/128")
        #expect(Diarienummer("BYGG 2021-000771").searchKey == "BYGG 2021/771")
        #expect(Diarienummer("KS/2016:42").searchKey == "KS 2016/42")
        #expect(Diarienummer("2019000123").searchKey == "2019/123")
        #expect(Diarienummer("KS 2021/123").prefix == "KS")
    }

    /// The verbatim value is trimmed exactly as Foundation's `.whitespacesAndNewlines` trims
    /// (it was until `trimmedWhitespace()` replaced it for speed), byte for byte.
    @Test(arguments: ["KS 2021/1", " KS 2021/1", "KS 2021/1\r\n", "\u{00A0}KS 2021/1\u{3000}", "\u{FEFF}KS 1", "\u{2028}x\u{0085}",
                      " \u{0301}KS", "KS\u{00A0}2021/1", "", " \t "])
    func verbatimTrimmedAsFoundationTrims(value: String) {
        let expected = value.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Array(Diarienummer(value).verbatim.utf8) == Array(expected.utf8))
    }

    @Test func differentDiariaStayDifferent() {
        #expect(Diarienummer("KS 2021/1").searchKey != Diarienummer("BUN 2021/1").searchKey)
    }
}
