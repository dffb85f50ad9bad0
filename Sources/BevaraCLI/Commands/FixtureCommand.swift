import ArgumentParser

/// `bevara fixture` (wired when the generator lands).
struct FixtureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fixture", abstract: "Generate a deterministic export for tests and benchmarks.")
    func run() throws { throw CLIError.failure("not yet available") }
}
