import BevaraModel

/// Placeholder until the CSV reader lands.
struct GenericCSVReader: ExportReader {
    let profile: Profile
    func read(exportRoot: String, into catalog: ExportCatalog, findings: FindingCollector) throws {
        fatalError("not implemented")
    }
}
