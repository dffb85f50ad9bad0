import BevaraModel

/// Who may change the archive. Ingest is the archivist's, and only for their own organisation
/// (the shared-archive rule: one organisation never writes into another's holdings).
enum Permissions {
    static func checkIngest(package: String, user: ArchiveUser, agreement: SubmissionAgreement) throws {
        guard user.role == .archivist else {
            throw IngestError.notPermitted(package: package, user: user.id,
                                           reason: "only an archivist ingests (this user is \(user.role.rawValue))")
        }
        guard user.organisationID == agreement.organisationID else {
            throw IngestError.notPermitted(package: package, user: user.id,
                                           reason: "agreement \(agreement.id) belongs to organisation '\(agreement.organisationID)', the user to '\(user.organisationID ?? "none")'")
        }
    }
}
