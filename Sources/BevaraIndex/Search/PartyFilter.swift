import BevaraModel

/// A party filter: an identity number (exact, canonical digits) or name words (full text).
enum PartyFilter: Equatable {
    case identity(String)
    /// An FTS5 expression over the `parties` column.
    case name(String)

    init(_ input: String) throws {
        let text = input.trimmingCharacters(in: .whitespacesAndNewlines)
        let digits = text.filter { $0.isASCII && $0.isNumber }
        let numberLike = text.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "-" || $0 == "+" || $0 == " " }
        if numberLike, digits.count == 10 || digits.count == 12, let key = IdentityNumber(text).canonical {
            self = .identity(key)
            return
        }
        let words = TextPattern.quotedWords(text)
        guard !words.isEmpty else {
            throw IndexError.invalidFilter(field: "party", value: input, reason: "neither a 10- or 12-digit number nor name words")
        }
        self = .name("parties : (" + words + ")")
    }
}
