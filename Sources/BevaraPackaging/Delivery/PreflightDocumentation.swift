import Foundation

/// The preflight report as files for a package's `documentation/` folder (JSON for machines,
/// text for people): the acceptance evidence travels with the delivery.
final class PreflightDocumentation {
    let directory: String
    let files: [(name: String, sourcePath: String)]

    init(report: PreflightReport) throws {
        directory = NSTemporaryDirectory() + "bevara-doc-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let json = directory + "/preflight-report.json"
        let text = directory + "/preflight-report.txt"
        try report.json().write(to: URL(fileURLWithPath: json))
        try report.text().write(toFile: text, atomically: true, encoding: .utf8)
        files = [("preflight-report.json", json), ("preflight-report.txt", text)]
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }
}
