import BevaraModel
import Foundation

/// The parties of the shared archive and their submission agreements, read from
/// `profiles/agreements/parties.yaml` and `profiles/agreements/<agreement-id>.yaml`.
public struct AgreementRegistry: Sendable {
    public let organisations: [String: Organisation]
    public let agreements: [String: SubmissionAgreement]
    /// Name of the preserving archive (the E-ARK `PRESERVATION` agent).
    public let archiveName: String

    /// Serialised form of `parties.yaml`.
    struct PartiesFile: Codable {
        var archive: String
        var parties: [PartyEntry]
    }

    struct PartyEntry: Codable {
        var id: String
        var name: String
        /// Null until confirmed with the party.
        var organisationNumber: String?
        /// `confirmed` or `placeholder`.
        var organisationNumberStatus: String?
    }

    public init(directory: String) throws {
        let parties = try ProfileLibrary.decode(PartiesFile.self, from: directory + "/parties.yaml")
        var orgs: [String: Organisation] = [:]
        for p in parties.parties {
            orgs[p.id] = Organisation(id: p.id, name: p.name, organisationNumber: p.organisationNumber,
                                      organisationNumberConfirmed: p.organisationNumberStatus == "confirmed")
        }
        var agreements: [String: SubmissionAgreement] = [:]
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for file in files.sorted() where file.hasSuffix(".yaml") && file != "parties.yaml" {
            let agreement = try ProfileLibrary.decode(SubmissionAgreement.self, from: directory + "/" + file)
            guard orgs[agreement.organisationID] != nil else {
                throw ProfileError.unknownOrganisation(agreement.organisationID, agreement: agreement.id)
            }
            agreements[agreement.id] = agreement
        }
        self.organisations = orgs
        self.agreements = agreements
        self.archiveName = parties.archive
    }

    public func agreement(_ id: String) throws -> SubmissionAgreement {
        guard let a = agreements[id] else { throw ProfileError.unknownAgreement(id) }
        return a
    }

    public func organisation(for agreement: SubmissionAgreement) -> Organisation {
        organisations[agreement.organisationID]!
    }
}
