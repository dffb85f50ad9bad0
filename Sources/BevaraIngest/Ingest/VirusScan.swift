import BevaraPackaging
import Foundation

/// Runs the configured virus scanner (e.g. `clamscan -r --no-summary`) over a received package.
///
/// An event is recorded only when a scanner really ran: no scanner configured, no event. A scanner
/// that reports an infection (exit 1 for clamscan) rejects the package; one that cannot run is an
/// error, never a silent pass.
enum VirusScan {
    static func run(_ command: String?, on root: String) throws -> PreservationEvent? {
        guard let command, !command.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command + " \"$1\"", "bevara-virus-scan", root]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0:
            return PreservationEvent(type: "virus check", dateTime: Date(), outcome: .success, detail: "\(command): no threat found")
        case 1:
            throw IngestError.rejected(package: root, findings: [SIPFinding(
                ruleID: "VIRUS", severity: .error, package: root, path: "", message: "\(command) reported: \(text.suffix(2000))")])
        default:
            throw IngestError.scannerFailed(package: root, command: command, status: process.terminationStatus,
                                            output: String(text.suffix(500)))
        }
    }
}
