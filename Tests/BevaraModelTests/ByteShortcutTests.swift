@testable import BevaraModel
import Testing

/// Case numbers and identity numbers are read by byte when they are ASCII; the answers must be
/// those of reading their characters.
@Suite struct ByteShortcutTests {
    static let caseNumbers = [
        "KS 2021/123", "ks-2021-0123", "MHN 2017/2451", "BN 2011/", "SN 2010/726", "KS2021/17", "2019000123", "0128/22",
        "KS 21/7", "Dnr KS 2021:45", "  KS  2021 / 123 ", "KS.2021.123", "A1B2C3", "", "/", "2021", "KS", "KS 2021/12/3",
        "ÄN 2021/5", "KS 2021/１２", "K\u{301}S 2021/1", "KS 2021/1\u{301}2", "Bygg-och miljö 2020/44", "KS\t2021/1",
        "KS\r\n2021/1", "ks 2021/0", "x9y8z7", "~!@#$%^&*()", "KS 99999999999999999999/1",
    ]

    @Test func caseNumberRunsAsByCharacters() {
        for value in Self.caseNumbers {
            let fast = Diarienummer.runs(value)
            let slow = Diarienummer.runs(ofCharacters: value)
            #expect(fast.letters == slow.letters && fast.numbers == slow.numbers, "\(value.debugDescription)")
        }
        #expect(Diarienummer("ks 2021-0123").searchKey == "KS 2021/123")
    }

    static let identityNumbers = [
        "19650412-1234", "650412-1234", "6504121234", "196504121234", "556123-4567", "5561234567", "19780623-****",
        "780623-XXXX", "650412+1234", " 19650412 1234 ", "", "abc", "19650412-12345", "１９６５0412-1234",
        "1965041\u{301}2-1234", "19650412\r\n1234", "٣٤٥", "0000000000",
    ]

    @Test func identityDigitsAndLuhnAsByCharacters() {
        for value in Self.identityNumbers {
            #expect(IdentityNumber.asciiDigits(value) == value.filter { $0.isASCII && $0.isNumber }, "\(value.debugDescription)")
        }
        func luhnByCharacters(_ digits: String) -> Bool {
            var sum = 0
            for (i, ch) in digits.reversed().enumerated() {
                guard let d = ch.wholeNumberValue else { return false }
                sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d
            }
            return sum % 10 == 0
        }
        for digits in ["6504121234", "6504121235", "5561234567", "0000000000", "", "12a4", "١٢٣", "12\r\n", "4992739871", "79927398713"] {
            #expect(IdentityNumber.luhnValid(digits) == luhnByCharacters(digits), "\(digits.debugDescription)")
        }
    }

    /// MIME types compared by byte when ASCII answer as lower-casing both does.
    @Test func mimeComparisonAsByLowerCasing() {
        let values = ["application/pdf", "Application/PDF", "APPLICATION/PDF", "application/pdf ", "application/pd",
                      "text/xml", "TEXT/XML", "text/xmk", "", "İ", "i\u{307}", "ß", "SS", "ss", "image/jpeg", "image/JPEG\u{301}"]
        for a in values {
            for b in values {
                #expect(AcceptedFormat.sameIgnoringCase(a, b) == (a.lowercased() == b.lowercased()), "\(a.debugDescription) \(b.debugDescription)")
            }
        }
        #expect(AcceptedFormat(mime: "application/PDF").matches(mime: "Application/pdf", puid: nil))
    }
}
