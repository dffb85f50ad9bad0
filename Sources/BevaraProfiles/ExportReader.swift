import BevaraModel
import Foundation

/// Reads one export, as a profile describes it, into an `ExportCatalog`.
///
/// Readers report what is wrong with the export's *content* (encoding, syntax, dates, unmapped
/// values, missing mandatory fields) as findings and keep going, so the archivist sees every
/// problem at once. They throw only when the export cannot be read at all.
public protocol ExportReader {
    func read(exportRoot: String, into catalog: ExportCatalog, findings: FindingCollector) throws
}

/// The reader for a profile's format.
public func makeReader(for profile: Profile) -> ExportReader {
    switch profile.format {
    case .csv: return GenericCSVReader(profile: profile)
    case .fgsXML: return FGSReader(profile: profile)
    }
}
