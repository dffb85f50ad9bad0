import ArgumentParser
import BevaraFixtures
import Foundation

/// `bevara fixture`: write a deterministic export for tests and benchmarks.
struct FixtureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fixture",
        abstract: "Generate a deterministic export (same seed, same bytes) in a profile's shape.")

    @Option(name: .long, help: "Export shape: generic-csv or fgs-arendehantering.")
    var shape: String = "generic-csv"

    @Option(name: .long, help: "Number of cases.")
    var cases: Int = 100

    @Option(name: .long, help: "Mean records per case.")
    var recordsPerCase: Double = 6

    @Option(name: .long, help: "Mean files per record.")
    var filesPerRecord: Double = 1.2

    @Option(name: .long, help: "Total bytes to aim for (suffixes k, M, G, KiB, MiB, GiB).")
    var bytes: ByteCount?

    @Option(name: .long, help: "File size mix: small, realistic or heavy.")
    var sizes: String = "realistic"

    @Option(name: .long, help: "Seed; the same seed gives the same bytes.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Diarium prefix of the case numbers.")
    var prefix: String = "KS"

    @Option(name: .long, help: "Write one of the bundled fixtures instead (vanersborg-ks-csv, trollhattan-ks-fgs); other options are ignored.")
    var bundled: String?

    @Flag(name: .long, help: "Print the summary as JSON.")
    var json = false

    @Argument(help: "Folder to create (must not exist).")
    var out: String

    func validate() throws {
        guard FixtureSpec.Shape(rawValue: shape) != nil else {
            throw ValidationError("--shape must be one of: \(FixtureSpec.Shape.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let bundled, BundledFixture(rawValue: bundled) == nil {
            throw ValidationError("--bundled must be one of: \(BundledFixture.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard ["small", "realistic", "heavy"].contains(sizes) else { throw ValidationError("--sizes must be small, realistic or heavy") }
        guard cases > 0 else { throw ValidationError("--cases must be at least 1") }
    }

    func run() throws {
        try Output.guarding {
            if let bundled, let fixture = BundledFixture(rawValue: bundled) {
                return try report(fixture.write(to: out))
            }
            let mix: SizeMix = sizes == "small" ? .smallOnly : sizes == "heavy" ? .heavy : .realistic
            let spec = FixtureSpec(shape: FixtureSpec.Shape(rawValue: shape)!, cases: cases, recordsPerCase: recordsPerCase,
                                   filesPerRecord: filesPerRecord, targetBytes: bytes?.bytes, sizeMix: mix, seed: seed,
                                   diariumPrefix: prefix)
            try report(FixtureGenerator(spec: spec).write(to: out))
        }
    }

    private func report(_ summary: FixtureSummary) throws {
        if json {
            try Output.json(summary)
        } else {
            Output.text("\(out): \(summary.cases) cases, \(summary.records) records, \(summary.files) files, \(summary.bytesWritten) bytes\n")
        }
    }
}
