import ArgumentParser
import BevaraIngest
import Foundation

/// `bevara ingest --archive DIR --as USER PKG...`
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Validate E-ARK SIPs (folder, .zip, .tar, .tar.gz) and store them as AIPs in the archive.")

    @OptionGroup var archiveOptions: ArchiveOptions

    @Option(name: .long, help: "Agreement to receive packages under when they name none this archive knows.")
    var agreement: String?

    @Flag(name: .long, help: "Print one JSON result per package.")
    var json = false

    @Argument(help: "Packages to ingest.")
    var packages: [String]

    func run() throws {
        var outcomes: [IngestOutcome] = []
        try Output.guarding {
            let (archive, user) = try archiveOptions.open()
            var ingestor = Ingestor(archive: archive, user: user)
            ingestor.showProgress = !json
            outcomes = try ingestor.ingest(packages, agreementID: agreement)
        }
        if json {
            try Output.json(outcomes)
        } else {
            for o in outcomes { report(o) }
        }
        if outcomes.contains(where: { $0.status == .rejected }) { throw ExitCode(1) }
    }

    private func report(_ o: IngestOutcome) {
        switch o.status {
        case .archived:
            Output.text("\(o.package): archived as \(o.objectID ?? "?") version \(o.version ?? 0) for \(o.organisationID ?? "?") (\(o.files) files, \(o.bytes) bytes, \(String(format: "%.1f", o.seconds)) s)\n")
        case .alreadyArchived:
            Output.text("\(o.package): already archived as \(o.objectID ?? "?") version \(o.version ?? 0); nothing changed\n")
        case .indexCompleted:
            Output.text("\(o.package): already stored as \(o.objectID ?? "?") version \(o.version ?? 0); an earlier run stopped before indexing, index now complete\n")
        case .rejected:
            Output.error("\(o.package): rejected")
            for f in o.findings { Output.error("  \(f)") }
        }
        for f in o.findings where o.status != .rejected { Output.text("  \(f)\n") }
    }
}
