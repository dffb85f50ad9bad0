/// Identity numbers for generated parties: Luhn-valid personnummer and organisationsnummer.
///
/// They are made from the seed, not taken from any register. Organisation numbers use the
/// company (559…), non-profit association (802…) and housing co-operative (769…) series and
/// never the 212000 series that municipalities have. A generated number can by chance equal a
/// real one; fixtures that people read use the Tax Agency's published test number 19121212-1212.
package enum FictionalIdentity {
    /// The Luhn check digit for nine digits.
    static func luhnCheckDigit(_ nine: String) -> Int {
        var sum = 0
        for (i, ch) in nine.enumerated() {
            let d = ch.wholeNumberValue ?? 0
            let v = i % 2 == 0 ? d * 2 : d
            sum += v > 9 ? v - 9 : v
        }
        return (10 - sum % 10) % 10
    }

    /// `YYYYMMDD-NNNC` for a birth date and three-digit serial.
    package static func personnummer(born: CivilDate, serial: Int) -> String {
        let serialText = String(repeating: "0", count: 3 - String(serial).count) + String(serial)
        let nine = born.compact + serialText
        return "\(born.year)\(CivilDate.two(born.month))\(CivilDate.two(born.day))-\(serialText)\(luhnCheckDigit(nine))"
    }

    package static func randomPersonnummer(_ rng: inout SeededRandom) -> String {
        let born = CivilDate(year: 1935, month: 1, day: 1).adding(days: rng.below(365 * 64))
        return personnummer(born: born, serial: rng.int(in: 1...999))
    }

    /// `NNNNNN-NNNC` in the series for the organisation's legal form.
    package static func randomOrganisationsnummer(_ rng: inout SeededRandom, series: String) -> String {
        var nine = series
        while nine.count < 9 { nine += String(rng.below(10)) }
        let check = luhnCheckDigit(nine)
        return String(nine.prefix(6)) + "-" + String(nine.dropFirst(6)) + String(check)
    }

    /// The series for an invented organisation name.
    static func series(for organisation: String) -> String {
        if organisation.hasPrefix("Bostadsrättsföreningen") { return "769" }
        if organisation.hasSuffix("AB") { return "559" }
        return "802"
    }

    /// The FGS spelling: digits only, twelve for persons (with century), ten for organisations.
    static func fgsForm(_ number: String) -> String { number.filter { $0.isASCII && $0.isNumber } }
}
