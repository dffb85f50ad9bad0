import BevaraStorage
import Foundation

/// Secrecy decisions are kept with the record they concern: in its AIP's OCFL `logs/` folder
/// (outside the versioned state, never overwritten), so they survive a lost index and travel with
/// the AIP. The latest decision for a record is the one in force.
struct DecisionStore {
    static let prefix = "decision-"
    let storage: OCFLStorageRoot

    func record(_ decision: SecrecyDecision, objectID: String) throws {
        try storage.appendLogRecord(decision, objectID: objectID, prefix: Self.prefix, time: decision.decidedAt)
    }

    /// Every decision recorded in the AIP, oldest first.
    func decisions(objectID: String) throws -> [SecrecyDecision] {
        try storage.logRecords(SecrecyDecision.self, objectID: objectID, prefix: Self.prefix)
    }

    /// The decision in force for `recordID` in this request: the latest one made for it. Secrecy
    /// is assessed anew for every request (circumstances change), so a decision made for another
    /// request is evidence, not a release.
    func latest(recordID: String, objectID: String, request: String) throws -> SecrecyDecision? {
        try decisions(objectID: objectID).last { $0.recordID == recordID && $0.requestReference == request }
    }
}
