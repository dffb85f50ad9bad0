@testable import BevaraArchiveIO
import BevaraModel
import BevaraPackaging
import BevaraProfiles
import Foundation
import Testing

@Suite(.serialized) struct PackagerTests {
    func request(_ e: PreflightExport, out: String, maxCases: Int? = nil, maxBytes: Int64? = nil) throws -> PackageRequest {
        try e.write()
        let config = try DeliveryConfiguration(library: profileLibrary, profile: nil, agreement: "EAV-VBG-KS-CSV")
        return PackageRequest(exportRoot: e.root, configuration: config, output: out, maxBytes: maxBytes, maxCases: maxCases,
                              schemas: try SchemaLibrary(directory: SIPTestPaths.schemas), softwareVersion: "test")
    }

    @Test func packagesATarThatValidatesAndCarriesThePreflightReport() throws {
        let e = try PreflightExport()
        let out = e.root + "-out.tar"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try Packager().run(try request(e, out: out))
        #expect(result.parts.count == 1)
        #expect(result.parts[0].files == 3 && result.parts[0].cases == 2 && result.parts[0].records == 3)
        #expect(result.parts[0].sha256 == (try FileDigest.sha256(path: out)))
        let listing = try SIPTools.run("/usr/bin/tar", ["tf", out]).output
        #expect(listing.contains("\(result.parts[0].objid)/documentation/preflight-report.json"))
        let v = try SIPTools.validateSIP(out)
        #expect(v.status == 0, "\(v.output)")
    }

