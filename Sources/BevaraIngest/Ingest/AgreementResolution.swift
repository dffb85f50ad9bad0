import BevaraModel
import BevaraProfiles

/// Which submission agreement a package is received under.
///
/// The package's own `altRecordID TYPE="SUBMISSIONAGREEMENT"` decides when the archive knows it;
/// another producer's package naming none (or an unknown one) is received under the agreement the
/// archivist names. A known agreement contradicted by `--agreement` is refused, never guessed.
enum AgreementResolution {
    static func resolve(package: String, named: [String], explicit: String?,
                        registry: AgreementRegistry) throws -> SubmissionAgreement {
        let known = named.compactMap { registry.agreements[$0] }
        if let first = known.first {
            if let explicit, explicit != first.id {
                throw IngestError.agreementConflict(package: package, named: first.id, given: explicit)
            }
            return first
        }
        if let explicit {
            return try registry.agreement(explicit)
        }
        throw IngestError.noAgreement(package: package, named: named)
    }
}
