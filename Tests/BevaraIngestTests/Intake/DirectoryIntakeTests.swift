import BevaraIngest
import Foundation
import Testing

/// A submitted folder is used in place only after the safety walk; its limits and names are
/// checked like an archive's, and every problem is listed at once.
@Suite struct DirectoryIntakeTests {
    func refusal(_ limits: IntakeLimits = .init(), _ build: (String) throws -> Void) throws -> [SIPFinding] {
        let work = try IntakeFixtures.temporaryFolder("dir")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let root = work + "/pkg"
        try TestSIP().write(to: root)
        try build(root)
        let error = #expect(throws: IntakeError.self) {
            _ = try PackageIntake.open(root, stagingDirectory: work + "/staging", limits: limits)
        }
        #expect(!FileManager.default.fileExists(atPath: work + "/staging"), "a folder is never copied to staging")
        guard case .refused(let findings) = error else { return [] }
        return findings
    }

    @Test func folderIsUsedInPlace() throws {
        let work = try IntakeFixtures.temporaryFolder("dir")
        defer { try? FileManager.default.removeItem(atPath: work) }
        try TestSIP().write(to: work + "/pkg")
        let package = try PackageIntake.open(work + "/pkg", stagingDirectory: work + "/staging")
        #expect(!package.extracted && package.root == work + "/pkg" && package.layout == .metsAtTop)
        package.cleanUp()
        #expect(FileManager.default.fileExists(atPath: work + "/pkg/METS.xml"), "cleanUp never touches a submitted folder")
    }

    @Test func entryLimit() throws {
        let findings = try refusal(IntakeLimits(maxEntries: 5)) { _ in }
        #expect(findings.map(\.ruleID) == ["LIMIT-ENTRIES"])
    }

    @Test func sizeLimit() throws {
        let findings = try refusal(IntakeLimits(maxTotalBytes: 100)) { _ in }
        #expect(findings.map(\.ruleID) == ["LIMIT-SIZE"])
    }

    @Test func unsafeNamesAreAllListed() throws {
        let findings = try refusal { root in
            // A name that is not UTF-8 (Latin-1 "ä") and one with a control character.
            let latin1: [CChar] = Array((root + "/documentation/").utf8CString.dropLast()) + [CChar(bitPattern: 0xE4), 0]
            let fd = open(latin1, O_WRONLY | O_CREAT, 0o644)
            #expect(fd >= 0)
            close(fd)
            try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/documentation/bell\u{07}.txt"))
        }
        #expect(findings.map(\.ruleID) == ["PATH-UNSAFE", "PATH-UNSAFE"])
        #expect(findings.contains { $0.path == "documentation" && $0.message.contains("\\xE4") })
        #expect(findings.contains { $0.path == "documentation/bell\u{07}.txt" && $0.message.contains("control character") })
    }

    @Test func missingSourceIsUnreadable() throws {
        let error = #expect(throws: IntakeError.self) {
            _ = try PackageIntake.open("/nonexistent/bevara-intake", stagingDirectory: NSTemporaryDirectory())
        }
        guard case .unreadable(let path, _) = error else {
            Issue.record("expected unreadable, got \(String(describing: error))")
            return
        }
        #expect(path == "/nonexistent/bevara-intake")
    }
}
