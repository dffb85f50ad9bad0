import BevaraModel

/// A party filter: an identity number (exact, canonical digits) or name words (full text).
enum PartyFilter: Equatable {
    /// Canonical 12-digit keys to look up: one, or two for a 10-digit personnummer whose
    /// century the digits do not fix (see `init`).
    case identity([String])
    /// An FTS5 expression over the `parties` column.
    case name(String)

    init(_ input: String) throws {
        let text = input.trimmingCharacters(in: .whitespacesAndNewlines)
        let digits = text.filter { $0.isASCII && $0.isNumber }
        let numberLike = text.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "-" || $0 == "+" || $0 == " " }
        if numberLike, digits.count == 10 || digits.count == 12, let key = IdentityNumber(text).canonical {
            // `121212-1212` means born 2012 today, but an archived record written in 1990 used
            // the same form for someone born 1912 (the `+` comes only at 100): look up both.
            if digits.count == 10, !text.contains("+"), IdentityNumber(text).kind != .organisationsnummer,
               let century = Int(key.prefix(2)) {
                self = .identity([key, String(century - 1) + key.dropFirst(2)])
            } else {
                self = .identity([key])
            }
            return
        }
        let words = TextPattern.quotedWords(text)
        guard !words.isEmpty else {
            throw IndexError.invalidFilter(field: "party", value: input, reason: "neither a 10- or 12-digit number nor name words")
        }
        self = .name("parties : (" + words + ")")
    }
}
