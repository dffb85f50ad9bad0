import Foundation
import Testing

/// A package run killed with SIGKILL (no cleanup handler can run) leaves no package under the
/// final name, and the next run removes the dead run's leftovers and writes a valid package.
@Suite struct PackageKillTests {
    @Test(arguments: ["out.tar", "out"])
    func killedMidwayLeavesNoPackageAndTheRerunSucceeds(out: String) throws {
        let dir = try temporaryFolder("kill")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let export = dir + "/export"
        let generated = try bevara(["fixture", "--shape", "generic-csv", "--cases", "12", "--sizes", "small", "--seed", "7", export])
        try #require(generated.status == 0, "\(generated.stderr)")
        let target = dir + "/" + out

        let killed = try bevara(["package", "--agreement", "EAV-VBG-KS-CSV", "--out", target, export],
                                environment: ["BEVARA_FAILPOINT": "package.after-content-file@20"])
        #expect(killed.status == killedBySIGKILL, "\(killed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target))
        // The dead run's staging is still there: SIGKILL left no chance to clean up.
        #expect(listing(dir).contains { $0.hasPrefix(".bevara-partial-") })

        let rerun = try bevara(["package", "--agreement", "EAV-VBG-KS-CSV", "--out", target, export])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(!listing(dir).contains { $0.hasPrefix(".bevara-partial-") })
        let v = try validateSIP([target])
        #expect(v.status == 0, "\(v.stdout)\n\(v.stderr)")
    }
}
