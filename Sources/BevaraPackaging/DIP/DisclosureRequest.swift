import Foundation

/// The request a disclosure package answers, and who answers it.
public struct DisclosureRequest: Sendable, Equatable {
    /// The request's own reference (or its diarienummer when registered).
    public var reference: String
    /// The authority (myndighet) whose records these are and which decides on disclosure.
    public var organisationName: String
    /// User name of the registrar who prepared the answer.
    public var registrar: String
    /// When the package is made: METS `CREATEDATE`, every `CREATED`, the PREMIS event, the cover list date.
    public var created: Date
    /// The archive that holds the records and disseminates the package.
    public var archiveName: String
    public var softwareVersion: String

    public init(reference: String, organisationName: String, registrar: String, created: Date, archiveName: String,
                softwareVersion: String) {
        self.reference = reference
        self.organisationName = organisationName
        self.registrar = registrar
        self.created = created
        self.archiveName = archiveName
        self.softwareVersion = softwareVersion
    }
}
