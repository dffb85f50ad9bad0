import BevaraFixtures
/// Facts of one generated case that queries are made from: its organisation, number, a party,
/// a record date and words of its title, so every query kind has hits to find.
struct QuerySample {
    var organisationID: String
    var diarienummer: String
    var diariumPrefix: String
    var year: Int
    var partyName: String
    var partyNumber: String
    var recordDay: Int
    /// Title words of four letters or more, and all title words in order (for phrases).
    var titleWords: [String]
    var titleTokens: [String]

    init(_ c: SyntheticCase) {
        organisationID = c.organisationID
        diarienummer = c.diarienummer
        diariumPrefix = c.diariumPrefix
        year = c.year
        let party = c.parties.first { !$0.protectedIdentity && $0.organisation == nil } ?? c.parties[0]
        partyName = party.name
        partyNumber = party.identityNumber
        let date = c.records[c.records.count / 2].date.split(separator: "-").compactMap { Int($0) }
        recordDay = CivilDate(year: date[0], month: date[1], day: date[2]).daysSinceEpoch
        titleTokens = c.title.split(whereSeparator: { !$0.isLetter }).map(String.init)
        titleWords = titleTokens.filter { $0.count >= 4 }
    }
}
