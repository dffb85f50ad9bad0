import BevaraIngest
import Foundation
import Testing

/// Archives built to attack the receiver: each is refused with its rule, nothing is written
/// outside the staging folder, and the staging subfolder is gone afterwards.
@Suite struct HostileArchiveTests {
    /// A sandbox: `work/` holds the archive, `work/staging/` the staging folder, and `work/` is
    /// where a `../` entry would land if extraction followed it.
    struct Sandbox {
        let work: String
        var staging: String { work + "/staging" }
        var archive: String { work + "/incoming/package" }

        init() throws {
            work = try IntakeFixtures.temporaryFolder("hostile")
            try FileManager.default.createDirectory(atPath: work + "/staging", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: work + "/incoming", withIntermediateDirectories: true)
        }

        func remove() { try? FileManager.default.removeItem(atPath: work) }
    }

    /// Builds the archive, opens it, and returns the refusal's findings; checks that nothing
    /// was written anywhere but what the sandbox held before.
    func refusal(_ format: TestArchive.Format, limits: IntakeLimits = .init(),
                 _ build: (TestArchive) throws -> Void) throws -> [SIPFinding] {
        let box = try Sandbox()
        defer { box.remove() }
        let archive = try TestArchive(path: box.archive, format: format)
        try build(archive)
        try archive.close()
        let before = IntakeFixtures.listing(box.work)
        var findings: [SIPFinding] = []
        do {
            let package = try PackageIntake.open(box.archive, stagingDirectory: box.staging, limits: limits)
            package.cleanUp()
            Issue.record("the archive was accepted")
        } catch IntakeError.refused(let refused) {
            findings = refused
        }
        #expect(IntakeFixtures.listing(box.work) == before, "nothing written outside staging, staging subfolder removed")
        #expect(IntakeFixtures.listing(box.staging).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/bevara-intake-escape"))
        #expect(findings.allSatisfy { $0.package == "package" && $0.severity == .error })
        return findings
    }

    @Test(arguments: [TestArchive.Format.tar, .tarGzip, .zipStored, .zipDeflate])
    func parentTraversalIsRefused(_ format: TestArchive.Format) throws {
        let findings = try refusal(format) { a in
            try a.file("pkg/METS.xml", "<mets/>")
            try a.file("pkg/../../escaped.txt", "owned")
        }
        #expect(findings.map(\.ruleID) == ["PATH-UNSAFE"])
        #expect(findings.first?.path == "pkg/../../escaped.txt")
    }

    @Test(arguments: [TestArchive.Format.tar, .zipStored])
    func absolutePathIsRefused(_ format: TestArchive.Format) throws {
        let findings = try refusal(format) { a in
            try a.file("/tmp/bevara-intake-escape", "owned")
        }
        #expect(findings.map(\.ruleID) == ["PATH-UNSAFE"])
        #expect(findings.first?.message.contains("absolute path") == true)
    }

    @Test(arguments: [TestArchive.Format.tar, .zipStored])
    func symlinkEntryIsRefused(_ format: TestArchive.Format) throws {
        // The classic two-step: a link to somewhere outside, then a file written "through" it.
        let findings = try refusal(format) { a in
            try a.directory("pkg")
            try a.symlink("pkg/out", to: "/tmp")
            try a.file("pkg/out/bevara-intake-escape", "owned")
        }
        #expect(findings.map(\.ruleID) == ["SYMLINK"])
        #expect(findings.first?.path == "pkg/out")
    }

    @Test func hardlinkEntryIsRefused() throws {
        let findings = try refusal(.tar) { a in
            try a.file("pkg/METS.xml", "<mets/>")
            try a.hardlink("pkg/passwd", to: "/etc/passwd")
        }
        #expect(findings.map(\.ruleID) == ["HARDLINK"])
        #expect(findings.first?.message.contains("/etc/passwd") == true)
    }

    @Test func deviceEntryIsRefused() throws {
        let findings = try refusal(.tar) { a in
            try a.characterDevice("pkg/tty")
        }
        #expect(findings.map(\.ruleID) == ["SPECIAL-FILE"])
    }

    @Test func duplicateEntryIsRefused() throws {
        let findings = try refusal(.tar) { a in
            try a.file("pkg/METS.xml", "<mets OBJID=\"first\"/>")
            try a.file("pkg/METS.xml", "<mets OBJID=\"second\"/>")
        }
        #expect(findings.map(\.ruleID) == ["DUPLICATE-ENTRY"])
    }

    @Test func fileWhereAFolderIsNeededIsRefused() throws {
        let findings = try refusal(.zipStored) { a in
            try a.file("pkg/data", "a file")
            try a.file("pkg/data/a.txt", "a file under a file")
        }
        #expect(findings.map(\.ruleID) == ["DUPLICATE-ENTRY"])
    }

