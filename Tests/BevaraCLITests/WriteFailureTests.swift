import Foundation
import Testing

/// A write that fails half-way (the disk filling up, a quota) gives a clear message naming the
/// file, a non-zero exit and nothing half-written. The failure is made with the file-size limit
/// (`ulimit -f`, with SIGXFSZ ignored so `write` returns EFBIG instead of killing the process):
/// it needs no root, no mount and no real full disk, and fails exactly the writes a full disk would.
@Suite(.serialized) struct WriteFailureTests {
    /// Runs `bevara` under a file-size limit of `kib` KiB.
    private func bevaraLimited(kib: Int, _ arguments: [String]) throws -> RunResult {
        let quoted = ([bevaraBinary] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        return try run("/bin/bash", ["-c", "ulimit -f \(kib); trap '' XFSZ; exec " + quoted.joined(separator: " ")],
                       environment: ["BEVARA_PROFILES": repositoryRoot + "/profiles",
                                     "BEVARA_SCHEMAS": repositoryRoot + "/../shared/schemas"])
    }

    /// 64 KiB: the staging catalog (in the temporary folder) cannot grow; 300 KiB: the catalog
    /// fits but the package does not.
    @Test(arguments: [(64, "staging catalog", "disk i/o error"), (300, "sip.tar", "file too large")])
    func packageThatCannotBeWrittenLeavesNothingAndNamesTheFile(kib: Int, names: String, problem: String) throws {
        let out = try temporaryFolder("efbig-package")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try bevaraLimited(kib: kib, ["package", "--profile", "generic-csv", "--agreement", "EAV-VBG-KS-CSV",
                                                  "--out", out + "/sip.tar", repositoryRoot + "/fixtures/vanersborg-ks-csv"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(names), "\(result.stderr)")
        #expect(result.stderr.lowercased().contains(problem), "\(result.stderr)")
        #expect(listing(out).isEmpty, "left behind: \(listing(out))")

        // With room again, the same command writes a complete package.
        let rerun = try bevara(["package", "--profile", "generic-csv", "--agreement", "EAV-VBG-KS-CSV",
                                "--out", out + "/sip.tar", repositoryRoot + "/fixtures/vanersborg-ks-csv"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(listing(out) == ["sip.tar"])
    }

    @Test func ingestThatCannotWriteLeavesAValidArchiveAndTheRerunArchives() throws {
        let archive = try ArchiveScenario.newArchive("efbig-ingest")
        defer { try? FileManager.default.removeItem(atPath: (archive as NSString).deletingLastPathComponent) }
        let vbg = try ArchiveScenario.package("vbg.tar")

        let failed = try bevaraLimited(kib: 64, ["ingest", "--archive", archive, "--as", "arkivarie-vanersborg", vbg])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("File too large"), "\(failed.stderr)")
        #expect(failed.stderr.contains("vbg.tar"), "\(failed.stderr)")
        #expect(try ArchiveScenario.objects(archive + "/storage").isEmpty)
        let ocfl = try ArchiveScenario.validateOCFL(archive + "/storage")
        #expect(ocfl.status == 0, "\(ocfl.stdout)\n\(ocfl.stderr)")

        let (rerun, rerunOut) = try ArchiveScenario.ingest(archive, as: "arkivarie-vanersborg", [vbg])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerunOut.first?["status"] as? String == "archived", "\(rerunOut)")
        #expect(try ArchiveScenario.validateOCFL(archive + "/storage").status == 0)
    }

    /// 200 KiB: every file of the fixture's AIP fits, the index's WAL does not. The AIP is stored,
    /// the message says so and how to finish, and the rerun completes the index.
    @Test func ingestWhoseIndexCannotBeWrittenSaysTheAIPIsSafeAndTheRerunCompletesIt() throws {
        let archive = try ArchiveScenario.newArchive("efbig-index")
        defer { try? FileManager.default.removeItem(atPath: (archive as NSString).deletingLastPathComponent) }
        let vbg = try ArchiveScenario.package("vbg.tar")

        let failed = try bevaraLimited(kib: 200, ["ingest", "--archive", archive, "--as", "arkivarie-vanersborg", vbg])
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("vbg.tar: stored safely as"), "\(failed.stderr)")
        #expect(failed.stderr.contains("index.sqlite"), "\(failed.stderr)")
        #expect(try ArchiveScenario.objects(archive + "/storage").count == 1)
        #expect(try ArchiveScenario.validateOCFL(archive + "/storage").status == 0)

        let (rerun, rerunOut) = try ArchiveScenario.ingest(archive, as: "arkivarie-vanersborg", [vbg])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerunOut.first?["status"] as? String == "index-completed", "\(rerunOut)")
    }
}
