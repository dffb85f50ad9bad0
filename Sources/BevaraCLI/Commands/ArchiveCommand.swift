import ArgumentParser
import BevaraIngest
import BevaraProfiles
import Foundation

/// `bevara archive …`: create and inspect an archive.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive", abstract: "Create an archive.", subcommands: [Init.self])

    /// `bevara archive init DIR`
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an archive: OCFL storage root, SQLite index, agreements and a starter user list.")

        @Option(name: .long, help: "Agreements folder to copy in (default: the agreements of the profiles folder).")
        var agreements: String?

        @Flag(name: .long, help: "Print the result as JSON.")
        var json = false

        @Argument(help: "Folder to create (new, or empty).")
        var directory: String

        func run() throws {
            try Output.guarding {
                let source: String
                if let agreements {
                    source = agreements
                } else if let library = ProfileLibrary.locate() {
                    source = library.directory + "/agreements"
                } else {
                    throw CLIError.failure("cannot find the profiles folder; pass --agreements DIR or set BEVARA_PROFILES")
                }
                let archive = try Archive.create(at: directory, agreementsFrom: source)
                let users = archive.configuration.users.map { ["id": $0.id, "role": $0.role.rawValue, "organisation": $0.organisationID ?? ""] }
                if json {
                    try Output.json(["archive": archive.layout.root, "organisations": archive.agreements.organisations.keys.sorted().joined(separator: ","),
                                     "users": users.map { $0["id"]! }.joined(separator: ",")])
                } else {
                    Output.text("Created archive \(archive.layout.root)\n  storage: \(archive.layout.storage) (OCFL 1.1)\n  index:   \(archive.layout.index)\n  users (edit \(archive.layout.configuration)):\n")
                    for u in users { Output.text("    \(u["id"]!) (\(u["role"]!)\(u["organisation"]!.isEmpty ? "" : ", " + u["organisation"]!))\n") }
                }
            }
        }
    }
}
