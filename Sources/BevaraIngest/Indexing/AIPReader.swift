import BevaraPackaging
import BevaraStorage
import Foundation

/// Reads Bevara's own files of a stored AIP, always through storage's verified read.
struct AIPReader {
    let storage: OCFLStorageRoot

    /// `metadata/other/bevara-aip.json` of the head version: owner, agreement, submissions.
    func record(objectID: String) throws -> AIPRecord {
        try decodeRecord(objectID: objectID) { try storage.withVerifiedFile(objectID: objectID, logicalPath: AIPLayout.record, $0) }
    }

    /// The same, from a head state the caller already read.
    func record(objectID: String, in state: OCFLHeadState) throws -> AIPRecord {
        guard let file = try state.file(AIPLayout.record) else {
            throw OCFLStorageError.logicalPathNotFound(objectID: objectID, path: AIPLayout.record, version: state.headVersion)
        }
        return try decodeRecord(objectID: objectID) { try storage.withVerifiedFile(file, objectID: objectID, $0) }
    }

    /// Decodes the record file that `verifiedRead` hands over.
    private func decodeRecord(objectID: String,
                              _ verifiedRead: ((String) throws -> AIPRecord) throws -> AIPRecord) throws -> AIPRecord {
        do {
            return try verifiedRead { path in try AIPRecord.decode(try Data(contentsOf: URL(fileURLWithPath: path))) }
        } catch let error as DecodingError {
            throw IngestError.damagedAIP(objectID: objectID, reason: "\(AIPLayout.record) does not decode: \(error)")
        }
    }
}
