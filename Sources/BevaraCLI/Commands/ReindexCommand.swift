import ArgumentParser
import BevaraIngest
import Foundation

/// `bevara reindex --archive DIR`
struct ReindexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex", abstract: "Rebuild the SQLite index from the storage root alone.")

    @Option(name: .long, help: "The archive folder.")
    var archive: String

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    func run() throws {
        try Output.guarding {
            let opened = try Archive(opening: archive)
            let started = Date()
            let count = try Reindexer(archive: opened).run()
            let seconds = Date().timeIntervalSince(started)
            if json {
                try Output.json(["aips": Double(count), "seconds": seconds])
            } else {
                Output.text("Reindexed \(count) AIP(s) from \(opened.layout.storage) in \(String(format: "%.1f", seconds)) s\n")
            }
        }
    }
}
