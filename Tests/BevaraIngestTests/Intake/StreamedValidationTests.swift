import BevaraArchiveIO
@testable import BevaraIngest
import Foundation
import Testing

/// Ingest validates with the METS file lists streamed to scratch files (`scratchDirectory`);
/// the findings must be exactly those of the in-memory validation, in the same order, with the
/// same lines, and the scratch files must be gone afterwards.
@Suite struct StreamedValidationTests {
    struct Both {
        var memory: SIPValidation
        var streamed: SIPValidation
    }

    /// Validates the package at `path` both ways and checks they agree.
    static func validateBoth(_ path: String, work: String, maxFindingsPerRule: Int = 1000,
                             overrides: [String: SIPFinding.Severity] = [:]) throws -> Both {
        let scratch = work + "/scratch"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let package = try PackageIntake.open(path, stagingDirectory: work + "/staging")
        defer { package.cleanUp() }
        var validator = SIPValidator(maxFindingsPerRule: maxFindingsPerRule, severityOverrides: overrides)
        let memory = try validator.validate(package)
        validator.scratchDirectory = scratch
        let streamed = try validator.validate(package)
        #expect(streamed.findings == memory.findings, "\(IntakeFixtures.dump(streamed))\n---\n\(IntakeFixtures.dump(memory))")
        #expect(streamed.counts == memory.counts && streamed.errorCount == memory.errorCount)
        #expect(streamed.description?.objid == memory.description?.objid)
        #expect(IntakeFixtures.listing(scratch).isEmpty, "scratch files left: \(IntakeFixtures.listing(scratch))")
        return Both(memory: memory, streamed: streamed)
    }

    func validate(_ sip: TestSIP, maxFindingsPerRule: Int = 1000, overrides: [String: SIPFinding.Severity] = [:],
                  tweak: (String) throws -> Void = { _ in }) throws -> Both {
        let work = try IntakeFixtures.temporaryFolder("streamed")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let root = work + "/" + sip.objid
        try sip.write(to: root)
        try tweak(root)
        return try Self.validateBoth(root, work: work, maxFindingsPerRule: maxFindingsPerRule, overrides: overrides)
    }

    static func sip(files: Int) -> TestSIP {
        var sip = TestSIP()
        sip.dataFiles = (0..<files).map { ("data/f\($0).txt", Array("file \($0)\n".utf8)) }
        return sip
    }

    /// The line of the first line of `text` holding `needle` (1-based).
    static func line(of needle: String, in path: String) throws -> Int {
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        return try #require(lines.firstIndex { $0.contains(needle) }) + 1
    }

    @Test func aBadFileMidFileSecKeepsItsLine() throws {
        var sip = Self.sip(files: 7)
        sip.omitSize = ["representations/rep1/data/f3.txt"]
        var line = 0
        let v = try validate(sip) { root in
            line = try Self.line(of: "<file ID=\"f3\"", in: root + "/representations/rep1/METS.xml")
        }
        let finding = try #require(v.streamed.findings("CSIP69").first)
        #expect(v.streamed.findings.count == 1 && finding.path == "representations/rep1/METS.xml" && finding.line == line)
        #expect(finding.message == "file f3 has no SIZE; its size cannot be checked (CSIP69)")
    }

