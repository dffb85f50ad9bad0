import Foundation

/// The preflight report as files for a package's `documentation/` folder (JSON for machines,
/// text for people): the acceptance evidence travels with the delivery.
final class PreflightDocumentation {
    let directory: String
    let files: [(name: String, sourcePath: String, mime: String?)]

    init(report: PreflightReport) throws {
        directory = NSTemporaryDirectory() + "bevara-doc-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // Types as written (PackagerTests: the ones identification gives for these bytes).
        files = [("preflight-report.json", directory + "/preflight-report.json", "application/json"),
                 ("preflight-report.txt", directory + "/preflight-report.txt", "text/plain")]
        try write(report)
    }

    /// (Re)writes both files from `report`.
    func write(_ report: PreflightReport) throws {
        try report.json().write(to: URL(fileURLWithPath: files[0].sourcePath))
        try report.text().write(toFile: files[1].sourcePath, atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }
}
