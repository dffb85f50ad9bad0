import ArgumentParser
import BevaraArchiveIO

/// `bevara`: package case-system exports into E-ARK SIPs (and, later, archive and retrieve them).
@main
struct Bevara: ParsableCommand {
    static let version = BevaraVersion.current

    static let configuration = CommandConfiguration(
        commandName: "bevara",
        abstract: "E-archive ingestion and long-term preservation for Swedish municipal records.",
        version: version,
        subcommands: [CheckCommand.self, PackageCommand.self, ArchiveCommand.self, IngestCommand.self, AuditCommand.self,
                      ReindexCommand.self, StatusCommand.self, SearchCommand.self, ShowCommand.self, RetrieveCommand.self, LogCommand.self,
                      FixtureCommand.self])

    static func main() {
        ProcessSetup.useUTF8Locale()
        Interruption.shared.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