    @Test(arguments: [TestArchive.Format.zipDeflate, .tarGzip])
    func compressionBombIsStoppedMidEntry(_ format: TestArchive.Format) throws {
        // 256 MiB of zeros deflates to ~250 KiB (about 1000:1). The default limit is 200:1, so
        // the extractor must stop after a few MiB, long before the entry ends.
        let findings = try refusal(format) { a in
            try a.file("pkg/METS.xml", "<mets/>")
            try a.zeros("pkg/representations/rep1/data/zeros.bin", size: 256 << 20)
        }
        #expect(findings.map(\.ruleID) == ["ZIP-BOMB"])
        let finding = try #require(findings.first)
        #expect(finding.path == "pkg/representations/rep1/data/zeros.bin")
        // "… (N bytes from M); stopped mid-entry": N is far below the entry's 256 MiB.
        let written = finding.message.components(separatedBy: "size (").last?.split(separator: " ").first.flatMap { Int64($0) }
        let bytes = try #require(written, "\(finding.message)")
        #expect(bytes < 16 << 20, "stopped after \(bytes) bytes")
    }

    @Test(arguments: [TestArchive.Format.zipDeflate, .tarGzip])
    func manySmallBombletsAreStoppedByTheTotalRatio(_ format: TestArchive.Format) throws {
        // Each entry stays under the 1 MiB per-entry floor; together they are ~1000:1.
        let findings = try refusal(format) { a in
            for i in 0..<64 { try a.zeros("pkg/zeros-\(i).bin", size: 1000 << 10) }
        }
        #expect(findings.map(\.ruleID) == ["ZIP-BOMB"])
        #expect(findings.first?.message.contains("the archive decompresses") == true)
    }

    @Test func totalSizeLimit() throws {
        // An uncompressed tar has no ratio to judge; only the byte limit can stop it.
        let findings = try refusal(.tar, limits: IntakeLimits(maxTotalBytes: 3 << 20)) { a in
            try a.zeros("pkg/a.bin", size: 2 << 20)
            try a.zeros("pkg/b.bin", size: 2 << 20)
        }
        #expect(findings.map(\.ruleID) == ["LIMIT-SIZE"])
        #expect(findings.first?.path == "pkg/b.bin")
    }

    @Test func entryCountLimit() throws {
        let findings = try refusal(.tar, limits: IntakeLimits(maxEntries: 10)) { a in
            for i in 0..<11 { try a.file("pkg/f\(i).txt", "x") }
        }
        #expect(findings.map(\.ruleID) == ["LIMIT-ENTRIES"])
    }

    @Test func overlongPathIsRefused() throws {
        let findings = try refusal(.tar, limits: IntakeLimits(maxPathBytes: 100)) { a in
            try a.file("pkg/" + String(repeating: "a", count: 120), "x")
        }
        #expect(findings.map(\.ruleID) == ["PATH-UNSAFE"])
    }

    @Test func notAnArchiveIsUnreadableNotRefused() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try Data("just some text, not a tar or zip\n".utf8).write(to: URL(fileURLWithPath: box.archive))
        let error = #expect(throws: IntakeError.self) {
            _ = try PackageIntake.open(box.archive, stagingDirectory: box.staging)
        }
        guard case .unreadable(let path, _) = error else {
            Issue.record("expected unreadable, got \(String(describing: error))")
            return
        }
        #expect(path == box.archive)
        #expect(error?.findings.first?.ruleID == "ARCHIVE-UNREADABLE")
        #expect(IntakeFixtures.listing(box.staging).isEmpty)
    }

    @Test func contentDecidesTheFormatNotTheName() throws {
        // A gzip-compressed tar named .zip, with an ordinary SIP in it, is read as what it is.
        let box = try Sandbox()
        defer { box.remove() }
        let sipFolder = box.work + "/sip"
        try TestSIP().write(to: sipFolder)
        try TestArchive.pack(sipFolder, prefix: "uuid-0b6c2c0e-test/", into: box.work + "/incoming/delivery.zip", format: .tarGzip)
        let package = try PackageIntake.open(box.work + "/incoming/delivery.zip", stagingDirectory: box.staging)
        defer { package.cleanUp() }
        #expect(package.extracted && package.layout == .singleFolder("uuid-0b6c2c0e-test"))
        let v = try SIPValidator().validate(package)
        #expect(v.isValid, "\(IntakeFixtures.dump(v))")
        package.cleanUp()
        #expect(IntakeFixtures.listing(box.staging).isEmpty)
    }

    @Test(arguments: [TestArchive.Format.tar, .zipDeflate])
    func metsAtTheTopOfAnArchiveIsAccepted(_ format: TestArchive.Format) throws {
        // No top folder: METS.xml is the first level. Accepted, with the staging folder as root.
        let box = try Sandbox()
        defer { box.remove() }
        try TestSIP().write(to: box.work + "/sip")
        try TestArchive.pack(box.work + "/sip", prefix: "./", into: box.archive, format: format)
        let package = try PackageIntake.open(box.archive, stagingDirectory: box.staging)
        defer { package.cleanUp() }
        #expect(package.layout == .metsAtTop && package.root == package.contentDirectory)
        #expect(package.root.hasPrefix(box.staging + "/"))
        let v = try SIPValidator().validate(package)
        #expect(v.isValid && v.findings.isEmpty, "\(IntakeFixtures.dump(v))")
    }
}
