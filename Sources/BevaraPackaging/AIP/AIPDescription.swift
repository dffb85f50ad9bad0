import BevaraModel
import Foundation

/// One file of an AIP's logical state, as ingest measured it.
public struct AIPFile: Codable, Hashable, Sendable {
    /// Logical path in the AIP (`representations/rep1/data/…`, `submission/METS.xml`).
    public var path: String
    public var size: Int64
    /// Lower-case hex SHA-256.
    public var sha256: String
    public var mime: String

    public init(path: String, size: Int64, sha256: String, mime: String) {
        self.path = path
        self.size = size
        self.sha256 = sha256
        self.mime = mime
    }
}

/// The file list of an AIP's root METS, in ascending path order, walked as many times as the
/// writer needs (once per section and file group): an array, or a list read back from a scratch
/// file so that a large package's list is not held in memory.
public protocol AIPFileSource: Sendable {
    func forEachFile(_ body: (AIPFile) throws -> Void) throws
}

extension Array: AIPFileSource where Element == AIPFile {
    public func forEachFile(_ body: (AIPFile) throws -> Void) throws { try forEach(body) }
}

/// What an AIP's root METS describes: the package, who holds it, and every file of the state.
///
/// The AIP keeps the submitted SIP's folders unchanged (representations, metadata, schemas,
/// documentation) and its original root METS as `submission/METS.xml`; the AIP root METS is new
/// and lists every file, so `validate-sip`'s fixity check covers the whole AIP.
public struct AIPDescription: Sendable {
    /// `mets/@OBJID`: the package id, unchanged across versions (AIPM1).
    public var objid: String
    public var label: String?
    public var organisation: Organisation
    public var agreementID: String
    public var archiveName: String
    public var softwareVersion: String
    /// When the first version was made, and when this one was.
    public var created: Date
    public var modified: Date
    /// All files of the state except the AIP root METS itself, in ascending path order.
    public var files: any AIPFileSource

    public init(objid: String, label: String?, organisation: Organisation, agreementID: String, archiveName: String,
                softwareVersion: String, created: Date, modified: Date, files: any AIPFileSource) {
        self.objid = objid
        self.label = label
        self.organisation = organisation
        self.agreementID = agreementID
        self.archiveName = archiveName
        self.softwareVersion = softwareVersion
        self.created = created
        self.modified = modified
        self.files = files
    }
}

/// AIP logical paths Bevara writes.
public enum AIPLayout {
    public static let rootMETS = "METS.xml"
    /// The submitted SIP's own root METS, kept byte for byte.
    public static let submissionMETS = "submission/METS.xml"
    /// Bevara's record of the AIP: organisation, agreement, submissions (see `AIPRecord`).
    public static let record = "metadata/other/bevara-aip.json"
    /// The PREMIS events of ingest N (one file per version, so earlier ones never change).
    public static func ingestPREMIS(version: Int) -> String {
        "metadata/preservation/bevara-ingest-v\(version).xml"
    }
}
