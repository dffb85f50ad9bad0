import BevaraIndex
import Foundation
import Testing

/// Indexing rate and search latency on 100 000 generated records (one transaction), then
/// p50/p95 per filter. Opt-in (`BEVARA_INDEX_BENCH=1`, run in release:
/// `BEVARA_INDEX_BENCH=1 swift test -c release --filter IndexBenchmark`); prints the numbers.
@Suite struct IndexBenchmarkTests {
    static let enabled = ProcessInfo.processInfo.environment["BEVARA_INDEX_BENCH"] != nil

    @Test(.enabled(if: enabled)) func indexingRateAndSearchLatency() throws {
        let (index, dir) = try makeIndex("bench")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let casesPerOrg = Int(ProcessInfo.processInfo.environment["BEVARA_INDEX_BENCH_CASES"] ?? "") ?? 20_000
        // Organisation "vbg": 100 000 records (5 per case) in one transaction; every 5th record
        // has a file with ~150 words of text. "thn" the same again, so searches share the tables.
        let vbg = GeneratedCorpus(organisations: ["vbg"], casesPerOrganisation: casesPerOrg, recordsPerCase: 5, textEvery: 5)
        let seconds = try vbg.write(into: index)
        let rate = Double(vbg.recordCount) / seconds
        print("BENCH index: \(vbg.recordCount) records (+\(casesPerOrg) cases, \(2 * casesPerOrg) parties, \(vbg.recordCount / 5) texts) in one transaction: \(String(format: "%.2f", seconds)) s = \(Int(rate)) records/s")
        // Same numbers and names in both organisations: isolation has something to separate.
        let thn = GeneratedCorpus(organisations: ["thn"], casesPerOrganisation: casesPerOrg, recordsPerCase: 5, textEvery: 5)
        let thnSeconds = try thn.write(into: index)
        print("BENCH index: second organisation \(thn.recordCount) records in \(String(format: "%.2f", thnSeconds)) s")
        let size = (try FileManager.default.attributesOfItem(atPath: index.path)[.size] as? Int ?? 0) >> 20
        print("BENCH index file: \(size) MiB (WAL not counted)")

        let n = casesPerOrg
        let filters: [(String, (Int) -> SearchQuery)] = [
            ("dnr exact", { i in SearchQuery(diarienummer: GeneratedCorpus.dnr((i * 7919) % n)) }),
            ("dnr prefix (year)", { i in SearchQuery(diarienummer: "KS \(2015 + i % 10)/") }),
            ("party id", { i in SearchQuery(party: GeneratedCorpus.personnummer((i * 104_729) % n)) }),
            ("party name", { i in SearchQuery(party: GeneratedCorpus.names[i % GeneratedCorpus.names.count]) }),
            ("date range (1 month)", { i in SearchQuery(from: String(format: "%04d-%02d", 2015 + i % 10, 1 + i % 12),
                                                        to: String(format: "%04d-%02d", 2015 + i % 10, 1 + i % 12)) }),
            ("record type", { i in SearchQuery(recordType: GeneratedCorpus.types[i % GeneratedCorpus.types.count]) }),
            ("classification", { i in SearchQuery(classification: GeneratedCorpus.classifications[i % 9]) }),
            ("status", { i in SearchQuery(status: GeneratedCorpus.statuses[i % 5]) }),
            ("dnr + record type", { i in SearchQuery(diarienummer: GeneratedCorpus.dnr((i * 7919) % n), recordType: "Beslut") }),
            ("text: one word", { i in SearchQuery(text: GeneratedCorpus.words[i % GeneratedCorpus.words.count]) }),
            ("text: two words", { i in SearchQuery(text: "\(GeneratedCorpus.words[i % 28]) \(GeneratedCorpus.words[(i * 5 + 3) % 28])") }),
            ("text: prefix", { i in SearchQuery(text: String(GeneratedCorpus.words[i % 28].prefix(4)) + "*") }),
            ("text: rare number", { i in SearchQuery(text: String((i * 7919) % n)) }),
            ("text + date", { i in SearchQuery(text: GeneratedCorpus.words[i % 28], from: "\(2015 + i % 10)", to: "\(2015 + i % 10)") }),
        ]
        for orgs: Set<String> in [["vbg"], ["vbg", "thn"]] {
            for (label, make) in filters {
                var times: [Double] = []
                var totals = 0
                for i in 0..<120 {
                    let q = make(i)
                    let start = DispatchTime.now().uptimeNanoseconds
                    let page = try index.search(q, organisations: orgs)
                    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                    totals += page.total
                    if i == 0 { #expect(page.total > 0, "\(label) finds nothing") }
                }
                times.removeFirst(20) // warm-up
                times.sort()
                let p50 = times[times.count / 2], p95 = times[Int(Double(times.count) * 0.95)]
                print("BENCH search \(orgs.count == 1 ? "1 org " : "2 orgs") \(label.padding(toLength: 22, withPad: " ", startingAt: 0)) p50 \(String(format: "%7.2f", p50)) ms  p95 \(String(format: "%7.2f", p95)) ms  (mean total \(totals / 120))")
            }
        }
    }
}
