import BevaraModel
@testable import BevaraProfiles
import Testing

/// The memo answers what `Diarienummer.searchKey` answers, for repeats, changes back and forth,
/// and spellings that are canonically equivalent but not the same bytes.
@Suite struct CaseKeyMemoTests {
    @Test func answersAsTheKeyItself() {
        let composed = "\u{C4}N 2021/5", decomposed = "A\u{308}N 2021/5"
        #expect(composed == decomposed && !composed.utf8.elementsEqual(decomposed.utf8))
        let numbers = ["KS 2021/123", "KS 2021/123", "ks 2021-0123", "KS 2021/123", composed, decomposed, decomposed,
                       composed, "", "", "0128/22", "2019000123", "  KS  2021 / 123 ", "KS 2021/123"]
        var memo = CaseKeyMemo()
        for number in numbers.map(Diarienummer.init) {
            let key = memo.key(of: number)
            #expect(key.utf8.elementsEqual(number.searchKey.utf8), "\(number.verbatim.debugDescription)")
        }
    }
}
