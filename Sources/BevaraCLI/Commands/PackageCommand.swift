import ArgumentParser

/// `bevara package` (wired when the SIP writer lands).
struct PackageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "package", abstract: "Write an E-ARK SIP from an export.")
    func run() throws { throw CLIError.failure("not yet available") }
}
