import BevaraModel
import Foundation
import Yams

/// An archive's own configuration, `<archive>/bevara-archive.yaml`, plus the agreements it
/// copied in at `archive init` (`<archive>/agreements/`), so the archive is self-describing and
/// does not depend on the checkout it was created from.
public struct ArchiveConfiguration: Codable, Sendable {
    public static let fileName = "bevara-archive.yaml"

    /// Name of the archive (the E-ARK PRESERVATION agent).
    public var archive: String
    public var users: [ArchiveUser]
    /// Command run on every file at ingest (e.g. `clamscan --no-summary`); a PREMIS virus-check
    /// event is recorded only when it really ran. Nil: no virus check.
    public var virusScanner: String?

    public init(archive: String, users: [ArchiveUser], virusScanner: String? = nil) {
        self.archive = archive
        self.users = users
        self.virusScanner = virusScanner
    }

    public static func load(archive directory: String) throws -> (ArchiveConfiguration, AgreementRegistry) {
        let config = try ProfileLibrary.decode(ArchiveConfiguration.self, from: directory + "/" + fileName)
        let registry = try AgreementRegistry(directory: directory + "/agreements")
        for user in config.users where user.role != .administrator {
            guard let org = user.organisationID, registry.organisations[org] != nil else {
                throw ProfileError.invalid(path: directory + "/" + fileName,
                                           reason: "user '\(user.id)' (\(user.role.rawValue)) needs a known organisation")
            }
        }
        return (config, registry)
    }

    /// The user with `id`, or an error that names the archive's config.
    public func user(_ id: String, archive directory: String) throws -> ArchiveUser {
        guard let u = users.first(where: { $0.id == id }) else {
            throw ProfileError.invalid(path: directory + "/" + Self.fileName, reason: "no user '\(id)'")
        }
        return u
    }

    /// A starting configuration: an administrator, and one archivist and one registrar per
    /// organisation, to be edited to the real people.
    public static func starter(registry: AgreementRegistry) -> ArchiveConfiguration {
        var users = [ArchiveUser(id: "admin", name: "Systemförvaltare", role: .administrator, organisationID: nil)]
        for org in registry.organisations.values.sorted(by: { $0.id < $1.id }) {
            users.append(ArchiveUser(id: "arkivarie-\(org.id)", name: "Arkivarie, \(org.name)", role: .archivist, organisationID: org.id))
            users.append(ArchiveUser(id: "registrator-\(org.id)", name: "Registrator, \(org.name)", role: .registrar, organisationID: org.id))
            users.append(ArchiveUser(id: "handlaggare-\(org.id)", name: "Handläggare, \(org.name)", role: .officer, organisationID: org.id))
        }
        return ArchiveConfiguration(archive: registry.archiveName, users: users)
    }

    public func yaml() throws -> String {
        "# Bevara archive configuration. Users and roles: edit to the real people.\n" + (try YAMLEncoder().encode(self))
    }
}
