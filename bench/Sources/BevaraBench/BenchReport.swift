/// What one `BevaraBench` run measured, written as JSON for `bench/run`.
struct BenchReport: Codable {
    var records: Int
    var cases: Int
    var parties: Int
    var filesWithText: Int
    var packages: Int
    var organisations: Int
    var buildSeconds: Double?
    var recordsPerSecond: Double?
    var databaseBytes: Int64
    var queriesPerKind: Int
    var kinds: [SearchBenchmark.KindResult]
}
