import BevaraPackaging
import BevaraStorage
import Foundation

/// Reads Bevara's own files of a stored AIP, always through storage's verified read.
struct AIPReader {
    let storage: OCFLStorageRoot

    /// `metadata/other/bevara-aip.json` of the head version: owner, agreement, submissions.
    func record(objectID: String) throws -> AIPRecord {
        do {
            return try storage.withVerifiedFile(objectID: objectID, logicalPath: AIPLayout.record) { path in
                try AIPRecord.decode(try Data(contentsOf: URL(fileURLWithPath: path)))
            }
        } catch let error as DecodingError {
            throw IngestError.damagedAIP(objectID: objectID, reason: "\(AIPLayout.record) does not decode: \(error)")
        }
    }
}
