import ArgumentParser
import BevaraPackaging
import BevaraProfiles

/// `bevara check`: preflight an export and report every problem at once.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Preflight an export: every problem at once, with file, line and rule.",
        discussion: "Exit status: 0 no errors (warnings allowed), 1 errors found, 2 the check could not run.")

    @OptionGroup var delivery: DeliveryOptions

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    @Flag(name: .long, help: "Skip reading file content (formats and checksums); only metadata and file presence.")
    var metadataOnly = false

    @Argument(help: "The export folder.")
    var export: String

    func run() throws {
        var report: PreflightReport?
        try Output.guarding {
            let config = try delivery.resolve()
            let catalog = try ExportCatalog()
            report = try Preflight(profile: config.profile, agreement: config.agreement, organisation: config.organisation)
                .run(exportRoot: export, catalog: catalog, readContent: !metadataOnly, progress: !json)
        }
        guard let report else { return }
        if json { Output.json(try report.json()) } else { Output.text(report.text()) }
        if !report.passed { throw ExitCode(1) }
    }
}
