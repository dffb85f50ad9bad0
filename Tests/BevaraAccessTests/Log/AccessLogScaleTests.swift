import BevaraAccess
import Foundation
import Testing

/// verify and entries stream: 100,000 entries in seconds, with memory far below the file's size.
@Suite struct AccessLogScaleTests {
    @Test func verifyStreamsAHundredThousandEntries() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        let total = 100_000, batch = 10_000
        var clock = Date()
        for b in 0..<(total / batch) {
            try f.log.append(contentsOf: (0..<batch).map { AccessLogFixture.draft(b * batch + $0) })
        }
        let built = Date().timeIntervalSince(clock)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: f.log.logPath)[.size] as? Int)

        let rssBefore = Self.status("VmRSS")
        Self.resetPeak()
        clock = Date()
        let result = try f.log.verify()
        let verified = Date().timeIntervalSince(clock)
        let rssPeak = Self.status("VmHWM")

        clock = Date()
        let reviewed = try f.log.entries(user: "user-3").count
        let filtered = Date().timeIntervalSince(clock)

        print("access log scale: \(total) entries, \(size / 1_048_576) MiB; built in \(String(format: "%.2f", built)) s, "
            + "verified in \(String(format: "%.2f", verified)) s, entries(user:) in \(String(format: "%.2f", filtered)) s; "
            + "RSS \(rssBefore / 1024) MiB before, peak \(rssPeak / 1024) MiB during verify")
        #expect(result.count == total && result.warnings.isEmpty, "\(result)")
        #expect(reviewed == total / 5)
        #expect(verified < 60, "verify took \(verified) s")
        // Streaming: the pass must not hold the file (tens of MiB) in memory.
        #expect(rssPeak - rssBefore < size / 1024 / 2, "peak RSS grew \((rssPeak - rssBefore) / 1024) MiB for a \(size / 1_048_576) MiB log")
    }

    /// A /proc/self/status memory field (VmRSS: current, VmHWM: peak) in KiB.
    private static func status(_ field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }

    /// Writing 5 to /proc/self/clear_refs resets VmHWM to the current RSS (Linux).
    private static func resetPeak() {
        try? Data("5".utf8).write(to: URL(fileURLWithPath: "/proc/self/clear_refs"))
    }
}
