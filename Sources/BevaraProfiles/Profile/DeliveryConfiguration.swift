import BevaraModel

/// The profile, submission agreement and organisation a delivery is checked and packaged under,
/// resolved from what the user names.
public struct DeliveryConfiguration: Sendable {
    public let profile: Profile
    public let agreement: SubmissionAgreement?
    public let organisation: Organisation?
    /// The preserving archive's name (for the METS `PRESERVATION` agent).
    public let archiveName: String

    /// `profile` may be omitted when `agreement` is given: the agreement names its profile.
    public init(library: ProfileLibrary, profile: String?, agreement: String?) throws {
        let registry = try library.agreements()
        archiveName = registry.archiveName
        if let agreementID = agreement {
            let a = try registry.agreement(agreementID)
            self.agreement = a
            self.organisation = registry.organisation(for: a)
            self.profile = try library.profile(profile ?? a.profileID)
        } else {
            guard let profile else { throw ProfileError.invalid(path: library.directory, reason: "name a --profile or an --agreement") }
            self.agreement = nil
            self.organisation = nil
            self.profile = try library.profile(profile)
        }
    }
}
