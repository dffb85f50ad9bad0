/// A secrecy marking as search reports it: a flag plus the legal reference when the export gave
/// one. A marking is a hint for the access layer, never a decision (domain §3.5).
public struct IndexedSecrecy: Hashable, Sendable {
    public var restricted: Bool
    /// Lagrum as delivered (`OSL 26 kap. 1 §`); several markings are joined with "; ".
    /// Nil for a marking without lagrum ("restricted — review").
    public var legalReference: String?

    public init(restricted: Bool, legalReference: String? = nil) {
        self.restricted = restricted
        self.legalReference = legalReference
    }

    public static let none = IndexedSecrecy(restricted: false)
}
