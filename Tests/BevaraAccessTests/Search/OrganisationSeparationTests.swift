import BevaraAccess
import BevaraIndex
import BevaraIngest
import Foundation
import Testing

/// A registrar of one organisation cannot find, show or retrieve another organisation's records,
/// by any filter, by guessing ids, or through a disclosure request; and the answer for another
/// organisation's id is the same as for an id that does not exist.
@Suite(.serialized) struct OrganisationSeparationTests {
    func service(_ user: String) throws -> AccessService {
        try AccessService(archive: try AccessTestArchive.archive(), user: try AccessTestArchive.user(user))
    }

    /// Queries that each find something in Vänersborg's fixture.
    static let vanersborgQueries: [SearchQuery] = [
        SearchQuery(diarienummer: "KS 2021/245"), SearchQuery(diarienummer: "KS 2021/"), SearchQuery(text: "Sjövägen"),
        SearchQuery(text: "skadestånd*"), SearchQuery(party: "Sören Näslund"), SearchQuery(party: "650412-9823"),
        SearchQuery(from: "2021-08-01", to: "2021-08-31"), SearchQuery(classification: "6.3"),
    ]

    @Test(arguments: vanersborgQueries.indices)
    func everyFilterFindsItsOwnAndNothingOfTheOther(index: Int) throws {
        let query = Self.vanersborgQueries[index]
        let own = try service("registrator-vanersborg").search(query)
        #expect(own.total > 0, "\(query) should find Vänersborg records")
        let other = try service("registrator-trollhattan").search(query)
        #expect(!other.hits.contains { $0.diarienummer.hasPrefix("KS 2021/245") || $0.diarienummer == "KS 2022/17" })
        for hit in other.hits {
            // Whatever Trollhättan finds is Trollhättan's own: it shows up under show for them.
            #expect(try service("registrator-trollhattan").show(hit.diarienummer).isEmpty == false)
        }
    }

    @Test func guessedIdsOfAnotherOrganisationAnswerLikeIdsThatDoNotExist() throws {
        let trollhattan = try service("registrator-trollhattan")
        for id in ["KS 2021/245", "KS 2021/245:1", "KS 2022/17:1"] {
            #expect(throws: AccessError.notFound(id: id)) { try trollhattan.show(id) }
        }
        let missing = "KS 1999/1"
        #expect(throws: AccessError.notFound(id: missing)) { try trollhattan.show(missing) }
    }

    /// Domain scenario 5: a registrar searching a personnummer that only another organisation's
    /// records hold gets the answer a number nobody has gets: no hits, no count, and the same
    /// query plan, so the same work and the same timing class (timing itself is not asserted:
    /// the plan is what decides it, and it is deterministic).
    @Test func anotherOrganisationsPersonnummerAnswersLikeOneNobodyHas() throws {
        let vanersborgs = SearchQuery(party: "19650412-9823")
        let nobodys = SearchQuery(party: "19480301-1230")   // Luhn-valid; in no fixture
        #expect(try service("registrator-vanersborg").search(vanersborgs).total > 0)

        let trollhattan = try service("registrator-trollhattan")
        let other = try trollhattan.search(vanersborgs), none = try trollhattan.search(nobodys)
        #expect(other.total == 0 && other.hits.isEmpty && !other.totalIsLowerBound)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(other) == encoder.encode(none))

        let organisations: Set<String> = [try #require(trollhattan.user.organisationID)]
        let index = try AccessTestArchive.archive().index
        let planOther = try index.explain(vanersborgs, organisations: organisations)
        #expect(!planOther.isEmpty)
        #expect(planOther == (try index.explain(nobodys, organisations: organisations)))
    }

    @Test func aDisclosureRequestCannotReachAnotherOrganisationsRecords() throws {
        let work = try AccessTestArchive.temporaryFolder("cross-dip")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let out = work + "/dip"
        let order = DisclosureOrder(requestReference: "THN 2026/1", ids: ["KS 2021/123:1"], out: out)
        #expect(throws: AccessError.notFound(id: "KS 2021/123:1")) { try service("registrator-trollhattan").retrieve(order) }
        #expect(!FileManager.default.fileExists(atPath: out))
        // Decisions on another organisation's records are refused the same way.
        let decided = DisclosureOrder(requestReference: "THN 2026/1", ids: ["KS 2021/245:1"], decisions: ["KS 2021/245:1": .release],
                                      reason: "försök", out: out)
        #expect(throws: AccessError.notFound(id: "KS 2021/245:1")) { try service("registrator-trollhattan").retrieve(decided) }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func administratorsReadNoContentAndOfficersCannotDisclose() throws {
        #expect(throws: AccessError.self) { try service("admin").search(SearchQuery(text: "bygglov")) }
        #expect(throws: AccessError.self) { try service("admin").show("KS 2021/123") }
        let work = try AccessTestArchive.temporaryFolder("officer-dip")
        defer { try? FileManager.default.removeItem(atPath: work) }
        #expect(throws: AccessError.self) {
            try service("handlaggare-vanersborg").retrieve(DisclosureOrder(requestReference: "R", ids: ["KS 2021/123"], out: work + "/d"))
        }
    }
}
