import Foundation

/// A one-line progress display (files, bytes, rate, ETA) on stderr, shown only when stderr is a
/// terminal so that pipes and logs stay clean. Redraws at most ten times a second.
public final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let totalFiles: Int
    private let totalBytes: Int64
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var files = 0
    private var bytes: Int64 = 0

    public init(label: String, totalFiles: Int, totalBytes: Int64, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.label = label
        self.totalFiles = totalFiles
        self.totalBytes = totalBytes
        self.enabled = enabled
    }

    public func advance(files: Int = 1, bytes: Int64) {
        self.files += files
        self.bytes += bytes
        guard enabled else { return }
        let now = Date()
        if now.timeIntervalSince(lastDraw) >= 0.1 || self.files == totalFiles {
            lastDraw = now
            draw(now: now)
        }
    }

    public func finish() {
        guard enabled else { return }
        draw(now: Date())
        FileHandle.standardError.write("\n".data(using: .utf8)!)
    }

    private func draw(now: Date) {
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(bytes) / elapsed
        var eta = "--:--"
        if rate > 0, totalBytes > bytes {
            eta = Self.clock(Double(totalBytes - bytes) / rate)
        } else if bytes >= totalBytes {
            eta = "0:00"
        }
        let line = "\r\(label): \(files)/\(totalFiles) files  \(Self.bytes(bytes))/\(Self.bytes(totalBytes))  \(Self.bytes(Int64(rate)))/s  ETA \(eta)\u{1B}[K"
        FileHandle.standardError.write(line.data(using: .utf8)!)
    }

    /// `1.2 GB`, decimal units.
    public static func bytes(_ n: Int64) -> String {
        let units = ["B", "kB", "MB", "GB", "TB"]
        var value = Double(n)
        var unit = 0
        while value >= 1000, unit < units.count - 1 { value /= 1000; unit += 1 }
        return unit == 0 ? "\(n) B" : String(format: "%.1f %@", value, units[unit])
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60)
                         : String(format: "%ld:%02ld", s / 60, s % 60)
    }
}