    @Test func fileFindingsComeAfterTheGroupFindingsAndBeforeUnsafeHrefs() throws {
        var sip = Self.sip(files: 3)
        sip.hrefs = ["data/f1.txt": "../../../outside.txt"]
        let v = try validate(sip) { root in
            var mets = try String(contentsOfFile: root + "/METS.xml", encoding: .utf8)
            // A file with no MIMETYPE before a group with no USE: the group is reported first.
            mets = mets.replacingOccurrences(of: "<file ID=\"doc1\" MIMETYPE=\"text/plain\"", with: "<file ID=\"doc1\"")
            mets = mets.replacingOccurrences(of: "<fileGrp ID=\"fg-sch\" USE=\"Schemas\">", with: "<fileGrp ID=\"fg-sch\">")
            try Data(mets.utf8).write(to: URL(fileURLWithPath: root + "/METS.xml"))
        }
        #expect(v.streamed.findings.map(\.ruleID) == ["CSIP113", "CSIP64", "CSIP68", "PATH-UNSAFE", "FILE-UNREFERENCED"],
                "\(IntakeFixtures.dump(v.streamed))")
        #expect(v.streamed.findings[3].path == "representations/rep1/METS.xml")
    }

    @Test func missingUnreferencedAndMismatchedFiles() throws {
        var sip = Self.sip(files: 5)
        sip.checksumLies = ["representations/rep1/data/f1.txt": String(repeating: "0", count: 64)]
        let v = try validate(sip) { root in
            try FileManager.default.removeItem(atPath: root + "/representations/rep1/data/f3.txt")
            try Data("stray".utf8).write(to: URL(fileURLWithPath: root + "/representations/rep1/data/stray.txt"))
        }
        let s = v.streamed
        #expect(s.findings("FILE-MISSING").map(\.path) == ["representations/rep1/data/f3.txt"])
        #expect(s.findings("FIXITY-CHECKSUM").map(\.path) == ["representations/rep1/data/f1.txt"])
        #expect(s.findings("FILE-UNREFERENCED").map(\.path) == ["representations/rep1/data/stray.txt"])
        #expect(s.findings.map(\.ruleID) == ["FIXITY-CHECKSUM", "FILE-MISSING", "FILE-UNREFERENCED"])
    }

    @Test func aFileListedTwiceIsCheckedOnceAgainstBothReferences() throws {
        let v = try validate(Self.sip(files: 2)) { root in
            // The root METS lists a.txt of rep1 too, with a wrong SIZE: one FIXITY-SIZE, one file read.
            var mets = try String(contentsOfFile: root + "/METS.xml", encoding: .utf8)
            mets = mets.replacingOccurrences(of: "    </fileGrp>\n    <fileGrp ID=\"fg-sch\"", with: """
                  <file ID="again" MIMETYPE="text/plain" SIZE="99" CREATED="2026-11-23T10:00:00+01:00" CHECKSUM="x" CHECKSUMTYPE="MD5"><FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="representations/rep1/data/f0.txt"/></file>
                </fileGrp>
                <fileGrp ID="fg-sch"
            """)
            try Data(mets.utf8).write(to: URL(fileURLWithPath: root + "/METS.xml"))
        }
        let size = try #require(v.streamed.findings("FIXITY-SIZE").first)
        #expect(v.streamed.findings("FIXITY-SIZE").count == 1 && size.path == "representations/rep1/data/f0.txt")
        #expect(v.streamed.findings("FIXITY-CHECKSUM").count == 1, "\(IntakeFixtures.dump(v.streamed))")
        #expect(v.streamed.findings("FILE-MISSING").isEmpty)
    }

    @Test func findingsOverTheLimitAreCountedTheSameWay() throws {
        var sip = Self.sip(files: 6)
        sip.omitSize = Set((0..<6).map { "representations/rep1/data/f\($0).txt" })
        let v = try validate(sip, maxFindingsPerRule: 2)
        #expect(v.streamed.findings("CSIP69").count == 3 && v.streamed.counts["CSIP69"] == 6 && v.streamed.errorCount == 6)
        #expect(v.streamed.findings("CSIP69").last?.message == "more findings of rule CSIP69 were not listed (limit 2 per rule)")
        let relaxed = try validate(sip, maxFindingsPerRule: 2, overrides: ["CSIP69": .warning])
        #expect(relaxed.streamed.errorCount == 0 && relaxed.streamed.counts["CSIP69"] == 6 && relaxed.streamed.isValid)
    }

    @Test func nestedFilesAreCheckedInDocumentOrder() throws {
        let v = try validate(Self.sip(files: 2)) { root in
            var mets = try String(contentsOfFile: root + "/representations/rep1/METS.xml", encoding: .utf8)
            // f0 holds f1 and has its FLocat after it; neither has a MIMETYPE.
            let f1 = try #require(mets.components(separatedBy: "\n").first { $0.contains("<file ID=\"f1\"") })
            mets = mets.replacingOccurrences(of: f1 + "\n", with: "")
            mets = mets.replacingOccurrences(of: "<file ID=\"f0\" MIMETYPE=\"text/plain\"", with: "<file ID=\"f0\"")
            mets = mets.replacingOccurrences(of: "><FLocat LOCTYPE=\"URL\" xlink:type=\"simple\" xlink:href=\"data/f0.txt\"/>",
                                             with: ">\n" + f1.replacingOccurrences(of: " MIMETYPE=\"text/plain\"", with: "")
                                                 + "<FLocat LOCTYPE=\"URL\" xlink:type=\"simple\" xlink:href=\"data/f0.txt\"/>")
            try Data(mets.utf8).write(to: URL(fileURLWithPath: root + "/representations/rep1/METS.xml"))
        }
        #expect(v.streamed.findings("CSIP68").map(\.message) == ["file f0 has no MIMETYPE (CSIP68)", "file f1 has no MIMETYPE (CSIP68)"],
                "\(IntakeFixtures.dump(v.streamed))")
        #expect(v.streamed.findings("FILE-UNREFERENCED").isEmpty && v.streamed.findings("FILE-MISSING").isEmpty)
    }

    @Test func corpusPackagesGiveTheSameFindingsStreamed() throws {
        let fm = FileManager.default
        var seen = 0
        for folder in [IntakeFixtures.corpus + "/valid", IntakeFixtures.corpus + "/invalid"] {
            for name in try fm.contentsOfDirectory(atPath: folder).sorted() {
                let work = try IntakeFixtures.temporaryFolder("corpus")
                defer { try? fm.removeItem(atPath: work) }
                do {
                    _ = try Self.validateBoth(folder + "/" + name, work: work)
                    seen += 1
                } catch is IntakeError {
                    continue  // refused before validation (both ways alike)
                }
            }
        }
        #expect(seen >= 10)
    }

    /// The declared checksums written from the streamed references equal those written from the
    /// description (what storing read before), byte for byte, across several sorted runs.
    @Test func declaredChecksumsFromStreamedReferencesMatchTheDescriptions() throws {
        let dir = try ScratchFileTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = String(repeating: "a", count: 64), b = String(repeating: "B", count: 64), c = String(repeating: "c", count: 64)
        var rep: [(String, String?, String?)] = []
        for i in (0..<200).reversed() {
            let path = String(format: "representations/rep1/data/%05d.pdf", i % 150)
            rep.append((path, i % 7 == 0 ? c : a, i % 11 == 0 ? "MD5" : "SHA-256"))
        }
        rep.append(("metadata/descriptive/erms.xml", c, "SHA-256"))
        rep.append(("representations/rep1/METS.xml", a, "sha-256"))
        let root: [(String, String?, String?)] = [("metadata/descriptive/erms.xml", b, "SHA-256"),
                                                  ("representations/rep1/METS.xml", nil, nil), ("documentation/x.txt", a, nil)]
        let sip = try ScratchFileTests.sip(root: root, rep1: rep)
        let old = try DeclaredChecksums(sip, path: dir + "/old")
        defer { old.remove() }
        let references = FixityReferences(scratchDirectory: dir)
        for (list, mets) in [(root, "METS.xml"), (rep, "representations/rep1/METS.xml")] {
            for (i, (path, sum, type)) in list.enumerated() {
                try references.append(.init(path: path, metsPath: mets, line: i, element: "file", size: nil, checksum: sum,
                                            checksumType: type), isFile: true)
            }
            // An mdRef's checksum is not a file's declaration.
            try references.append(.init(path: "documentation/x.txt", metsPath: mets, line: 0, element: "mdRef", size: nil,
                                        checksum: c, checksumType: "SHA-256"), isFile: false)
            try references.commit()
        }
        // Runs of 17 (13 runs) and of 1 (205 runs, many more than the sorter merges at once).
        for runLength in [17, 1] {
            let streamed = try DeclaredChecksums(references: references, path: dir + "/aip-new", runLength: runLength)
            #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/aip-new")) == Data(contentsOf: URL(fileURLWithPath: dir + "/old")))
            #expect(IntakeFixtures.listing(dir).filter { $0.hasPrefix("aip-new") } == ["aip-new"], "runs deleted")
            streamed.remove()
        }
        references.remove()
        #expect(IntakeFixtures.listing(dir).sorted() == ["old"])
    }
}
