import BevaraModel
import BevaraPackaging
import BevaraProfiles
import Foundation
import Testing

/// The preflight walks the file tree first; when the walk reached every referenced path as a
/// regular file, the references skip their own `lstat` and real-path checks, and the manifest is
/// compared in bulk. These tests hold that shortcut to the report the full checks give.
@Suite struct ReferencesFoundByTheWalkTests {
    /// Every finding kind the shortcut still produces, in the report's order (errors first, then
    /// warnings; within each, the references' findings before the walk's, as before the walk
    /// moved ahead of them).
    @Test func shortcutKeepsEveryFindingAndTheOrder() throws {
        let e = try PreflightExport()
        try e.write()
        e.writeManifest = false
        // Referenced and on disk, but not in the manifest; a name with a portability problem.
        e.fileRows.append(["R2", "ks-2021-1/bilaga.txt", "Bilaga: del 1?.txt"])
        e.contents["ks-2021-1/bilaga.txt"] = "bilaga\n"
        // On disk, referenced by nothing.
        e.contents["ks-2021-2/kvar.txt"] = "ingen pekar hit\n"
        // In the manifest, referenced by nothing, and gone from the disk.
        var manifest = try String(contentsOfFile: e.root + "/SHA256SUMS", encoding: .utf8)
        manifest += String(repeating: "0", count: 64) + "  ks-2021-2/borta.txt\n"
        try manifest.write(toFile: e.root + "/SHA256SUMS", atomically: true, encoding: .utf8)

        for readContent in [false, true] {
            let report = try e.check(readContent: readContent)
            let fileRules = report.findings.map(\.rule).filter { $0.hasPrefix("file.") || $0.hasPrefix("manifest.") }
            #expect(fileRules == ["manifest.missing-file", "file.name-portability", "manifest.unlisted", "file.unreferenced"],
                    "\(report.text())")
            #expect(report.findings("manifest.unlisted").first?.message.contains("filer/ks-2021-1/bilaga.txt") == true)
            #expect(report.findings("manifest.unlisted").first?.location.file == "filer.csv")
            #expect(report.findings("manifest.missing-file").first?.message.contains("filer/ks-2021-2/borta.txt") == true)
            #expect(report.findings("file.unreferenced").first?.location.file == "filer/ks-2021-2/kvar.txt")
            #expect(report.passed == false)  // the missing manifest file is an error
        }
    }

    /// A manifest entry for a referenced file is not looked up on disk again, and nothing is
    /// reported for it; a referenced file missing from the disk still gets the full checks.
    @Test func oneMissingReferenceFallsBackToTheFullChecks() throws {
        let e = try PreflightExport()
        let clean = try e.check(readContent: false)
        #expect(clean.findings.filter { $0.rule.hasPrefix("file.") || $0.rule.hasPrefix("manifest.") }.isEmpty, "\(clean.text())")

        e.fileRows.append(["R3", "ks-2021-2/saknas.txt", "Saknas.txt"])
        e.fileRows.append(["R3", "../utanfor.txt", "Utanför.txt"])
        let report = try e.check(readContent: false)
        #expect(report.findings("file.missing").map(\.location.line) == [5], "\(report.text())")
        #expect(report.findings("file.unsafe-path").map(\.location.line) == [6])
        // Neither reaches the manifest comparison, with or without the shortcut.
        #expect(report.findings("manifest.unlisted").isEmpty)
        #expect(!report.passed)
    }

    /// The walk reads folders on a thread of its own; its findings still come in walk order:
    /// depth first, names in sorted order, a folder's entries before its next sibling.
    @Test func walkFindingsKeepTheWalkOrder() throws {
        let e = try PreflightExport()
        for path in ["b/z.txt", "b/a/y.txt", "a.txt", "ks-2021-1/c/x.txt", "ks-2021-1/B.txt", "ks-2021-10/w.txt", "Ö/v.txt"] {
            e.contents[path] = path
        }
        let report = try e.check(readContent: false)
        #expect(report.findings("file.unreferenced").map(\.location.file) == [
            "filer/a.txt", "filer/b/a/y.txt", "filer/b/z.txt", "filer/ks-2021-1/B.txt", "filer/ks-2021-1/c/x.txt",
            "filer/ks-2021-10/w.txt", "filer/Ö/v.txt",
        ], "\(report.text())")
    }

    /// Names are ordered by their bytes (code point order), so two spellings of "å" (composed,
    /// and "a" with a combining ring) are two entries in a fixed place; a name that is not UTF-8
    /// is reached and reported (shown with U+FFFD), not skipped as the walk once did.
    @Test func walkOrdersNamesByBytesAndReachesNamesThatAreNotUTF8() throws {
        let e = try PreflightExport()
        for path in ["m/b.txt", "m/z.txt"] { e.contents[path] = path }
        try e.write()
        // Written by bytes: the two "å" are one String (a dictionary key, a Foundation path).
        for name: [UInt8] in [[0xC3, 0xA5] + Array(".txt".utf8), Array("a\u{30A}.txt".utf8), [UInt8(ascii: "x"), 0xFF]] {
            let path = Array((e.root + "/filer/m/").utf8) + name + [0]
            let fd = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
            #expect(fd >= 0)
            close(fd)
        }
        let report = try e.check(readContent: false)
        // As bytes: Swift's String == holds the two "å" equal.
        #expect(report.findings("file.unreferenced").map { Array($0.location.file.utf8) } == [
            "filer/m/a\u{30A}.txt", "filer/m/b.txt", "filer/m/x\u{FFFD}", "filer/m/z.txt", "filer/m/\u{E5}.txt",
        ].map { Array($0.utf8) }, "\(report.text())")
    }

    /// A reference inside a linked folder is never reached by the walk: the full checks run and
    /// refuse it, whether the link leads out of the export or back into it.
    @Test func referenceThroughALinkedFolderIsStillRefused() throws {
        let e = try PreflightExport()
        try e.write()
        let outside = e.root + "-outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try "hemlig\n".write(toFile: outside + "/x.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: e.root + "/filer/ut", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: e.root + "/filer/in", withDestinationPath: e.root + "/filer/ks-2021-1")
        e.fileRows.append(["R1", "ut/x.txt", "X.txt"])
        e.fileRows.append(["R1", "in/ansokan.txt", "Ansökan.txt"])
        let report = try e.check(readContent: false)
        #expect(report.findings("file.outside-export").map(\.location.line) == [5], "\(report.text())")
        #expect(report.findings("file.symlink").count == 2)  // the two links, found by the walk
        #expect(!report.passed)
    }
}
