import BevaraModel

/// Placeholder until the FGS reader lands.
struct FGSReader: ExportReader {
    let profile: Profile
    func read(exportRoot: String, into catalog: ExportCatalog, findings: FindingCollector) throws {
        fatalError("not implemented")
    }
}
