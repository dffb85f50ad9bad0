import ArgumentParser
import BevaraPackaging
import BevaraProfiles
import Foundation

/// `bevara package`: write an E-ARK SIP (folder, .tar or .zip) from an export.
struct PackageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "package",
        abstract: "Write an E-ARK SIP from an export: a folder, or .tar/.zip when --out ends so.",
        discussion: """
            Runs the preflight first and refuses to write when it finds errors. Every file is read once \
            (hash, identify, copy). Output appears only when complete. \
            Exit status: 0 written, 1 refused (errors in the export), 2 could not run.
            """)

    @OptionGroup var delivery: DeliveryOptions

    @Option(name: .long, help: "The package to create: a folder path, or a path ending .tar or .zip.")
    var out: String

    @Option(name: .long, help: "Split so that no SIP holds more content than this (bytes; suffixes k, M, G, T, KiB, MiB, GiB).")
    var maxSize: ByteCount?

    @Option(name: .long, help: "Split so that no SIP holds more cases than this.")
    var maxCases: Int?

    @Option(name: .long, help: "Package id (OBJID) to use, e.g. uuid-…; default: a new one.")
    var id: String?

    @Option(name: .long, help: "Folder with the published XSDs to include (default: $BEVARA_SCHEMAS or ../shared/schemas).")
    var schemas: String?

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    @Argument(help: "The export folder.")
    var export: String

    func validate() throws {
        if let maxCases, maxCases < 1 { throw ValidationError("--max-cases must be at least 1") }
        if let id, id.isEmpty || !(id.first!.isLetter || id.first == "_") || id.contains(where: { !($0.isLetter || $0.isNumber || "-_.".contains($0)) }) {
            throw ValidationError("--id must be an XML NCName such as uuid-2f1c… (letters, digits, - _ .; starting with a letter)")
        }
    }

    func run() throws {
        var result: PackageResult?
        var refused: PackagingError?
        try Output.guarding {
            let config = try delivery.resolve()
            guard let library = schemas.map({ try? SchemaLibrary(directory: $0) }) ?? SchemaLibrary.locate() else {
                throw CLIError.failure("cannot find the schema library (mets.xsd …); pass --schemas DIR or set BEVARA_SCHEMAS")
            }
            let request = PackageRequest(
                exportRoot: export, configuration: config, output: out, maxBytes: maxSize?.bytes, maxCases: maxCases,
                schemas: library, softwareVersion: Bevara.version, packageID: id, showProgress: !json)
            do {
                result = try Packager().run(request)
            } catch let e as PackagingError {
                refused = e
            }
        }
        if let refused {
            if json, case .preflightFailed(let report) = refused { Output.json(try report.json()) }
            Output.error(refused.description)
            throw ExitCode(1)
        }
        guard let result else { return }
        if json {
            try Output.json(result)
        } else {
            for part in result.parts {
                Output.text("\(part.path): \(part.objid), \(part.cases) cases, \(part.records) records, \(part.files) files, \(part.contentBytes) bytes\n")
            }
            if let manifest = result.manifest { Output.text("manifest: \(manifest)\n") }
            Output.text(String(format: "%ld warning(s); %.2f s\n", result.preflight.warnings, result.seconds))
        }
    }
}

/// A byte count with an optional unit: `500000`, `10G`, `1.5GiB`.
struct ByteCount: ExpressibleByArgument {
    let bytes: Int64

    init?(argument: String) {
        let units: [(String, Double)] = [("TiB", 1_099_511_627_776), ("GiB", 1_073_741_824), ("MiB", 1_048_576), ("KiB", 1024),
                                         ("T", 1e12), ("G", 1e9), ("M", 1e6), ("k", 1e3), ("K", 1e3), ("B", 1)]
        var text = argument.trimmingCharacters(in: .whitespaces)
        var factor = 1.0
        for (suffix, value) in units where text.hasSuffix(suffix) {
            factor = value
            text.removeLast(suffix.count)
            break
        }
        guard let number = Double(text.trimmingCharacters(in: .whitespaces)), number > 0 else { return nil }
        bytes = Int64(number * factor)
    }
}
