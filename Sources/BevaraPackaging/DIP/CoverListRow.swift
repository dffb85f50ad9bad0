/// One record in the cover list the requester receives: what was asked for and what happened to it.
public struct CoverListRow: Sendable, Codable, Equatable {
    /// The decision on one record (TF 2 kap. 15 §, OSL 6 kap.).
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        case released, masked, withheld

        /// The wording in the cover list.
        public var swedish: String {
            switch self {
            case .released: return "Lämnas ut"
            case .masked: return "Lämnas ut med maskning"
            case .withheld: return "Lämnas inte ut"
            }
        }
    }

    public var diarienummer: String
    /// The record (handling), e.g. `KS 2021/123:3`.
    public var recordID: String
    public var date: String?
    /// The title as released: the caller masks it when the title itself is not releasable.
    public var title: String
    public var outcome: Outcome
    /// Lagrum for a masking or refusal, e.g. `OSL 26 kap. 1 §`.
    public var legalReference: String?
    public var reason: String?
    /// Package paths (as in `DIPFile.packagePath`) of the files released for this record; empty
    /// when withheld.
    public var files: [String]

    public init(diarienummer: String, recordID: String, date: String? = nil, title: String, outcome: Outcome,
                legalReference: String? = nil, reason: String? = nil, files: [String] = []) {
        self.diarienummer = diarienummer
        self.recordID = recordID
        self.date = date
        self.title = title
        self.outcome = outcome
        self.legalReference = legalReference
        self.reason = reason
        self.files = files
    }
}
