/// The shape of a synthetic archive: organisations (weighted: Trollhättan holds more than
/// Lysekil), how many records in all, and how much document text. Cases are numbered per
/// organisation and year; `makeCase` regenerates any case alone from its index.
struct CorpusPlan {
    struct OrganisationShare {
        var id: String
        var name: String
        var weight: Int
    }

    static let allOrganisations = [
        OrganisationShare(id: "vanersborg", name: "Vänersborgs kommun", weight: 4),
        OrganisationShare(id: "trollhattan", name: "Trollhättans stad", weight: 5),
        OrganisationShare(id: "uddevalla", name: "Uddevalla kommun", weight: 5),
        OrganisationShare(id: "lysekil", name: "Lysekils kommun", weight: 2),
        OrganisationShare(id: "grastorp", name: "Grästorps kommun", weight: 1),
    ]
    static let firstYear = 2005
    static let years = 20

    var seed: UInt64
    var records: Int
    var organisations: [OrganisationShare]
    var meanRecordsPerCase: Int
    /// Share of records that carry a file with extracted text.
    var textFraction: Double
    /// Mean words of text per such file.
    var textWords: Int

    /// Records per organisation, summing to `records`.
    var recordsPerOrganisation: [Int] {
        let total = organisations.reduce(0) { $0 + $1.weight }
        var shares = organisations.map { records * $0.weight / total }
        shares[0] += records - shares.reduce(0, +)
        return shares
    }

    /// The number of cases planned for organisation `o` (the last one may be cut short).
    func plannedCases(_ o: Int) -> Int {
        max(1, (recordsPerOrganisation[o] + meanRecordsPerCase - 1) / meanRecordsPerCase)
    }

    /// Year of case `i` of organisation `o`: cases fill the years in order, as a diarium does.
    func year(organisation o: Int, case i: Int) -> Int {
        Self.firstYear + min(Self.years - 1, i * Self.years / plannedCases(o))
    }

    /// The case's number within its year (one series per year, shared by the diaria).
    func number(organisation o: Int, case i: Int) -> Int {
        let k = year(organisation: o, case: i) - Self.firstYear
        let first = (k * plannedCases(o) + Self.years - 1) / Self.years
        return i - first + 1
    }
}
