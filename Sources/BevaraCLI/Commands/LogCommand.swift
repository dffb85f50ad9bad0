import ArgumentParser
import BevaraAccess
import BevaraIngest
import Foundation

/// `bevara log show|verify`: the hash-chained access log.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Read and verify the access log.", subcommands: [Show.self, Verify.self])

    /// `bevara log show --archive DIR --as USER`
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print access log entries: your organisation's (an administrator sees all).")

        @OptionGroup var archiveOptions: ArchiveOptions

        @Option(name: .long, help: "Only this user's entries.")
        var user: String?

        @Option(name: .long, help: "Only entries since this time (ISO 8601, e.g. 2026-11-23T00:00:00Z).")
        var since: String?

        @Flag(name: .long, help: "Print JSON.")
        var json = false

        func run() throws {
            try Output.guarding {
                let (archive, reader) = try archiveOptions.open()
                let sinceDate = try since.map { text -> Date in
                    guard let date = ISO8601DateFormatter().date(from: text) else {
                        throw ValidationError("--since takes an ISO 8601 time such as 2026-11-23T00:00:00Z")
                    }
                    return date
                }
                // The log holds personal data: each organisation reads its own entries only.
                let organisation = reader.role == .administrator ? nil : reader.organisationID
                let entries = try AccessLog(archiveRoot: archive.layout.root)
                    .entries(user: user, organisation: organisation, since: sinceDate)
                    .filter { reader.role == .administrator || $0.organisation == reader.organisationID }
                if json { return try Output.json(entries) }
                for e in entries {
                    let query = e.query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                    Output.text("\(e.seq)\t\(e.time)\t\(e.user) (\(e.role), \(e.organisation ?? "-"))\t\(e.command)\t\(e.outcome)\t\(query)")
                    if let r = e.requestReference { Output.text("\trequest=\(r)") }
                    Output.text("\trecords=\(e.records.count) files=\(e.files.count) decisions=\(e.decisions.count)\n")
                }
            }
        }
    }

    /// `bevara log verify --archive DIR`
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the hash chain; exit 1 and name the first broken entry if any was changed, removed or reordered.")

        @Option(name: .long, help: "The archive folder.")
        var archive: String

        @Flag(name: .long, help: "Print JSON.")
        var json = false

        func run() throws {
            var intact = false
            try Output.guarding {
                let opened = try Archive(opening: archive)
                let verification = try AccessLog(archiveRoot: opened.layout.root).verify()
                intact = verification.isIntact
                if json {
                    try Output.json(["intact": intact ? "true" : "false", "result": verification.description])
                } else {
                    Output.text(verification.description + "\n")
                }
            }
            if !intact { throw ExitCode(1) }
        }
    }
}
