import BevaraIndex

extension AccessPolicy {
    /// What an id names for this user: a record id (`KS 2021/123:4`) gives the case(s) holding
    /// that record, else a diarienummer gives its case(s). Only the user's own organisation is
    /// searched, so another organisation's id answers exactly like one that does not exist.
    func cases(named id: String, in index: ArchiveIndex) throws -> (cases: [CaseDetail], isRecordID: Bool) {
        let organisations = readableOrganisations
        let holding = try index.caseContaining(recordID: id, organisations: organisations)
        if !holding.isEmpty { return (holding, true) }
        let named = try index.cases(diarienummer: id, organisations: organisations)
        guard !named.isEmpty else { throw AccessError.notFound(id: id) }
        return (named, false)
    }
}
