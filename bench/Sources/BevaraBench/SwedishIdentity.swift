import BevaraModel

/// Valid (Luhn-checked) personnummer and organisationsnummer for synthetic parties.
enum SwedishIdentity {
    /// `YYYYMMDD-NNNC` for person `n`, born between 1930 and 2009.
    static func personnummer(_ n: Int) -> String {
        var rng = SplitMix64(seed: 0x706E, stream: 1, index: UInt64(n))
        let year = 1930 + rng.below(80), month = 1 + rng.below(12), day = 1 + rng.below(28)
        let serial = rng.below(1000)
        let nine = CivilDay.pad(year % 100, 2) + CivilDay.pad(month, 2) + CivilDay.pad(day, 2) + CivilDay.pad(serial, 3)
        let ten = nine + String(checkDigit(nine))
        return CivilDay.pad(year, 4) + String(ten.dropFirst(2).prefix(4)) + "-" + String(ten.suffix(4))
    }

    /// `55NNNN-NNNC`: an aktiebolag's organisationsnummer for company `n`.
    static func organisationsnummer(_ n: Int) -> String {
        let nine = "55" + CivilDay.pad(n % 10_000_000, 7)
        let ten = nine + String(checkDigit(nine))
        return String(ten.prefix(6)) + "-" + String(ten.suffix(4))
    }

    /// The digit that makes `nine` + digit pass the Luhn check.
    static func checkDigit(_ nine: String) -> Int {
        (0...9).first { IdentityNumber.luhnValid(nine + String($0)) } ?? 0
    }
}
