import BevaraArchiveIO
import BevaraIndex
import Foundation

// BevaraBench: index build and in-process search latency (issue 5, P4). See BenchOptions.usage.

func log(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

func fileSize(_ path: String) -> Int64 {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
}

do {
    ProcessSetup.useUTF8Locale()
    let options = try BenchOptions(arguments: Array(CommandLine.arguments.dropFirst()))
    let plan = options.plan
    let builder = IndexBuilder(plan: plan)
    let path = options.database
    if !options.reuse {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
    let index = try ArchiveIndex(path: path)
    log("BevaraBench: \(options.reuse ? "replaying" : "building") \(options.records) records in \(plan.organisations.count) organisations")
    var lastReport = Date()
    let built = try builder.build(into: options.reuse ? nil : index) { o in
        guard Date().timeIntervalSince(lastReport) > 5 else { return }
        lastReport = Date()
        log("  \(o.records) records, \(o.cases) cases, \(o.packages) packages")
    }
    if !options.reuse {
        log(String(format: "built: %d records, %d cases in %.1f s (%.0f records/s)", built.records, built.cases, built.seconds,
                   Double(built.records) / built.seconds))
    }
    let mix = QueryMix(samples: built.samples)
    if let path = options.commandsPath {
        let lines = mix.commandLines(organisationID: plan.organisations[0].id, count: options.commandsPerKind,
                                     seed: options.seed &+ 2)
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
    let results = SearchBenchmark(index: index, mix: mix, queriesPerKind: options.queriesPerKind,
                                  seed: options.seed).run()
    for r in results {
        let l = r.latency
        let name = r.kind.padding(toLength: 20, withPad: " ", startingAt: 0)
        log(name + String(format: " p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  (goal p95 ≤ %.0f ms; median hits %d; errors %d)",
                          l.p50, l.p95, l.p99, r.goalP95Milliseconds, r.medianTotal, r.errors))
    }
    try index.close()   // checkpoints the WAL: bench/run moves the file into an archive
    let report = BenchReport(
        records: built.records, cases: built.cases, parties: built.parties, filesWithText: built.files, packages: built.packages,
        organisations: plan.organisations.count, buildSeconds: options.reuse ? nil : built.seconds,
        recordsPerSecond: options.reuse ? nil : Double(built.records) / built.seconds,
        databaseBytes: fileSize(path) + fileSize(path + "-wal"), queriesPerKind: options.queriesPerKind, kinds: results)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let json = try encoder.encode(report)
    if let out = options.jsonPath {
        try json.write(to: URL(fileURLWithPath: out))
    } else {
        FileHandle.standardOutput.write(json + Data("\n".utf8))
    }
} catch {
    log("BevaraBench: \(error)")
    exit(2)
}
