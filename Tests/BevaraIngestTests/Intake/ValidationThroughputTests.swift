import BevaraIngest
import Foundation
import Testing

/// Throughput of `SIPValidator.validate` on a SIP of 10,000 content files (8 KiB each, 78 MiB):
/// METS parsing, the fixity pass (every file read and hashed once) and the unreferenced-file
/// walk. Prints files/s and MiB/s; asserts that every byte went through the fixity pass.
@Suite struct ValidationThroughputTests {
    @Test func tenThousandFileSIP() throws {
        let work = try IntakeFixtures.temporaryFolder("throughput")
        defer { try? FileManager.default.removeItem(atPath: work) }
        var sip = TestSIP()
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 8 * 1024 - 16)
        sip.dataFiles = (0..<10_000).map { i in
            (String(format: "data/%02d/file-%05d.txt", i / 500, i), Array(String(format: "%015d\n", i).utf8) + body)
        }
        let root = work + "/" + sip.objid
        try sip.write(to: root)
        let package = try PackageIntake.open(root, stagingDirectory: work + "/staging")

        var bytes: Int64 = 0
        let clock = ContinuousClock()
        var validation: SIPValidation?
        let elapsed = try clock.measure {
            validation = try SIPValidator().validate(package) { bytes += $0 }
        }
        let v = try #require(validation)
        #expect(v.isValid && v.findings.isEmpty, "\(IntakeFixtures.dump(v))")
        #expect(v.description?.representations.first?.files.count == 10_000)
        let contentBytes = Int64(10_000 * 8 * 1024)
        #expect(bytes > contentBytes)  // content plus METS, documentation and schema

        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let mib = Double(bytes) / 1_048_576
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print(String(format: "validate(): 10,000-file SIP, %.1f MiB in %.2f s: %.0f files/s, %.1f MiB/s; process peak RSS %ld MiB",
                     mib, seconds, 10_003 / seconds, mib / seconds, usage.ru_maxrss / 1024))
    }
}
