import BevaraFixtures
/// Makes case `i` of organisation `o` of a `CorpusPlan`: Swedish titles per diarium, parties
/// drawn from a per-organisation population (so one person appears in several cases, as in a
/// real register), records dated over weeks after the case opened, secrecy where a social
/// services case would have it, and document text for a share of the records.
struct CaseSynthesizer {
    let plan: CorpusPlan
    private let firstNames = ZipfPicker(Vocabulary.firstNames, exponent: 0.8)
    private let surnames = ZipfPicker(Vocabulary.surnames, exponent: 0.9)
    private let places = ZipfPicker(Vocabulary.places, exponent: 0.7)
    private let themes = ZipfPicker(Vocabulary.themes, exponent: 0.7)
    private let textWords: ZipfPicker<String>
    private let diaria: [(prefix: String, weight: Int, templates: [String])]
    private let diariumWeights: [Double]
    static let statuses = ["closed", "closed", "closed", "closed", "closed", "closed", "open", "open", "dormant", "cancelled"]
    static let classes = ["KS": ["1.1", "1.4", "2.1", "2.4"], "BN": ["4.1", "4.2", "4.3"], "SN": ["7.1", "7.2", "7.4"],
                          "BUN": ["6.1", "6.3"], "MHN": ["5.1", "5.2", "5.4"]]
    static let units = ["KS": "Kommunstyrelsen", "BN": "Byggnadsnämnden", "SN": "Socialnämnden",
                        "BUN": "Barn- och utbildningsnämnden", "MHN": "Miljö- och hälsoskyddsnämnden"]

    init(plan: CorpusPlan) {
        self.plan = plan
        var vocabulary = Vocabulary.words
        for head in Vocabulary.compoundHeads {
            for tail in Vocabulary.compoundTails { vocabulary.append(head + tail) }
        }
        vocabulary += Vocabulary.themes + Vocabulary.places.map { $0.lowercased() }
        textWords = ZipfPicker(vocabulary, exponent: 1.0)
        diaria = Vocabulary.diaria
        diariumWeights = diaria.map { Double($0.weight) }
    }

    /// People per organisation: about one for every two cases.
    func population(_ o: Int) -> Int { max(10, plan.plannedCases(o) / 2) }

    /// Person `k` of organisation `o`: a name and a personnummer that stay the same in every case.
    func person(organisation o: Int, _ k: Int) -> (name: String, number: String, protected: Bool) {
        let id = o * 100_000_000 + k
        var rng = SeededRandom(seed: plan.seed, stream: 2, substream: UInt64(id))
        let name = firstNames.pick(&rng) + " " + surnames.pick(&rng)
        var birth = SeededRandom(seed: plan.seed, stream: 3, substream: UInt64(id))
        return (name, FictionalIdentity.randomPersonnummer(&birth), rng.chance(0.005))
    }