    @Test func checksumMismatchFoundWhilePackagingRemovesTheOutput() throws {
        let e = try PreflightExport()
        try e.write()
        e.writeManifest = false
        e.contents["ks-2021-2/remissvar.txt"] = "Ändrad efter att manifestet skrevs\n"
        let parent = (e.root as NSString).deletingLastPathComponent
        for name in ["-out", "-out.tar", "-out.zip"] {
            let out = e.root + name
            #expect {
                try Packager().run(try request(e, out: out))
            } throws: { error in
                guard case PackagingError.contentRuleBroken(let findings) = error else { return false }
                return findings.contains { $0.rule == "file.checksum-mismatch" && $0.message.contains("filer/ks-2021-2/remissvar.txt") }
            }
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.contains(".bevara-partial-") && $0.contains((e.root as NSString).lastPathComponent) }
        #expect(leftovers.isEmpty)
    }

    @Test func refusesOnPreflightErrors() throws {
        let e = try PreflightExport()
        e.fileRows.append(["R1", "finns/inte.pdf", "inte.pdf"])
        let out = e.root + "-refused"
        #expect {
            try Packager().run(try request(e, out: out))
        } throws: { error in
            guard case PackagingError.preflightFailed(let report) = error else { return false }
            return report.findings.contains { $0.rule == "file.missing" }
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func splitsByCasesIntoValidPartsWithAManifest() throws {
        let e = try PreflightExport()
        e.cases.append(["KS 2021/3", "Tredje ärendet", "Avslutat", "2021-06-01", "2021-06-30"])
        e.records.append(["R4", "KS 2021/3", "Beslut", "2021-06-30", "Utgående", "", ""])
        e.fileRows.append(["R4", "ks-2021-3/beslut.txt", "Beslut.txt"])
        e.contents["ks-2021-3/beslut.txt"] = "Beslut\n"
        let out = e.root + "-split"
        defer {
            for suffix in ["-part-001", "-part-002", "-manifest.json"] { try? FileManager.default.removeItem(atPath: out + suffix) }
        }
        let result = try Packager().run(try request(e, out: out, maxCases: 2))
        #expect(result.parts.map(\.cases) == [2, 1])
        #expect(result.parts.map(\.path) == [out + "-part-001", out + "-part-002"])
        #expect(result.manifest == out + "-manifest.json")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "-manifest.json"))) as? [String: Any]
        #expect((manifest?["parts"] as? [Any])?.count == 2)
        for part in result.parts {
            let v = try SIPTools.validateSIP(part.path)
            #expect(v.status == 0, "\(v.output)")
        }
    }

    /// The byte limit splits by the files' sizes on disk. When everything fits, the walk's
    /// measure decides that without a `stat` per file; a file referenced twice counts twice.
    @Test func splitsByBytesCountingAFileReferencedTwiceTwice() throws {
        let e = try PreflightExport()
        // Case 1: 20 + 25 bytes; case 2: 10 bytes.
        let one = try Packager().run(try request(e, out: e.root + "-one.tar", maxBytes: 55))
        defer { try? FileManager.default.removeItem(atPath: e.root + "-one.tar") }
        #expect(one.parts.map(\.cases) == [2] && one.parts[0].contentBytes == 55)

        defer {
            for stem in ["-bytes", "-twice"] {
                for suffix in ["-part-001.tar", "-part-002.tar", "-manifest.json"] { try? FileManager.default.removeItem(atPath: e.root + stem + suffix) }
            }
        }
        let two = try Packager().run(try request(e, out: e.root + "-bytes.tar", maxBytes: 54))
        #expect(two.parts.map(\.cases) == [1, 1] && two.parts.map(\.contentBytes) == [45, 10])

        // R3 also references case 1's decision (25 bytes): 80 bytes packaged, 55 on disk.
        e.fileRows.append(["R3", "ks-2021-1/beslut.txt", "Beslut.txt"])
        let twice = try Packager().run(try request(e, out: e.root + "-twice.tar", maxBytes: 55))
        #expect(twice.parts.map(\.cases) == [1, 1] && twice.parts.map(\.contentBytes) == [45, 35])
    }

    @Test func packageCarriesTheReportThePreflightGivesWithCaseFindings() throws {
        let e = try PendingPreflightTests.exportWithCaseFindings()
        e.records.removeLast()  // no duplicate record id: the package must pass
        let out = e.root + "-report.tar"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try Packager().run(try request(e, out: out))
        let config = try DeliveryConfiguration(library: profileLibrary, profile: nil, agreement: "EAV-VBG-KS-CSV")
        let alone = try Preflight(profile: config.profile, agreement: config.agreement, organisation: config.organisation)
            .run(exportRoot: e.root, catalog: try ExportCatalog(), readContent: false)
        #expect(!alone.findings("secrecy.no-legal-reference").isEmpty)
        #expect(try result.preflight.json() == alone.json())
        let objid = result.parts[0].objid
        let text = try SIPTools.run("/usr/bin/tar", ["xOf", out, "\(objid)/documentation/preflight-report.txt"]).output
        #expect(text == alone.text())
        let json = try SIPTools.run("/usr/bin/tar", ["xOf", out, "\(objid)/documentation/preflight-report.json"]).output
        #expect(json == String(decoding: try alone.json(), as: UTF8.self))
        // The report's declared types are the ones identification gives for its bytes.
        let identifier = try FormatIdentifier()
        #expect(identifier.identify(head: Array(json.utf8), name: "preflight-report.json").mime == "application/json")
        #expect(identifier.libmagicType(Array(json.utf8)) == "application/json")
        #expect(identifier.identify(head: Array(text.utf8), name: "preflight-report.txt").mime == "text/plain")
        #expect(identifier.libmagicType(Array(text.utf8)) == "text/plain")
        let mets = try SIPTools.run("/usr/bin/tar", ["xOf", out, "\(objid)/METS.xml"]).output
        #expect(mets.contains("MIMETYPE=\"application/json\""))
    }

    @Test func caseRuleMadeAnErrorByTheAgreementStillRefusesBeforeWriting() throws {
        let e = try PendingPreflightTests.exportWithCaseFindings()
        e.records.removeLast()
        // A copy of the profiles whose agreement makes placeholder dates errors.
        let profiles = e.root + "-profiles"
        defer { try? FileManager.default.removeItem(atPath: profiles) }
        try FileManager.default.copyItem(atPath: SIPTestPaths.packageRoot + "/profiles", toPath: profiles)
        let agreementFile = profiles + "/agreements/EAV-VBG-KS-CSV.yaml"
        try (String(contentsOfFile: agreementFile, encoding: .utf8) + "ruleSeverity:\n  date.sentinel: error\n")
            .write(toFile: agreementFile, atomically: true, encoding: .utf8)
        try e.write()
        let config = try DeliveryConfiguration(library: ProfileLibrary(directory: profiles), profile: nil, agreement: "EAV-VBG-KS-CSV")
        let out = e.root + "-refused.tar"
        let request = PackageRequest(exportRoot: e.root, configuration: config, output: out,
                                     schemas: try SchemaLibrary(directory: SIPTestPaths.schemas), softwareVersion: "test")
        #expect {
            try Packager().run(request)
        } throws: { error in
            guard case PackagingError.preflightFailed(let report) = error else { return false }
            return report.findings("date.sentinel").first?.severity == .error
                && !report.findings("secrecy.no-legal-reference").isEmpty
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
