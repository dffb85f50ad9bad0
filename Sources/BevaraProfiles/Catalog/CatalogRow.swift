import BevaraModel
import Foundation

/// One value for the staging catalog, ready to insert: encoded (`CatalogWriter`), with the keys
/// its insert needs already worked out (search keys, source text, bare-name keys).
///
/// Making one is pure work (no catalog involved), so a reader makes rows on one thread while
/// another inserts them (`CatalogLoadPipeline`). Encoding is done here, on the reader's side:
/// with the manifest loading on a thread of its own, the inserting thread is the busier one
/// (on exports of many small files, bench P2, it ran all the time while the reader waited a
/// quarter of it). `ExportCatalog.add(_:)` stores a row exactly as the typed `add` methods
/// always did; those now make a row and add it.
public struct CatalogRow: Sendable {
    enum Content: Sendable {
        case caseRow(value: Data, key: String, diarienummer: String, src: String, partyCount: Int)
        case record(value: Data, key: String, recordID: String, src: String, partyCount: Int, bareNames: String,
                    files: [(path: String, src: String)])
        /// A record's party: `claim` (its name key and whether it is bare itself) decides at insert
        /// time whether it merges into one of the record's bare names; nil for a case's party.
        case party(value: Data, caseKey: String, recordID: String?, src: String, claim: (nameKey: String, isBare: Bool)?)
        case file(value: Data, path: String, recordID: String, src: String)
    }

    let content: Content

    /// A case.
    public init(_ item: Case) { self.init(item, key: item.diarienummer.searchKey) }

    /// A case whose number's search key is `key` (from a `CaseKeyMemo`).
    init(_ item: Case, key: String) {
        content = .caseRow(value: Data(CatalogWriter.encode(item)), key: key,
                           diarienummer: item.diarienummer.verbatim, src: item.source.description, partyCount: item.parties.count)
    }

    /// A record with its file references.
    public init(_ record: Record) { self.init(record, caseKey: record.caseNumber.searchKey) }

    /// A record whose case number's search key is `caseKey` (from a `CaseKeyMemo`).
    init(_ record: Record, caseKey: String) {
        content = .record(value: Data(CatalogWriter.encode(record)), key: caseKey, recordID: record.id,
                          src: record.source.description, partyCount: record.parties.count,
                          bareNames: ExportCatalog.bareNames(of: record.parties),
                          files: record.files.map { ($0.path, $0.source.description) })
    }

    /// A party of a case, or of one record when `recordID` is given (see `ExportCatalog.add(party:…)`).
    public init(party: Party, caseNumber: Diarienummer, recordID: String?) {
        self.init(party: party, caseKey: caseNumber.searchKey, recordID: recordID)
    }

    /// A party of the case whose search key is `caseKey` (from a `CaseKeyMemo`).
    init(party: Party, caseKey: String, recordID: String?) {
        content = .party(value: Data(CatalogWriter.encode(party)), caseKey: caseKey, recordID: recordID,
                         src: party.source?.description ?? "",
                         claim: recordID == nil ? nil : (ExportCatalog.nameKey(party.name), ExportCatalog.isBare(party)))
    }

    /// A file reference of a files table, for the record with id `recordID`.
    public init(file: FileReference, recordID: String) {
        content = .file(value: Data(CatalogWriter.encode(file)), path: file.path, recordID: recordID, src: file.source.description)
    }
}