    func makeCase(organisation o: Int, index i: Int) -> SyntheticCase {
        var rng = SeededRandom(seed: plan.seed, stream: UInt64(o + 10), substream: UInt64(i))
        let org = plan.organisations[o]
        let year = plan.year(organisation: o, case: i)
        let diarium = diaria[rng.weightedIndex(diariumWeights)]
        let dnr = "\(diarium.prefix) \(year)/\(plan.number(organisation: o, case: i))"

        // Parties first: the title may name a property and a company.
        var parties: [SyntheticCase.Party] = []
        let applicant = person(organisation: o, rng.below(population(o)))
        parties.append(.init(name: applicant.name, organisation: nil, role: "applicant", identityNumber: applicant.number,
                             protectedIdentity: applicant.protected, recordIndex: nil))
        if rng.chance(0.3) {
            let other = person(organisation: o, rng.below(population(o)))
            parties.append(.init(name: other.name, organisation: nil, role: "counterpart", identityNumber: other.number,
                                 protectedIdentity: other.protected, recordIndex: nil))
        }
        let companyNumber = o * 1_000_000 + rng.below(max(5, plan.plannedCases(o) / 20))
        let place = places.pick(&rng)
        let company = "\(place) \(Vocabulary.companies[companyNumber % Vocabulary.companies.count]) AB"
        if rng.chance(0.25) || diarium.prefix == "MHN" {
            parties.append(.init(name: company, organisation: company, role: "counterpart",
                                 identityNumber: organisationsnummer(companyNumber), protectedIdentity: false,
                                 recordIndex: nil))
        }
        let property = "\(place) \(1 + rng.below(30)):\(1 + rng.below(200))"
        let title = rng.pick(diarium.templates)
            .replacingOccurrences(of: "{f}", with: property)
            .replacingOccurrences(of: "{p}", with: place)
            .replacingOccurrences(of: "{c}", with: company)
            .replacingOccurrences(of: "{w}", with: themes.pick(&rng))

        let social = diarium.prefix == "SN"
        let caseRestricted = social && rng.chance(0.5)
        let openedDay = CivilDate(year: year, month: 1, day: 1).daysSinceEpoch + rng.below(365)
        var day = openedDay
        let count = 1 + rng.below(2 * plan.meanRecordsPerCase - 1)
        var records: [SyntheticCase.Record] = []
        for r in 0..<count {
            let kind = r == 0 ? Vocabulary.recordTypes[0] : rng.pick(Vocabulary.recordTypes)
            let restricted = caseRestricted ? rng.chance(0.8) : rng.chance(0.03)
            let legal: String? = !restricted ? nil : social ? "OSL 26 kap. 1 §"
                : (rng.chance(0.9) ? rng.pick(Vocabulary.legalReferences) : nil)
            let recordTitle = kind.direction == "incoming" && rng.chance(0.4)
                ? "\(kind.type) från \(parties[0].protectedIdentity ? "sökande" : parties[0].name)"
                : "\(kind.type): \(title)"
            var file: SyntheticCase.File?
            if rng.chance(plan.textFraction) {
                file = makeFile(dnr: dnr, record: r + 1, kind: kind.type, title: title, party: parties[0].name,
                                property: property, rng: &rng)
            }
            records.append(.init(recordID: "\(dnr):\(r + 1)", type: kind.type, direction: kind.direction,
                                 date: CivilDate(daysSinceEpoch: day).description, title: recordTitle, restricted: restricted, legalReference: legal,
                                 file: file))
            if kind.direction == "incoming", r > 0, rng.chance(0.3) {
                let sender = person(organisation: o, rng.below(population(o)))
                parties.append(.init(name: sender.name, organisation: nil, role: "sender", identityNumber: sender.number,
                                     protectedIdentity: sender.protected, recordIndex: r))
            }
            day += rng.below(40)
        }
        let status = rng.pick(Self.statuses)
        return SyntheticCase(
            organisationID: org.id, diarienummer: dnr, diariumPrefix: diarium.prefix, year: year, title: title, status: status,
            opened: CivilDate(daysSinceEpoch: openedDay).description,
            closed: status == "closed" ? CivilDate(daysSinceEpoch: day).description : nil,
            classification: rng.pick(Self.classes[diarium.prefix] ?? ["1.1"]), unit: Self.units[diarium.prefix] ?? "Kommunstyrelsen",
            officer: firstNames.pick(&rng) + " " + surnames.pick(&rng), restricted: caseRestricted,
            legalReference: caseRestricted ? "OSL 26 kap. 1 §" : nil, parties: parties, records: records)
    }

    private func makeFile(dnr: String, record: Int, kind: String, title: String, party: String, property: String,
                          rng: inout SeededRandom) -> SyntheticCase.File {
        var text = "\(kind)\n\(title)\nDiarienummer \(dnr)\n\(party)\nFastighet \(property)\n"
        let words = plan.textWords / 2 + rng.below(plan.textWords + 1)
        for w in 0..<words {
            text += textWords.pick(&rng)
            text += (w % 12 == 11) ? ".\n" : " "
        }
        var hex = ""
        for _ in 0..<4 { hex += String(format: "%016llx", rng.next()) }
        let folder = dnr.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "/", with: "_")
        return .init(logicalPath: "representations/rep1/data/\(folder)/\(record)-\(kind.lowercased()).pdf",
                     size: Int64(text.utf8.count * 9 + rng.below(200_000)), sha256: hex, mime: "application/pdf",
                     puid: "fmt/354", text: text)
    }

    /// Company `n`'s organisationsnummer: the same in every case that names it.
    private func organisationsnummer(_ n: Int) -> String {
        var rng = SeededRandom(seed: plan.seed, stream: 4, substream: UInt64(n))
        return FictionalIdentity.randomOrganisationsnummer(&rng, series: "559")
    }
}
