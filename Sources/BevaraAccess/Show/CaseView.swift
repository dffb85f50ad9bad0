import BevaraIndex
import BevaraModel

/// A case as a user may see it: titles of restricted records withheld from users who may not read
/// them, protected identities replaced, personnummer masked (organisation numbers are public).
public struct CaseView: Codable, Sendable, Equatable {
    public struct PartyView: Codable, Sendable, Equatable {
        public var name: String
        public var organisation: String?
        public var role: String
        public var identityNumber: String?
    }

    public struct FileView: Codable, Sendable, Equatable {
        /// Nil when the record's content is withheld from this user (file names can tell it).
        public var name: String?
        public var size: Int64
        public var mime: String
        public var sha256: String
    }

    public struct RecordView: Codable, Sendable, Equatable {
        public var recordID: String
        public var type: String?
        public var direction: String?
        public var date: String?
        public var title: String
        public var restricted: Bool
        public var legalReference: String?
        public var parties: [PartyView]
        public var files: [FileView]
    }

    public var diarienummer: String
    public var title: String
    public var status: String?
    public var opened: String?
    public var closed: String?
    public var classification: String?
    public var unit: String?
    public var handlingOfficer: String?
    public var restricted: Bool
    public var legalReference: String?
    public var parties: [PartyView]
    public var records: [RecordView]
}

extension CaseView {
    init(_ detail: CaseDetail, policy: AccessPolicy) {
        let hideCase = detail.restricted && !policy.seesRestrictedMetadata
        let protectedNames = (detail.parties + detail.records.flatMap(\.parties)).filter(\.protected).map(\.name)
        diarienummer = detail.diarienummer
        title = hideCase ? AccessPolicy.withheldTitle : Self.scrub(detail.title, protectedNames: protectedNames)
        status = detail.status
        opened = detail.opened
        closed = detail.closed
        classification = detail.classification
        unit = detail.unit
        handlingOfficer = detail.handlingOfficer
        restricted = detail.restricted
        legalReference = detail.legalReference
        parties = hideCase ? [] : detail.parties.map(Self.party)
        records = detail.records.map { r in
            let hide = (r.restricted || detail.restricted) && !policy.seesRestrictedMetadata
            return RecordView(
                recordID: r.recordID, type: r.type, direction: r.direction, date: r.date,
                title: hide ? AccessPolicy.withheldTitle : Self.scrub(r.title, protectedNames: protectedNames), restricted: r.restricted,
                legalReference: r.legalReference ?? (r.restricted ? nil : detail.legalReference),
                parties: hide ? [] : r.parties.map(Self.party),
                files: r.files.map { FileView(name: hide ? nil : Self.scrub($0.originalName ?? Self.lastComponent($0.logicalPath),
                                                                            protectedNames: protectedNames),
                                              size: $0.size, mime: $0.mime, sha256: $0.sha256) })
        }
    }

    /// Protected identities are never shown, to anyone; other personnummer are masked.
    static func party(_ p: PartyDetail) -> PartyView {
        if p.protected {
            return PartyView(name: AccessPolicy.protectedIdentity, organisation: nil, role: p.role, identityNumber: nil)
        }
        return PartyView(name: p.name, organisation: p.organisation, role: p.role,
                         identityNumber: p.identityNumber.map { IdentityNumber($0).masked })
    }

    /// `title` with every protected party's name replaced by the placeholder.
    static func scrub(_ title: String, protectedNames: [String]) -> String {
        protectedNames.filter { !$0.isEmpty }.reduce(title) {
            $0.replacingOccurrences(of: $1, with: AccessPolicy.protectedIdentity)
        }
    }

    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
