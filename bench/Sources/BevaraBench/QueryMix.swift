import BevaraIndex
import BevaraFixtures

/// Varied queries of each kind, made deterministically from the corpus samples: numbers in
/// different spellings, some that find nothing, names in full and surnames alone, ranges from a
/// week to a quarter, and full text as single words, AND, prefixes, phrases and OR.
struct QueryMix {
    struct Item {
        var kind: QueryKind
        var organisationID: String
        var query: SearchQuery
        /// The same query as `bevara search` arguments.
        var arguments: [String]
    }

    let samples: [QuerySample]

    func make(_ kind: QueryKind, count: Int, seed: UInt64) -> [Item] {
        var rng = SeededRandom(seed: seed, stream: 77, substream: UInt64(QueryKind.allCases.firstIndex(of: kind)!))
        return (0..<count).map { _ in item(kind, samples[rng.below(samples.count)], &rng) }
    }

    private func item(_ kind: QueryKind, _ s: QuerySample, _ rng: inout SeededRandom) -> Item {
        switch kind {
        case .diarienummerExact:
            var dnr = s.diarienummer
            switch rng.below(10) {
            case 0: dnr = "\(s.diariumPrefix) \(s.year)/\(900_000 + rng.below(1000))"   // no such case
            case 1, 2: dnr = dnr.lowercased().replacingOccurrences(of: "/", with: "-")
            case 3:   // zero-padded number, as some systems print it
                let parts = dnr.split(separator: "/")
                dnr = "\(parts[0])/" + String(repeating: "0", count: max(0, 4 - parts[1].count)) + parts[1]
            default: break
            }
            return make(kind, s, SearchQuery(diarienummer: dnr), ["--diarienummer", dnr])
        case .diarienummerPrefix:
            let prefix = rng.chance(0.8) ? "\(s.diariumPrefix) \(s.year)/" : "\(s.diariumPrefix) \(s.year - rng.below(3))/"
            return make(kind, s, SearchQuery(diarienummer: prefix), ["--diarienummer", prefix])
        case .partyName:
            let name = rng.chance(0.75) ? s.partyName : String(s.partyName.split(separator: " ").last!)
            return make(kind, s, SearchQuery(party: name), ["--party", name])
        case .partyNumber:
            // Stored as `YYYYMMDD-NNNC`; asked as that, as ten digits with a dash, or as twelve digits.
            let digits = s.partyNumber.filter(\.isNumber)
            let number: String
            switch rng.below(3) {
            case 0: number = s.partyNumber
            case 1: number = String(digits.dropFirst(2).prefix(6)) + "-" + String(digits.suffix(4))
            default: number = digits
            }
            return make(kind, s, SearchQuery(party: number), ["--party", number])
        case .dateRange:
            let from = s.recordDay - rng.below(30)
            let span = [6, 30, 91][rng.below(3)]
            let a = CivilDate(daysSinceEpoch: from).description, b = CivilDate(daysSinceEpoch: from + span).description
            return make(kind, s, SearchQuery(from: a, to: b), ["--from", a, "--to", b])
        case .fullText:
            let text = fullText(s, &rng)
            return make(kind, s, SearchQuery(text: text), ["--text", text])
        }
    }

    private func fullText(_ s: QuerySample, _ rng: inout SeededRandom) -> String {
        let words = s.titleWords.isEmpty ? ["ansökan"] : s.titleWords
        let word = rng.pick(words).lowercased()
        switch rng.below(8) {
        case 0, 1: return word
        case 2: return "\(word) \(rng.pick(Vocabulary.words.filter { $0.count > 5 }))"
        case 3: return String(word.prefix(max(3, word.count - 3))) + "*"
        case 4:
            guard s.titleTokens.count >= 2 else { return word }
            let at = rng.below(s.titleTokens.count - 1)
            return "\"\(s.titleTokens[at...at + 1].joined(separator: " ").lowercased())\""
        case 5: return "\(word) OR \(rng.pick(Vocabulary.themes))"
        case 6: return "\(rng.pick(Vocabulary.compoundHeads))\(rng.pick(Vocabulary.compoundTails))"
        default: return "\(word) \(String(s.partyName.split(separator: " ").last!))"
        }
    }

    private func make(_ kind: QueryKind, _ s: QuerySample, _ query: SearchQuery, _ arguments: [String]) -> Item {
        Item(kind: kind, organisationID: s.organisationID, query: query, arguments: arguments)
    }

    /// `count` queries of every kind for one organisation, as `kind<TAB>arguments…` lines.
    func commandLines(organisationID: String, count: Int, seed: UInt64) -> [String] {
        let own = QueryMix(samples: samples.filter { $0.organisationID == organisationID })
        guard !own.samples.isEmpty else { return [] }
        return QueryKind.allCases.flatMap { kind in
            own.make(kind, count: count, seed: seed).map { ([kind.rawValue] + $0.arguments).joined(separator: "\t") }
        }
    }
}
