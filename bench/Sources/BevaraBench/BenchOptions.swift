/// Command-line options of `BevaraBench` (plain parsing: the target has no argument-parser).
struct BenchOptions {
    var database = ""
    var records = 1_000_000
    var queriesPerKind = 300
    var seed: UInt64 = 1
    var organisations = 4
    var textFraction = 0.3
    var textWords = 120
    var reuse = false
    var jsonPath: String?
    /// Where to write `bevara search` arguments for whole-command runs, and how many per kind.
    var commandsPath: String?
    var commandsPerKind = 20

    static let usage = """
        usage: BevaraBench --db PATH [--records N] [--queries N] [--seed S] [--organisations K]
                           [--text-fraction F] [--text-words W] [--reuse] [--json OUT]
                           [--commands TSV] [--commands-per-kind N]
        Builds an index of N synthetic records through IndexWriter (or, with --reuse, queries the
        one PATH holds, built earlier with the same options) and measures ArchiveIndex.search
        latency per query kind. Results as JSON on stdout (or in OUT); progress on stderr.
        --commands writes other queries of the same mix, of the first organisation only, as
        `kind<TAB>bevara search arguments` lines (for timing whole commands on this index).
        """

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    init(arguments: [String]) throws {
        var i = 0
        func value() throws -> String {
            i += 1
            guard i < arguments.count else { throw UsageError(description: "\(arguments[i - 1]) needs a value\n\(Self.usage)") }
            return arguments[i]
        }
        func number<T: LosslessStringConvertible>(_ name: String) throws -> T {
            let text = try value()
            guard let n = T(text) else { throw UsageError(description: "\(name): not a number: \(text)") }
            return n
        }
        while i < arguments.count {
            switch arguments[i] {
            case "--db": database = try value()
            case "--records": records = try number("--records")
            case "--queries": queriesPerKind = try number("--queries")
            case "--seed": seed = try number("--seed")
            case "--organisations": organisations = try number("--organisations")
            case "--text-fraction": textFraction = try number("--text-fraction")
            case "--text-words": textWords = try number("--text-words")
            case "--reuse": reuse = true
            case "--json": jsonPath = try value()
            case "--commands": commandsPath = try value()
            case "--commands-per-kind": commandsPerKind = try number("--commands-per-kind")
            case "-h", "--help": throw UsageError(description: Self.usage)
            default: throw UsageError(description: "unknown argument \(arguments[i])\n\(Self.usage)")
            }
            i += 1
        }
        guard !database.isEmpty else { throw UsageError(description: "--db is required\n\(Self.usage)") }
        guard records > 0, queriesPerKind > 0 else { throw UsageError(description: "--records and --queries must be positive") }
        guard (1...CorpusPlan.allOrganisations.count).contains(organisations) else {
            throw UsageError(description: "--organisations must be 1…\(CorpusPlan.allOrganisations.count)")
        }
    }

    var plan: CorpusPlan {
        CorpusPlan(seed: seed, records: records, organisations: Array(CorpusPlan.allOrganisations.prefix(organisations)),
                   meanRecordsPerCase: 5, textFraction: textFraction, textWords: textWords)
    }
}
