import BevaraArchiveIO
import Foundation

/// Generates a deterministic export for a `FixtureSpec`, readable with the spec's profile.
///
/// The tree is written case by case: a case's files, then its rows or XML, then the next case,
/// so memory stays flat however many cases and files there are. Every byte follows from the spec
/// and its seed (seeded xoshiro256**, integer calendar arithmetic, no clock, no system UUIDs,
/// no dictionary order), so the same spec always gives a byte-identical tree.
///
/// With `targetBytes`, a dry run first measures the metadata, then file sizes are scaled (by
/// bisection over the cases' size skeletons) so that files plus metadata land on the target.
public struct FixtureGenerator: Sendable {
    public let spec: FixtureSpec

    public init(spec: FixtureSpec) {
        self.spec = spec
    }

    /// Errors about the destination or the spec.
    public enum GeneratorError: Error, CustomStringConvertible, Equatable {
        case destinationNotEmpty(String)
        case invalidSpec(String)

        public var description: String {
            switch self {
            case .destinationNotEmpty(let path): return "\(path): destination exists and is not empty"
            case .invalidSpec(let reason): return "invalid fixture spec: \(reason)"
            }
        }
    }

    /// Writes the export into `directory` (created if missing; must be empty if it exists).
    public func write(to directory: String) throws -> FixtureSummary {
        try validate()
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: directory), !entries.isEmpty {
            throw GeneratorError.destinationNotEmpty(directory)
        }
        let scale = try sizeScale()
        return try run(root: directory, scale: scale)
    }

    /// The factor applied to drawn file sizes (1 without a target).
    func sizeScale() throws -> Double {
        guard let target = spec.targetBytes else { return 1 }
        let metadata = try run(root: nil, scale: 1).metadataBytes
        let fileTarget = Double(target - metadata)
        var lo = -30.0, hi = 30.0   // natural log of the scale
        for _ in 0..<60 {
            let mid = (lo + hi) / 2
            if Double(plannedFileBytes(scale: exp(mid))) < fileTarget { lo = mid } else { hi = mid }
        }
        return exp((lo + hi) / 2)
    }

    /// Sum of planned file sizes at `scale`, replayed from the size skeletons only.
    func plannedFileBytes(scale: Double) -> Int64 {
        var total: Int64 = 0
        for i in 0..<spec.cases {
            for record in CaseSkeleton(spec: spec, caseIndex: i).records {
                for file in record { total += CaseSkeleton.plannedSize(file, scale: scale) }
            }
        }
        return total
    }

    /// One pass over every case; `root` nil counts metadata without writing.
    func run(root: String?, scale: Double) throws -> FixtureSummary {
        let synthesizer = CaseSynthesizer(spec: spec)
        let assembler = ExportAssembler(shape: spec.shape, root: root)
        try assembler.begin()
        var year = Int.min
        var number = 0
        var numbering = SeededRandom(seed: spec.seed, stream: 0x6E75_6D62)
        for i in 0..<spec.cases {
            let y = synthesizer.year(ofCase: i)
            if y != year {
                year = y
                number = 0
            }
            // Other cases in the diarium take numbers too: leave small gaps.
            number += 1 + (numbering.chance(0.3) ? numbering.below(4) : 0)
            try assembler.add(synthesizer.makeCase(index: i, number: number, scale: scale))
        }
        return try assembler.finish()
    }

    private func validate() throws {
        if spec.cases < 1 { throw GeneratorError.invalidSpec("cases must be at least 1") }
        if !(spec.recordsPerCase >= 1) { throw GeneratorError.invalidSpec("recordsPerCase must be at least 1") }
        if !(spec.filesPerRecord >= 0) { throw GeneratorError.invalidSpec("filesPerRecord must not be negative") }
        if let t = spec.targetBytes, t <= 0 { throw GeneratorError.invalidSpec("targetBytes must be positive") }
        if !(0...1).contains(spec.sizeMix.largeFraction) {
            throw GeneratorError.invalidSpec("sizeMix.largeFraction must be between 0 and 1")
        }
        let weights = spec.formatMix.weighted.map(\.1)
        if weights.contains(where: { !($0 >= 0) }) || weights.reduce(0, +) <= 0 {
            throw GeneratorError.invalidSpec("formatMix weights must be non-negative and not all zero")
        }
    }
}
