import ArgumentParser
import BevaraAccess
import Foundation

/// `bevara show --archive DIR --as USER ID`
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a case (by diarienummer) or the case of a record (by record id).")

    @OptionGroup var archiveOptions: ArchiveOptions

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @Argument(help: "Diarienummer (KS 2021/123) or record id (KS 2021/123:4).")
    var id: String

    func run() throws {
        try Output.guarding {
            let (archive, user) = try archiveOptions.open()
            let cases = try AccessService(archive: archive, user: user).show(id)
            if json { return try Output.json(cases) }
            for c in cases {
                Output.text("\(c.diarienummer)  \(c.title)\n")
                Output.text("  status \(c.status ?? "-"), opened \(c.opened ?? "-"), closed \(c.closed ?? "-"), class \(c.classification ?? "-"), unit \(c.unit ?? "-")\n")
                if c.restricted { Output.text("  SEKRETESS \(c.legalReference ?? "(lagrum saknas – granska)")\n") }
                for p in c.parties { Output.text("  part: \(p.name)\(p.identityNumber.map { " \($0)" } ?? "") (\(p.role))\n") }
                for r in c.records {
                    let secrecy = r.restricted ? "  SEKRETESS \(r.legalReference ?? "(lagrum saknas – granska)")" : ""
                    Output.text("  \(r.recordID)  \(r.date ?? "")  \(r.direction ?? "")  \(r.title)\(secrecy)\n")
                    for p in r.parties { Output.text("      part: \(p.name) (\(p.role))\n") }
                    for f in r.files { Output.text("      fil: \(f.name ?? "[namn visas inte]") (\(f.mime), \(f.size) bytes)\n") }
                }
            }
        }
    }
}
