import BevaraStorage
import Foundation

/// Fixity checks recorded in an AIP's OCFL `logs/` folder (free-form by the OCFL spec, outside
/// the versioned state, so an audit never makes a new version). One JSON file per audit; reindex
/// reads them back, so the audit history survives a lost index.
enum FixityLog {
    struct Entry: Codable, Equatable {
        var dateTime: String
        var outcome: String
        var detail: String
        var agent: String
    }

    static let prefix = "fixity-"

    static func append(_ entry: Entry, storage: OCFLStorageRoot, objectID: String) throws {
        try storage.appendLogRecord(entry, objectID: objectID, prefix: prefix, time: entry.dateTime)
    }

    static func events(storage: OCFLStorageRoot, objectID: String) throws -> [Entry] {
        try storage.logRecords(Entry.self, objectID: objectID, prefix: prefix)
    }
}
