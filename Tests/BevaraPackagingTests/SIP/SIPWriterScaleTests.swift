import BevaraArchiveIO
import BevaraModel
import BevaraPackaging
import BevaraProfiles
import Foundation
import Testing

/// Packages many small files (10 per case) as a folder and a tar, prints time and memory, and
/// validates both. 1,000 files in the suite; `BEVARA_SIP_SCALE=20000` for a larger run.
@Suite struct SIPWriterScaleTests {
    /// Peak resident memory so far (VmHWM), in MB.
    static func peakMB() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }

    @Test func manySmallFilesWithFlatMemory() throws {
        ProcessSetup.useUTF8Locale()
        let count = Int(ProcessInfo.processInfo.environment["BEVARA_SIP_SCALE"] ?? "") ?? 1_000
        let fx = try SIPFixture()
        let src = SourceLocation(file: "scale.csv")
        for c in 0..<(count / 10) {
            let dnr = Diarienummer("SCALE 2020/\(c + 1)")
            try fx.catalog.add(Case(diarienummer: dnr, title: "Ärende \(c + 1)", status: .closed, source: src))
            var refs: [FileReference] = []
            for f in 0..<10 {
                refs.append(try fx.file("skala/\(c)/bilaga \(f).txt", Data("Bilaga \(f) till ärende \(c).\n".utf8), line: c * 10 + f))
            }
            try fx.catalog.add(BevaraModel.Record(id: "\(dnr.verbatim):1", caseNumber: dnr, direction: .incoming, title: "Handling",
                                                  files: refs, source: src))
        }
        try fx.catalog.finishLoading()
        let before = Self.peakMB()
        let writer = SIPWriter(context: try fx.context())

        var start = Date()
        let dir = fx.root + "/" + SIPFixture.objid
        let summary = try writer.write(fx.contents(), to: .directory(dir))
        let dirSeconds = Date().timeIntervalSince(start)
        let afterDir = Self.peakMB()

        start = Date()
        let tarPath = fx.root + "/scale.tar"
        let archive = try ArchiveWriter(path: tarPath, format: .tar)
        _ = try writer.write(fx.contents(), to: .archive(archive, scratchDirectory: fx.root + "/scratch"))
        try archive.close()
        let tarSeconds = Date().timeIntervalSince(start)
        let afterTar = Self.peakMB()

        print("scale: \(summary.files) files, \(summary.cases) cases; folder \(String(format: "%.2f", dirSeconds)) s, "
              + "tar \(String(format: "%.2f", tarSeconds)) s; peak RSS \(before) MB before, \(afterDir) MB after folder, \(afterTar) MB after tar")
        #expect(summary.files >= count)
        // Flat memory: writing must not add anything like per-file state (20,000 files × 1 KB = 20 MB).
        #expect(afterTar - before < 40, "peak RSS grew from \(before) MB to \(afterTar) MB")
        for path in [dir, tarPath] {
            let result = try SIPTools.validateSIP(path)
            print(result.output)
            #expect(result.status == 0, "\(result.output)")
        }
    }
}
