import ArgumentParser
import BevaraIngest
import Foundation

/// `bevara audit --archive DIR --as USER [--older-than DAYS]`
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Re-read stored files, verify every checksum, record a fixity event; exit 1 on damage.")

    @OptionGroup var archiveOptions: ArchiveOptions

    @Option(name: .long, help: "Only AIPs not audited within this many days.")
    var olderThan: Int?

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    func run() throws {
        var report = FixityReport()
        try Output.guarding {
            let (archive, user) = try archiveOptions.open()
            report = try Auditor(archive: archive, user: user).run(olderThanDays: olderThan)
        }
        if json {
            try Output.json(report)
        } else {
            Output.text("\(report.objectsChecked) AIP(s) checked, \(report.objectsSkipped) skipped (audited recently)\n")
            for d in report.damage { Output.text("DAMAGED \(d)\n") }
            Output.text(report.isIntact ? "all intact\n" : "\(report.damage.count) damaged or missing file(s)\n")
        }
        if !report.isIntact { throw ExitCode(1) }
    }
}
