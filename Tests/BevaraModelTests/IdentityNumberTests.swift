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
}
