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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Time first so names sort by time; a random suffix keeps two audits in one instant apart.
        let stamp = entry.dateTime.replacingOccurrences(of: ":", with: "")
        let suffix = UUID().uuidString.prefix(8).lowercased()
        try storage.appendLog(objectID: objectID, name: "\(prefix)\(stamp)-\(suffix).json", data: try encoder.encode(entry))
    }

    static func events(storage: OCFLStorageRoot, objectID: String) throws -> [Entry] {
        try storage.logRecords(Entry.self, objectID: objectID, prefix: prefix)
    }
}
