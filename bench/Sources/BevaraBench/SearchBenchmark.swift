import BevaraIndex
import Foundation
import BevaraFixtures

/// Runs a query mix against an index, warm: a warm-up round of other queries of every kind
/// first, then the measured ones interleaved across kinds, each searching its sample's own
/// organisation (as a registrar does).
struct SearchBenchmark {
    struct KindResult: Codable {
        var kind: String
        var latency: LatencySummary
        var goalP95Milliseconds: Double
        var medianTotal: Int
        var zeroHitShare: Double
        var errors: Int
        var examples: [String]
        /// The slowest measured queries of the kind, with SQLite's plan for each.
        var slowest: [SlowQuery]
    }

    struct SlowQuery: Codable {
        var arguments: String
        var milliseconds: Double
        var total: Int
        var plan: [String]
    }

    let index: ArchiveIndex
    let mix: QueryMix
    let queriesPerKind: Int
    let seed: UInt64

    func run() -> [KindResult] {
        let warm = QueryKind.allCases.flatMap { mix.make($0, count: max(10, queriesPerKind / 4), seed: seed &+ 1) }
        for item in warm { _ = try? index.search(item.query, organisations: [item.organisationID]) }

        var items = QueryKind.allCases.flatMap { mix.make($0, count: queriesPerKind, seed: seed) }
        var rng = SeededRandom(seed: seed, stream: 99)
        items.shuffle(using: &rng)
        var times: [QueryKind: [Double]] = [:]
        var totals: [QueryKind: [Int]] = [:]
        var errors: [QueryKind: Int] = [:]
        var measured: [QueryKind: [(item: QueryMix.Item, milliseconds: Double, total: Int)]] = [:]
        for item in items {
            let start = DispatchTime.now().uptimeNanoseconds
            let page = try? index.search(item.query, organisations: [item.organisationID])
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            times[item.kind, default: []].append(elapsed)
            if let page { totals[item.kind, default: []].append(page.total) } else { errors[item.kind, default: 0] += 1 }
            measured[item.kind, default: []].append((item, elapsed, page?.total ?? -1))
        }
        return QueryKind.allCases.map { kind in
            let t = (totals[kind] ?? []).sorted()
            let examples = mix.make(kind, count: 4, seed: seed).map { $0.arguments.joined(separator: " ") }
            return KindResult(kind: kind.rawValue, latency: LatencySummary(milliseconds: times[kind] ?? []),
                              goalP95Milliseconds: kind.goalP95Milliseconds, medianTotal: t.isEmpty ? 0 : t[t.count / 2],
                              zeroHitShare: t.isEmpty ? 0 : Double(t.filter { $0 == 0 }.count) / Double(t.count),
                              errors: errors[kind] ?? 0, examples: examples,
                              slowest: slowest(measured[kind] ?? []))
        }
    }

    private func slowest(_ runs: [(item: QueryMix.Item, milliseconds: Double, total: Int)]) -> [SlowQuery] {
        runs.sorted { $0.milliseconds > $1.milliseconds }.prefix(3).map { run in
            let plan = (try? index.explain(run.item.query, organisations: [run.item.organisationID])) ?? []
            return SlowQuery(arguments: run.item.arguments.joined(separator: " "), milliseconds: run.milliseconds,
                             total: run.total, plan: plan)
        }
    }
}
