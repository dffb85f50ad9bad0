@testable import BevaraProfiles
import Testing

/// A field is a null token as `Set<String>` says (canonical equivalence included); the length
/// bound that spares hashing long values never turns a token away.
@Suite struct NullTokensTests {
    @Test func containsAsTheSetDoes() {
        let tokens = NullTokens(["", "NULL", "OK", "ö"])
        for value in ["NULL", "OK", "O\u{212A}", "ö", "o\u{308}", ""] { #expect(tokens.contains(value), "\(value.debugDescription)") }
        for value in ["null", "NULL ", "Okänd", "KS 2021/17", "o"] { #expect(!tokens.contains(value), "\(value.debugDescription)") }
        #expect(NullTokens(["-"]).contains("-") && !NullTokens(["-"]).contains("--"))
    }
}
