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

    /// `hasUTF8Prefix(_:)` is a byte prefix: a decomposed "å" folder is not inside the composed one,
    /// a "/" joined to a combining mark still ends the prefix, and every cut agrees with `starts(with:)`.
    @Test func prefixByBytesNotByCharacters() {
        let root = "/srv/l\u{E5}da/"
        #expect("/srv/l\u{E5}da/filer/a.pdf".hasUTF8Prefix(root))
        #expect("/srv/la\u{30A}da/filer/a.pdf".hasPrefix(root))  // Swift's hasPrefix equates them …
        #expect(!"/srv/la\u{30A}da/filer/a.pdf".hasUTF8Prefix(root))  // … a different folder on disk.
        #expect(!"/srv/l\u{E5}da/\u{301}x".hasPrefix(root))  // "/" + a combining mark is one Character …
        #expect("/srv/l\u{E5}da/\u{301}x".hasUTF8Prefix(root))  // … but the bytes start with the folder's.
        #expect("abc".hasUTF8Prefix("") && !"".hasUTF8Prefix("a") && "".hasUTF8Prefix(""))
        let bridged = NSString(string: "/srv/l\u{E5}da/filer") as String
        #expect(bridged.hasUTF8Prefix(root) && !bridged.hasUTF8Prefix("/srv/lada/"))
        let text = "/srv/ärenden/KS-2021-1/0001-beslut.pdf"
        let bytes = Array(text.utf8)
        for cut in 0 ... bytes.count {
            var changed = Array(bytes[..<cut])
            if cut > 0 { changed[cut - 1] ^= 0x01 }
            for other in [Array(bytes[..<cut]), changed, bytes + [0x2F]] {
                let prefix = String(decoding: other, as: UTF8.self)
                #expect(text.hasUTF8Prefix(prefix) == text.utf8.starts(with: prefix.utf8))
            }
        }
    }
}
