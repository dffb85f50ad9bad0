import ArgumentParser
import BevaraAccess
import BevaraIndex
import Foundation

/// `bevara search --archive DIR --as USER [filters]`
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search your organisation's cases and records; filters combine.")

    @OptionGroup var archiveOptions: ArchiveOptions

    @Option(name: .long, help: "Exact diarienummer (KS 2021/123) or a prefix ending in '/' (KS 2021/).")
    var diarienummer: String?
    @Option(name: .long, help: "Full text (FTS5 syntax; prefix search with *: bygg*).")
    var text: String?
    @Option(name: .long, help: "Party name, or personnummer/organisationsnummer in any common spelling.")
    var party: String?
    @Option(name: .long, help: "Records dated on or after (YYYY, YYYY-MM or YYYY-MM-DD).")
    var from: String?
    @Option(name: .long, help: "Records dated on or before.")
    var to: String?
    @Option(name: .customLong("class"), help: "Classification code (and codes below it).")
    var classification: String?
    @Option(name: .long, help: "Record type.")
    var type: String?
    @Option(name: .long, help: "Case status.")
    var status: String?
    @Option(name: .long, help: "Hits per page.")
    var limit: Int = 50
    @Option(name: .long, help: "Page number, from 1.")
    var page: Int = 1
    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func validate() throws {
        guard limit > 0, limit <= 1000 else { throw ValidationError("--limit must be 1…1000") }
        guard page > 0 else { throw ValidationError("--page starts at 1") }
    }

    func run() throws {
        try Output.guarding {
            let (archive, user) = try archiveOptions.open()
            let query = SearchQuery(diarienummer: diarienummer, text: text, party: party, from: from, to: to,
                                    classification: classification, recordType: type, status: status,
                                    limit: limit, offset: (page - 1) * limit)
            let result = try AccessService(archive: archive, user: user).search(query)
            if json {
                try Output.json(result)
                return
            }
            let last = result.offset + result.hits.count
            let count = result.totalIsLowerBound ? "more than \(result.total) hits (narrow the search to count them all)"
                                                 : "\(result.total) hit(s)"
            Output.text("\(count)\(result.hits.isEmpty ? "" : ", showing \(result.offset + 1)–\(last)")\n")
            if result.order.isUnranked {
                let order = result.order == .latestIndexedFirst ? "latest archived first" : "newest first"
                Output.text("too many hits to sort by relevance or date: \(order); narrow the search to sort them\n")
            }
            for hit in result.hits {
                let marker = hit.restricted ? "SEKRETESS\(hit.legalReference.map { " (\($0))" } ?? " (lagrum saknas – granska)")" : ""
                let title = hit.recordTitle ?? hit.caseTitle
                Output.text("\(hit.diarienummer)\t\(hit.recordID ?? "-")\t\(hit.date ?? "")\t\(title)\(marker.isEmpty ? "" : "\t" + marker)\(hit.protectedIdentity ? "\t[skyddad identitet]" : "")\n")
            }
        }
    }
}
