import BevaraModel
import Foundation

/// One value for the staging catalog with the keys its insert needs already worked out: search
/// keys, source text, bare-name keys.
///
/// Making one is pure work (no catalog involved), so a reader can make rows on one thread while
/// another encodes and inserts them (`CatalogLoadPipeline`). Encoding is left to the inserting
/// side on purpose: on exports of many small files (bench P2) parsing and mapping a row cost
/// about as much as encoding and inserting it, so the two threads stay balanced.
/// `ExportCatalog.add(_:)` stores a row exactly as the typed `add` methods always did; those now
/// make a row and add it.
public struct CatalogRow: Sendable {
    enum Content: Sendable {
        case caseRow(Case, key: String, src: String)
        case record(Record, key: String, src: String, bareNames: String, files: [(path: String, src: String)])
        /// A record's party: `claim` (its name key and whether it is bare itself) decides at insert
        /// time whether it merges into one of the record's bare names; nil for a case's party.
        case party(Party, caseKey: String, recordID: String?, src: String, claim: (nameKey: String, isBare: Bool)?)
        case file(FileReference, recordID: String, src: String)
    }

    let content: Content

    /// A case.
    public init(_ item: Case) {
        content = .caseRow(item, key: item.diarienummer.searchKey, src: item.source.description)
    }

    /// A record with its file references.
    public init(_ record: Record) {
        content = .record(record, key: record.caseNumber.searchKey, src: record.source.description,
                          bareNames: ExportCatalog.bareNames(of: record.parties),
                          files: record.files.map { ($0.path, $0.source.description) })
    }

    /// A party of a case, or of one record when `recordID` is given (see `ExportCatalog.add(party:…)`).
    public init(party: Party, caseNumber: Diarienummer, recordID: String?) {
        content = .party(party, caseKey: caseNumber.searchKey, recordID: recordID, src: party.source?.description ?? "",
                         claim: recordID == nil ? nil : (ExportCatalog.nameKey(party.name), ExportCatalog.isBare(party)))
    }

    /// A file reference of a files table, for the record with id `recordID`.
    public init(file: FileReference, recordID: String) {
        content = .file(file, recordID: recordID, src: file.source.description)
    }
}
