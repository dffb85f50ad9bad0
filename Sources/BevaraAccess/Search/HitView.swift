import BevaraIndex

/// One search hit as a user may see it: the policy has already replaced what they may not read.
public struct HitView: Codable, Sendable, Equatable {
    public var diarienummer: String
    public var caseTitle: String
    public var recordID: String?
    public var recordTitle: String?
    public var date: String?
    /// The record (or its case) carries a secrecy marking.
    public var restricted: Bool
    /// Why: the legal reference (lagrum), shown even when the title is withheld.
    public var legalReference: String?
    /// Shown when a protected-identity party is involved; the party itself is never shown.
    public var protectedIdentity: Bool
}

extension HitView {
    /// The view of `hit` for a user under `policy`.
    init(_ hit: SearchHit, policy: AccessPolicy) {
        let hide = hit.restricted && !policy.seesRestrictedMetadata
        diarienummer = hit.caseDiarienummer
        // A hit is flagged when its record or its case is marked; without knowing which, both
        // titles are withheld: over-withholding is the safe side.
        caseTitle = hide ? AccessPolicy.withheldTitle : hit.caseTitle
        recordID = hit.recordID
        recordTitle = hit.recordTitle.map { hide ? AccessPolicy.withheldTitle : $0 }
        date = hit.date
        restricted = hit.restricted
        legalReference = hit.legalReference
        protectedIdentity = hit.protectedIdentity
    }
}
