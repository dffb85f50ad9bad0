/// A secrecy or integrity marking carried by an export (sekretessmarkering).
///
/// It is a warning, never a decision: disclosure is decided per request. The legal reference is
/// kept verbatim (`OSL 26 kap. 1 §`, `26:1 OSL`, `SekrL 7:4`); it may be absent, which the
/// preflight reports and disclosure treats as "restricted until reviewed".
public struct SecrecyMarking: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// Sekretess (OSL).
        case secrecy
        /// Integrity / personal data.
        case integrity
        case other
    }

    public var kind: Kind
    public var legalReference: String?
    public var explanation: String?
    /// When the marking lapses, if the export says.
    public var expires: PartialDate?

    public init(kind: Kind, legalReference: String? = nil, explanation: String? = nil, expires: PartialDate? = nil) {
        self.kind = kind
        self.legalReference = legalReference
        self.explanation = explanation
        self.expires = expires
    }

    /// CITS ERMS `restriction/@restrictionType`.
    public var ermsRestrictionType: String {
        switch kind {
        case .secrecy: return "confidential"
        case .integrity: return "integrity"
        case .other: return "other_type"
        }
    }
}
