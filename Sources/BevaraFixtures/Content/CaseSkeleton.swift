import Foundation

/// The shape of one generated case that sizes depend on: how many records, and for each record
/// its files' formats and raw (unscaled) sizes. Drawn from its own random stream, so the size
/// planner can replay every case's skeleton cheaply, many times, without making any content.
struct CaseSkeleton {
    struct File {
        var kind: FixtureFileKind
        var rawSize: Double
    }

    /// `records[i]` lists the files of record i.
    var records: [[File]]

    static let stream: UInt64 = 0x736B_656C

    init(spec: FixtureSpec, caseIndex: Int) {
        var rng = SeededRandom(seed: spec.seed, stream: Self.stream, substream: UInt64(caseIndex))
        // Mean 1: nine cases in ten at 0.4–1.2 of the mean, one in ten at 2.0–3.6.
        let multiplier = rng.chance(0.9) ? 0.4 + 0.8 * rng.unit() : 2.0 + 1.6 * rng.unit()
        let recordCount = max(1, rng.stochasticRound(spec.recordsPerCase * multiplier))
        let weights = spec.formatMix.weighted
        records = (0..<recordCount).map { _ in
            let count = rng.poisson(spec.filesPerRecord)
            return (0..<count).map { _ in
                let kind = weights[rng.weightedIndex(weights.map(\.1))].0
                let range = rng.chance(spec.sizeMix.largeFraction) ? spec.sizeMix.large : spec.sizeMix.small
                return File(kind: kind, rawSize: Self.logUniform(range, rng.unit()))
            }
        }
    }

    static func logUniform(_ range: ClosedRange<Int64>, _ u: Double) -> Double {
        let lo = log(Double(max(1, range.lowerBound)))
        let hi = log(Double(max(range.lowerBound, range.upperBound)))
        return exp(lo + (hi - lo) * u)
    }

    /// The planned size of a file at `scale`: never under the format's floor.
    static func plannedSize(_ file: File, scale: Double) -> Int64 {
        max(file.kind.minimumPlannedSize, Int64((file.rawSize * scale).rounded()))
    }
}
