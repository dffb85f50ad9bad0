import Foundation
import Testing

/// `bevara package` end to end on the bundled fixtures, judged by the field's own validators.
@Suite(.serialized) struct PackageCommandTests {
    static let fixtures = [("vanersborg-ks-csv", "EAV-VBG-KS-CSV"), ("trollhattan-ks-fgs", "EAV-THN-KS-FGS")]

    @Test(arguments: fixtures)
    func bothFixturesPackageAsDirectoryTarAndZipAndPassTheValidators(fixture: String, agreement: String) throws {
        let out = try temporaryFolder("pkg")
        defer { try? FileManager.default.removeItem(atPath: out) }
        var packages: [String] = []
        for name in ["sip", "sip.tar", "sip.zip"] {
            let target = out + "/" + name
            let r = try bevara(["package", "--agreement", agreement, "--out", target, "--json", "fixtures/" + fixture])
            #expect(r.status == 0, "\(r.stderr)\n\(r.stdout)")
            let summary = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
            let parts = summary?["parts"] as? [[String: Any]]
            #expect(parts?.count == 1)
            #expect((parts?.first?["files"] as? Int ?? 0) > 5)
            packages.append(target)
        }
        let v = try validateSIP(packages)
        #expect(v.status == 0, "\(v.stdout)\n\(v.stderr)")
        let passLines = v.stdout.split(separator: "\n").filter { $0.hasPrefix("PASS ") }
        #expect(passLines.count == 9, "\(v.stdout)")
        #expect(!v.stdout.contains("FAIL"))
    }

    @Test func splitDeliveryWritesValidPartsAndAManifest() throws {
        let out = try temporaryFolder("split")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try bevara(["package", "--agreement", "EAV-VBG-KS-CSV", "--max-cases", "2", "--out", out + "/ks.tar", "--json",
                            "fixtures/vanersborg-ks-csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let manifestData = try Data(contentsOf: URL(fileURLWithPath: out + "/ks-manifest.json"))
        let manifest = try JSONSerialization.jsonObject(with: manifestData) as? [String: Any]
        let parts = try #require(manifest?["parts"] as? [[String: Any]])
        #expect(parts.count >= 2)
        let paths = parts.compactMap { $0["path"] as? String }
        #expect(paths.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        #expect(Set(parts.compactMap { $0["objid"] as? String }).count == parts.count)
        let v = try validateSIP(paths)
        #expect(v.status == 0, "\(v.stdout)")
    }

    @Test func refusesWhenThePreflightFindsErrorsAndWritesNothing() throws {
        let dir = try temporaryFolder("refuse")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let export = try copyFixture("vanersborg-ks-csv", to: dir)
        // A record pointing at a file that is not there.
        let filer = export + "/filer.csv"
        var text = try String(contentsOfFile: filer, encoding: .utf8)
        let firstRecord = text.split(whereSeparator: \.isNewline)[1].split(separator: ";")[0]
        text += "\(firstRecord);saknas/borta.pdf;Borta.pdf;\r\n"
        try text.write(toFile: filer, atomically: true, encoding: .utf8)
        let r = try bevara(["package", "--agreement", "EAV-VBG-KS-CSV", "--out", dir + "/out.tar", export])
        #expect(r.status == 1)
        #expect(r.stderr.contains("file.missing") && r.stderr.contains("saknas/borta.pdf"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.tar"))
        #expect(!listing(dir).contains { $0.contains(".bevara-partial-") })
    }

    @Test func aChecksumMismatchFoundWhilePackagingLeavesNoPackage() throws {
        let dir = try temporaryFolder("midway")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let export = try copyFixture("vanersborg-ks-csv", to: dir)
        // Alter the last file listed in the manifest: found only when its bytes are read.
        let manifest = try String(contentsOfFile: export + "/SHA256SUMS", encoding: .utf8)
        let lastPath = String(manifest.split(whereSeparator: \.isNewline).last!.dropFirst(66))
        let handle = try #require(FileHandle(forWritingAtPath: export + "/filer/" + lastPath))
        handle.seekToEndOfFile()
        handle.write(Data("x".utf8))
        try handle.close()
        for out in ["out", "out.tar", "out.zip"] {
            let r = try bevara(["package", "--agreement", "EAV-VBG-KS-CSV", "--out", dir + "/" + out, export])
            #expect(r.status == 1, "\(r.stderr)")
            #expect(r.stderr.contains("file.checksum-mismatch"), "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir + "/" + out))
        }
        #expect(!listing(dir).contains { $0.contains(".bevara-partial-") })
    }

    @Test func hostileExportIsRejectedAndNothingIsWrittenOutsideOut() throws {
        let dir = try temporaryFolder("hostile")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let export = try copyFixture("vanersborg-ks-csv", to: dir)
        let filer = export + "/filer.csv"
        var text = try String(contentsOfFile: filer, encoding: .utf8)
        let record = text.split(whereSeparator: \.isNewline)[1].split(separator: ";")[0]
        try FileManager.default.createSymbolicLink(atPath: export + "/filer/lank.txt", withDestinationPath: "/etc/passwd")
        text += "\(record);lank.txt;lank.txt;\r\n\(record);../../../etc/passwd;passwd;\r\n"
        try text.write(toFile: filer, atomically: true, encoding: .utf8)
        let before = listing(dir)
        let r = try bevara(["package", "--agreement", "EAV-VBG-KS-CSV", "--out", dir + "/out", export])
        #expect(r.status == 1)
        #expect(r.stderr.contains("file.symlink") && r.stderr.contains("file.unsafe-path"), "\(r.stderr)")
        #expect(listing(dir) == before)
    }
}
