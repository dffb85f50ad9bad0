import ArgumentParser
import BevaraAccess
import Foundation

/// `bevara retrieve --archive DIR --as USER --request REF --out OUT ID...`
struct RetrieveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retrieve",
        abstract: "Build a disclosure package (E-ARK DIP with a cover list) for a request for public records.",
        discussion: """
            Secrecy-marked records are withheld unless released by a decision: --decide ID=release|mask|deny \
            with --reason TEXT. A masking decision needs the masked copy you made: --masked-copy ID=PATH. \
            Decisions are kept with the records; every file is checksum-verified as it is copied out.
            """)

    @OptionGroup var archiveOptions: ArchiveOptions

    @Option(name: .long, help: "The request's own reference (e.g. its diarienummer).")
    var request: String

    @Option(name: .long, help: "Folder or .zip to write (must not exist).")
    var out: String

    @Option(name: .long, help: "A secrecy decision: RECORD-ID=release|mask|deny (repeatable).")
    var decide: [String] = []

    @Option(name: .long, help: "Why (kept with every decision made in this run).")
    var reason: String?

    @Option(name: .long, help: "RECORD-ID=PATH of a masked copy you made, for a mask decision (repeatable).")
    var maskedCopy: [String] = []

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @Argument(help: "Diarienummer (all records of the case) or record ids.")
    var ids: [String]

    func run() throws {
        try Output.guarding {
            var decisions: [String: SecrecyDecision.Outcome] = [:]
            for text in decide {
                let parsed = try SecrecyDecision.parse(text)
                decisions[parsed.recordID] = parsed.outcome
            }
            var copies: [String: String] = [:]
            for text in maskedCopy {
                guard let eq = text.lastIndex(of: "=") else { throw ValidationError("--masked-copy takes RECORD-ID=PATH") }
                copies[String(text[..<eq])] = String(text[text.index(after: eq)...])
            }
            let (archive, user) = try archiveOptions.open()
            let result = try AccessService(archive: archive, user: user).retrieve(DisclosureOrder(
                requestReference: request, ids: ids, decisions: decisions, reason: reason, maskedCopies: copies, out: out))
            if json { return try Output.json(result) }
            Output.text("Disclosure package for request \(result.requestReference): \(result.package)\n")
            for line in result.lines {
                Output.text("  \(line.recordID)\t\(line.outcome)\(line.legalReference.map { "\t\($0)" } ?? "")\t\(line.files.count) file(s)\n")
            }
            Output.text("\(result.filesReleased) file(s), \(result.bytesReleased) bytes released; cover list in documentation/cover-list.html\n")
        }
    }
}
