import BevaraAccess
import BevaraTestSupport
import Foundation
import Testing

/// verify and entries stream: 100,000 entries in seconds, with memory far below the file's size.
///
/// Memory is measured on `bevara log verify` as a child process (`/usr/bin/time -f %M`), not on
/// this process: suites run in parallel in one test process, so its own peak RSS also counts what
/// other suites allocate at the same moment (this test once failed that way).
@Suite struct AccessLogScaleTests {
    @Test func verifyStreamsAHundredThousandEntries() throws {
        let root = try temporaryFolder("accesslog-scale") + "/archive"
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let initialised = try bevara(["archive", "init", root])
        #expect(initialised.status == 0, "\(initialised.stderr)")
        let log = try AccessLog(archiveRoot: root)

        let small = 1_000, total = 100_000, batch = 10_000
        try log.append(contentsOf: (0..<small).map { AccessLogFixture.draft($0) })
        let smallRun = try Self.verifyInChild(root)
        #expect(smallRun.output.contains("intact"), "\(smallRun.output)")

        var clock = Date()
        for b in 0..<(total / batch) {
            let first = small + b * batch
            try log.append(contentsOf: (first..<min(first + batch, small + total)).map { AccessLogFixture.draft($0) })
        }
        let built = Date().timeIntervalSince(clock)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: log.logPath)[.size] as? Int)

        clock = Date()
        let largeRun = try Self.verifyInChild(root)
        let verified = Date().timeIntervalSince(clock)

        clock = Date()
        let reviewed = try log.entries(user: "user-3").count
        let filtered = Date().timeIntervalSince(clock)

        print("access log scale: \(small + total) entries, \(size / 1_048_576) MiB; built in \(String(format: "%.2f", built)) s, "
            + "verified by `bevara log verify` in \(String(format: "%.2f", verified)) s, entries(user:) in \(String(format: "%.2f", filtered)) s; "
            + "child peak RSS \(smallRun.peakKiB / 1024) MiB at \(small) entries, \(largeRun.peakKiB / 1024) MiB at \(small + total)")
        #expect(largeRun.output.contains("intact: \(small + total) entries") && !largeRun.output.contains("warning:"), "\(largeRun.output)")
        #expect(reviewed == (small + total) / 5)
        #expect(verified < 60, "verify took \(verified) s")
        // Streaming: 101 times the entries must not cost a sizeable part of the file in memory.
        #expect(largeRun.peakKiB - smallRun.peakKiB < size / 1024 / 4,
                "peak RSS grew \((largeRun.peakKiB - smallRun.peakKiB) / 1024) MiB for a \(size / 1_048_576) MiB log")
    }

    /// Runs `bevara log verify` under `/usr/bin/time` (installed by scripts/setup.sh): its output
    /// and its own peak resident set in KiB.
    private static func verifyInChild(_ root: String) throws -> (output: String, peakKiB: Int) {
        let marker = "peak-kib="
        let result = try run("/usr/bin/time", ["-f", marker + "%M", bevaraBinary, "log", "verify", "--archive", root])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let line = try #require(result.stderr.split(separator: "\n").last(where: { $0.hasPrefix(marker) }), "\(result.stderr)")
        let peak = try #require(Int(line.dropFirst(marker.count)))
        return (result.stdout, peak)
    }
}
