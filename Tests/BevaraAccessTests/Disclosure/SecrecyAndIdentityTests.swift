import BevaraAccess
import BevaraIndex
import BevaraIngest
import Foundation
import Testing

/// Secret records are withheld without a decision and released only with one; protected
/// identities never appear in search, show or a disclosure package.
@Suite(.serialized) struct SecrecyAndIdentityTests {
    func service(_ user: String) throws -> AccessService {
        try AccessService(archive: try AccessTestArchive.archive(), user: try AccessTestArchive.user(user))
    }

    @Test func restrictedTitlesAreWithheldFromOfficersButTheirExistenceAndLagrumShow() throws {
        let officer = try service("handlaggare-vanersborg").show("KS 2021/245")
        let record = try #require(officer.first?.records.first { $0.recordID == "KS 2021/245:1" })
        #expect(record.title == AccessPolicy.withheldTitle)
        #expect(record.legalReference == "OSL 26 kap. 1 §")
        #expect(record.parties.isEmpty && record.files.allSatisfy { $0.name == nil })
        let registrar = try service("registrator-vanersborg").show("KS 2021/245")
        #expect(registrar.first?.records.first { $0.recordID == "KS 2021/245:1" }?.title.contains("Skadestånd") == true)
        // A text match on hidden words finds nothing for the officer.
        #expect(try service("handlaggare-vanersborg").search(SearchQuery(text: "Skadeståndsanspråk")).total == 0)
        #expect(try service("registrator-vanersborg").search(SearchQuery(text: "Skadeståndsanspråk")).total > 0)
    }

    @Test func secretRecordsAreWithheldWithoutADecisionAndReleasedOnlyWithOne() throws {
        let work = try AccessTestArchive.temporaryFolder("secrecy")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let registrar = try service("registrator-vanersborg")

        let first = try registrar.retrieve(DisclosureOrder(requestReference: "KS 2026/11", ids: ["KS 2021/245:1"], out: work + "/a"))
        #expect(first.lines.map(\.outcome) == ["withheld"])
        #expect(first.filesReleased == 0)
        let cover = try String(contentsOfFile: work + "/a/documentation/cover-list.csv", encoding: .utf8)
        #expect(cover.contains("OSL 26 kap. 1 §"))
        #expect(!cover.contains("Skadeståndsanspråk"), "the withheld record's title stays out of the cover list")

        // A decision without a reason is refused and nothing is written.
        #expect(throws: AccessError.self) {
            try registrar.retrieve(DisclosureOrder(requestReference: "KS 2026/11", ids: ["KS 2021/245:1"],
                                                   decisions: ["KS 2021/245:1": .release], out: work + "/b"))
        }
        #expect(!FileManager.default.fileExists(atPath: work + "/b"))

        let released = try registrar.retrieve(DisclosureOrder(
            requestReference: "KS 2026/11", ids: ["KS 2021/245:1"], decisions: ["KS 2021/245:1": .release],
            reason: "Sökanden begär ut sin egen handling (OSL 12 kap. 1 §)", out: work + "/c"))
        #expect(released.lines.map(\.outcome) == ["released"])
        #expect(released.filesReleased == 1)
        let v = try validateSIP(work + "/c")
        #expect(v.status == 0, "\(v.output)")

        // The decision is kept with the record and applies again to the same request only.
        let again = try registrar.retrieve(DisclosureOrder(requestReference: "KS 2026/11", ids: ["KS 2021/245:1"], out: work + "/d"))
        #expect(again.lines.map(\.outcome) == ["released"])
        let other = try registrar.retrieve(DisclosureOrder(requestReference: "KS 2026/12", ids: ["KS 2021/245:1"], out: work + "/e"))
        #expect(other.lines.map(\.outcome) == ["withheld"])

        // Every retrieve is in the log with its files and decisions, and the chain verifies.
        let log = try AccessLog(archiveRoot: try AccessTestArchive.archive().layout.root)
        let retrieves = try log.entries(user: "registrator-vanersborg").filter { $0.command == "retrieve" && $0.requestReference == "KS 2026/11" }
        #expect(retrieves.contains { $0.decisions.map(\.decision) == ["release"] && $0.files.count == 1 })
        #expect(try log.verify().isIntact)
    }

    @Test func protectedIdentitiesNeverAppearInSearchShowOrDisclosure() throws {
        let registrar = try service("registrator-vanersborg")
        let name = "Linnéa Sjöberg"
        let shown = try registrar.show("KS 2022/17")
        let encoded = String(decoding: try JSONEncoder().encode(shown), as: UTF8.self)
        #expect(!encoded.contains(name) && !encoded.contains("19901103"))
        #expect(encoded.contains("skyddad identitet"))
        let hits = try registrar.search(SearchQuery(diarienummer: "KS 2022/17"))
        #expect(hits.hits.contains { $0.protectedIdentity })
        #expect(!String(decoding: try JSONEncoder().encode(hits), as: UTF8.self).contains(name))

        let work = try AccessTestArchive.temporaryFolder("protected")
        defer { try? FileManager.default.removeItem(atPath: work) }
        _ = try registrar.retrieve(DisclosureOrder(requestReference: "KS 2026/13", ids: ["KS 2022/17"],
                                                   decisions: ["KS 2022/17:1": .release], reason: "prövad", out: work + "/dip"))
        for path in FileManager.default.enumerator(atPath: work + "/dip")?.allObjects as? [String] ?? []
        where path.hasSuffix(".xml") || path.hasSuffix(".html") || path.hasSuffix(".csv") {
            let text = try String(contentsOfFile: work + "/dip/" + path, encoding: .utf8)
            #expect(!text.contains(name) && !text.contains("19901103"), "\(path)")
        }
    }
}

/// `../shared/validators/validate-sip` on a package.
func validateSIP(_ path: String) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [AccessTestArchive.repositoryRoot + "/../shared/validators/validate-sip", "-v", path]
    var environment = ProcessInfo.processInfo.environment
    environment["VENV"] = AccessTestArchive.repositoryRoot + "/.venv-validators"
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
