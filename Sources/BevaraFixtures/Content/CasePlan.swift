/// One case as the generator (or a bundled fixture) describes it before writing: everything
/// both export shapes need, in source-neutral terms. One case at a time is held in memory.
struct CasePlan {
    enum Status { case open, dormant, closed, cancelled }

    var systemID: String
    var diarienummer: String
    /// An older identifier (kept as `AldreDiarienummer` / `ExtraID`).
    var olderNumber: String?
    var title: String
    var status: Status
    var opened: CivilDate
    var closed: CivilDate?
    var classification: (code: String, text: String)
    var unit: String
    var officer: String
    var secrecy: SecrecyPlan?
    /// Parties of the whole case.
    var parties: [PartyPlan]
    var records: [RecordPlan]
    /// Folder (relative to the files root) that holds the case's files.
    var folder: String
}

/// A record (handling) with its files.
struct RecordPlan {
    enum Direction { case incoming, drawnUp, outgoing }

    /// Unique in the export: `<dnr>:<löpnummer>`.
    var id: String
    var systemID: String
    var runningNumber: Int
    var type: String
    var direction: Direction
    var date: CivilDate
    var title: String
    var sender: PartyPlan?
    var recipient: PartyPlan?
    var secrecy: SecrecyPlan?
    /// Where a record without files is kept (paper original).
    var storage: String?
    var files: [FilePlan]
}

/// A person or an organisation.
struct PartyPlan {
    enum Role { case applicant, counterpart, sender, recipient, other }

    var name: String
    var identityNumber: String?
    var organisation: String?
    var street: String?
    var postcode: String?
    var town: String?
    var role: Role
    var protectedIdentity: Bool

    var address: String? {
        guard let street else { return nil }
        return [street, [postcode, town].compactMap { $0 }.joined(separator: " ")].filter { !$0.isEmpty }
            .joined(separator: ", ")
    }
}

/// A secrecy marking; `legalReference` nil means "flag only" (domain.md §3.5).
struct SecrecyPlan {
    var legalReference: String?
    var explanation: String?
}

/// A file to make: its format, names, planned size and the text it carries.
struct FilePlan {
    var kind: FixtureFileKind
    /// The name the export declares (`Filnamn`, `Bilaga/@Namn`).
    var originalName: String
    /// The file's path relative to the files root.
    var relativePath: String
    /// Planned size; nil for the format's natural size.
    var size: Int64?
    var seed: UInt64
    var document: FixtureDocument
}

/// What writing one file produced.
struct WrittenFile {
    var plan: FilePlan
    var size: Int64
    var sha256: String
}
