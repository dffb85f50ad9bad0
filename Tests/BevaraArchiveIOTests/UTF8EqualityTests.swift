import BevaraArchiveIO
import Foundation
import Testing

/// `hasSameUTF8(as:)` is byte equality, whatever storage the strings have.
@Suite struct UTF8EqualityTests {
    @Test func equalBytesOnlyNotCanonicalEquivalence() {
        let composed = "representations/rep1/data/l\u{E5}da"
        let decomposed = "representations/rep1/data/la\u{30A}da"
        #expect(composed == decomposed)  // Swift's == equates them …
        #expect(!composed.hasSameUTF8(as: decomposed))  // … the bytes differ.
        #expect(composed.hasSameUTF8(as: String(decoding: Array(composed.utf8), as: UTF8.self)))
        #expect("".hasSameUTF8(as: "") && !"a".hasSameUTF8(as: "") && !"".hasSameUTF8(as: "a"))
        #expect(!"abc".hasSameUTF8(as: "abd") && !"abc".hasSameUTF8(as: "abcd"))
    }

    @Test func substringsAndBridgedStringsAnswerAsTheirBytesDo() {
        let path = "representations/rep1/data/KS-2021-1/0001-beslut.pdf"
        let folder = path[..<path.lastIndex(of: "/")!]
        #expect(folder.hasSameUTF8(as: "representations/rep1/data/KS-2021-1"))
        #expect(!folder.hasSameUTF8(as: "representations/rep1/data/KS-2021-2"))
        // Foundation-made strings may not be contiguous UTF-8: the element-wise way answers.
        let bridged = NSString(string: "representations/rep1/data/KS-2021-1") as String
        #expect(folder.hasSameUTF8(as: bridged) && bridged.hasSameUTF8(as: folder))
        // Every prefix and one-byte change of a short and a long string, against element-wise equality.
        for text in ["ärende", String(repeating: "ab/ö", count: 40)] {
            let bytes = Array(text.utf8)
            for cut in 0 ... bytes.count {
                var changed = bytes
                if cut < bytes.count { changed[cut] ^= 0x01 }
                for other in [Array(bytes[..<cut]), changed] {
                    let s = String(decoding: other, as: UTF8.self)
                    #expect(text.hasSameUTF8(as: s) == text.utf8.elementsEqual(s.utf8))
                }
            }
        }
    }
}
