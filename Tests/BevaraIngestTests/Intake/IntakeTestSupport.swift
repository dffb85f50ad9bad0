import BevaraArchiveIO
import BevaraIngest
import BevaraTestSupport
import Foundation
import Testing

/// Paths and helpers shared by the intake tests.
enum IntakeFixtures {
    static let repositoryRoot = BevaraTestSupport.repositoryRoot

    /// `../shared/corpus/eark` (third-party packages; provenance in its SOURCES.md).
    static let corpus = repositoryRoot + "/../shared/corpus/eark"

    static func valid(_ name: String) -> String { corpus + "/valid/" + name }
    static func invalid(_ name: String) -> String { corpus + "/invalid/" + name }

    /// A fresh temporary folder; the caller removes it.
    static func temporaryFolder(_ label: String) throws -> String {
        let dir = NSTemporaryDirectory() + "bevara-intake-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Opens and validates a package, cleaning up the staging copy.
    static func validate(_ path: String, staging: String, limits: IntakeLimits = .init()) throws -> SIPValidation {
        let package = try PackageIntake.open(path, stagingDirectory: staging, limits: limits)
        defer { package.cleanUp() }
        return try SIPValidator(limits: limits).validate(package)
    }

    /// Every entry under `dir` (relative paths), for "nothing else was written" checks.
    static func listing(_ dir: String) -> [String] {
        (FileManager.default.enumerator(atPath: dir)?.allObjects as? [String] ?? []).sorted()
    }

    /// Packs a folder into a tar or zip whose single top folder is `topName`, with ArchiveWriter.
    static func pack(_ folder: String, as topName: String, into archive: String, format: ArchiveWriter.Format) throws {
        ProcessSetup.useUTF8Locale()
        let writer = try ArchiveWriter(path: archive, format: format)
        try writer.addDirectory(named: topName)
        for relative in listing(folder) {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                try writer.addDirectory(named: topName + "/" + relative)
            } else {
                try writer.addFile(named: topName + "/" + relative, from: folder + "/" + relative)
            }
        }
        try writer.close()
    }

    static func ruleIDs(_ validation: SIPValidation, severity: SIPFinding.Severity = .error) -> Set<String> {
        Set(validation.findings.filter { $0.severity == severity }.map(\.ruleID))
    }

    /// Findings as text, for test failure messages.
    static func dump(_ validation: SIPValidation) -> String {
        validation.findings.map(\.description).joined(separator: "\n")
    }
}
