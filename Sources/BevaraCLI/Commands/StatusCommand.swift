import ArgumentParser
import BevaraIngest
import Foundation

/// `bevara status --archive DIR`
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Packages, files and bytes per organisation.")

    @Option(name: .long, help: "The archive folder.")
    var archive: String

    @Flag(name: .long, help: "Print as JSON.")
    var json = false

    func run() throws {
        try Output.guarding {
            let opened = try Archive(opening: archive)
            let rows = try opened.index.status()
            if json {
                try Output.json(rows)
            } else {
                Output.text("organisation          packages      files            bytes\n")
                for r in rows {
                    Output.text(r.organisationID.padding(toLength: 20, withPad: " ", startingAt: 0)
                                + String(format: " %10d %10d %16lld\n", r.packages, r.files, r.bytes))
                }
            }
        }
    }
}
