import BevaraModel
@testable import BevaraProfiles
import Foundation
import Testing

/// A throwaway export folder for one test, removed when the test's value goes away.
final class TempExport {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "bevara-reader-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Array(text.utf8))
    }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
    }

    var path: String { root }
}

/// The repository's `profiles/` folder, found from this file's location.
func repoProfile(_ id: String) throws -> Profile {
    let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    let dir = tests.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("profiles").path
    return try ProfileLibrary(directory: dir).profile(id)
}

/// What a reader produced: the catalog streamed back, and the findings.
struct ReadResult {
    let cases: [(Case, [Record])]
    let findings: FindingCollector
    let counts: ExportCatalog.Counts

    func rules(_ rule: String) -> [Finding] { findings.findings.filter { $0.rule == rule } }
    var ruleIDs: [String] { findings.findings.map(\.rule) }
    func `case`(_ dnr: String) -> Case? { cases.first { $0.0.diarienummer.verbatim == dnr }?.0 }
    func records(_ dnr: String) -> [Record] { cases.first { $0.0.diarienummer.verbatim == dnr }?.1 ?? [] }
}

func readExport(_ export: TempExport, profile: Profile) throws -> ReadResult {
    let catalog = try ExportCatalog()
    let findings = FindingCollector()
    try makeReader(for: profile).read(exportRoot: export.path, into: catalog, findings: findings)
    var cases: [(Case, [Record])] = []
    try catalog.forEachCase { cases.append(($0, $1)) }
    return ReadResult(cases: cases, findings: findings, counts: try catalog.counts())
}

/// windows-1252 bytes of a string (Latin-1 range and ASCII only; enough for Swedish test text).
func windows1252(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { scalar in
        precondition(scalar.value < 0x100 && !(0x80..<0xA0).contains(scalar.value), "test text outside Latin-1")
        return UInt8(scalar.value)
    }
}
