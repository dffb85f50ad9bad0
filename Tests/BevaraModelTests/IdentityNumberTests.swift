import Foundation
import BevaraModel
import Testing

@Suite struct IdentityNumberTests {
    @Test func personnummerSpellingsAgree() {
        // 19121212-1212 is the Swedish Tax Agency's well-known test number (valid Luhn).
        for spelling in ["191212121212", "19121212-1212", "121212+1212"] {
            #expect(IdentityNumber(spelling, referenceYear: 2026).canonical == "191212121212")
        }
        // Without century or '+', a ten-digit number is taken as under 100 years old.
        for spelling in ["121212-1212", "1212121212"] {
            #expect(IdentityNumber(spelling, referenceYear: 2026).canonical == "201212121212")
        }
        let n = IdentityNumber("19121212-1212")
        #expect(n.isValid)
        #expect(n.kind == .personnummer)
        #expect(n.masked == "19121212-****")
    }

    /// The raw value is trimmed exactly as Foundation's `.whitespacesAndNewlines` trims, byte for byte.
    @Test(arguments: ["19121212-1212", " 19121212-1212\n", "\u{00A0}121212+1212\u{2003}", "\r\n5566778899\r\n", "\u{FEFF}1212",
                      "\u{3000}", "", "12 12 12-1212\u{0085}"])
    func rawTrimmedAsFoundationTrims(value: String) {
        let expected = value.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Array(IdentityNumber(value, referenceYear: 2026).raw.utf8) == Array(expected.utf8))
    }

    @Test func centuryInferredAndPlusMeansCentenarian() {
        #expect(IdentityNumber("650412-1234", referenceYear: 2026).canonical == "196504121234")
        #expect(IdentityNumber("200412-1234", referenceYear: 2026).canonical == "202004121234")
        #expect(IdentityNumber("300412-1234", referenceYear: 2026).canonical == "193004121234")
        #expect(IdentityNumber("121212+1212", referenceYear: 2026).canonical == "191212121212")
    }

    @Test func organisationNumber() {
        // 556036-0793 is a widely published organisationsnummer format example with a valid check digit.
        let n = IdentityNumber("556036-0793")
        #expect(n.kind == .organisationsnummer)
        #expect(n.isValid)
        #expect(n.masked == "556036-0793")
    }

    @Test func luhnRejectsWrongCheckDigit() {
        #expect(!IdentityNumber("19121212-1213").isValid)
        #expect(!IdentityNumber("12345").isValid)
    }

    /// Protected identities are often exported with the last four digits withheld: such a number
    /// is recognised as masked (a person's, not a malformed value), never as a wrong check digit.
    @Test func maskedNumberIsRecognisedAsMasked() {
        let n = IdentityNumber("19780623-****")
        #expect(n.isMasked && n.kind == .personnummer && n.canonical == nil && !n.isValid)
        #expect(n.masked == "19780623-****")
        for spelling in ["780623-XXXX", "19780623xxxx", "780623+****"] {
            #expect(IdentityNumber(spelling).isMasked, "\(spelling)")
        }
        #expect(IdentityNumber("19780683-****").kind == .samordningsnummer)
        for notMasked in ["19780623-9848", "1978062-****", "19780623-***", "19780623-*****", "abcdefgh-****", "****"] {
            #expect(!IdentityNumber(notMasked).isMasked, "\(notMasked)")
        }
        #expect(IdentityNumber("12345").kind == .unknown)
    }

    /// The default reference year is the calendar's, and a `+` anywhere in the raw value marks
    /// a number of someone 100 or older.
    @Test func currentYearAndPlusAsTheFoundationDefinitions() {
        #expect(IdentityNumber.currentYear() == Calendar(identifier: .gregorian).component(.year, from: Date()))
        for raw in ["121212+1212", "+121212-1212", "121212-1212", "12121212 12", "121212 + 1212"] {
            let year = IdentityNumber.currentYear()
            let century = (year / 100) * 100 - (Int(raw.filter(\.isNumber).prefix(2))! + (year / 100) * 100 > year ? 100 : 0)
                - (raw.contains("+") ? 100 : 0)
            #expect(IdentityNumber(raw).canonical == String(century / 100) + raw.filter(\.isNumber), "\(raw)")
        }
    }
}
