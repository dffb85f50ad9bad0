/// Percentiles of a set of latencies (nearest rank), in milliseconds.
struct LatencySummary: Codable {
    var count: Int
    var p50: Double
    var p95: Double
    var p99: Double
    var mean: Double
    var max: Double

    init(milliseconds values: [Double]) {
        let sorted = values.sorted()
        count = sorted.count
        func rank(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let r = Int((p / 100 * Double(sorted.count)).rounded(.up))
            return sorted[Swift.max(0, Swift.min(sorted.count - 1, r - 1))]
        }
        p50 = rank(50)
        p95 = rank(95)
        p99 = rank(99)
        mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
        max = sorted.last ?? 0
    }
}
