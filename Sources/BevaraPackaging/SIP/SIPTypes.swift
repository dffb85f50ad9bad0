import BevaraArchiveIO
import BevaraModel
import Foundation

/// Who makes the package, for whom, and with what: the values every SIP of one run shares.
public struct PackageContext: Sendable {
    /// The party that submits the records (METS submitting agent, SIP15).
    public var organisation: Organisation
    public var agreement: SubmissionAgreement
    /// Name of the receiving archive (METS `PRESERVATION` agent).
    public var archiveName: String
    /// Id of the profile that read the export; recorded in the package's PREMIS creation event.
    public var profileName: String
    public var softwareName: String
    public var softwareVersion: String
    /// The package's creation time: `metsHdr/@CREATEDATE` and every `CREATED` attribute.
    public var created: Date
    public var schemas: SchemaLibrary

    public init(organisation: Organisation, agreement: SubmissionAgreement, archiveName: String, profileName: String,
                softwareName: String = "Bevara", softwareVersion: String, created: Date, schemas: SchemaLibrary) {
        self.organisation = organisation
        self.agreement = agreement
        self.archiveName = archiveName
        self.profileName = profileName
        self.softwareName = softwareName
        self.softwareVersion = softwareVersion
        self.created = created
        self.schemas = schemas
    }
}

/// Where a SIP is written.
public enum SIPDestination {
    /// The package root folder to create (or an existing empty folder). Its final name should be
    /// the OBJID; callers usually write to a staging name and rename afterwards.
    case directory(String)
    /// Entries go into the archive under `<OBJID>/…`, content first, the root METS last. Metadata
    /// files are written to `scratchDirectory` first (they must be hashed before the METS that
    /// references them). The writer does not close the archive: the caller does, after `write`.
    case archive(ArchiveWriter, scratchDirectory: String)
}

/// What goes into one SIP.
public struct SIPContents {
    /// `mets/@OBJID` and the root folder name, e.g. `uuid-…`; must be an NCName in `[A-Za-z0-9._-]`.
    public var objid: String
    /// `mets/@LABEL`: a short human title of the delivery.
    public var label: String
    /// The folder `FileReference.path` values are relative to; nothing outside it is ever read.
    public var exportFileRoot: String
    /// Files copied into `documentation/` (at least one: CSIP60 needs a non-empty group), with
    /// their MIME type when the producer knows it (Bevara's own preflight report: identifying
    /// its JSON walked libmagic's whole database and mapped it in, the largest part of a large
    /// package's peak memory); nil: identified from the bytes.
    public var documentation: [(name: String, sourcePath: String, mime: String?)]
    /// Streams the cases, one at a time, each with its records, e.g. `{ try catalog.forEachCase($0) }`.
    public var cases: ((Case, [BevaraModel.Record]) throws -> Void) throws -> Void
    /// Runs after every case was streamed and before `documentation` is copied, so a document
    /// about the cases (the preflight report) can be completed from the same stream.
    public var beforeDocumentation: () throws -> Void = {}

    public init(objid: String, label: String, exportFileRoot: String, documentation: [(name: String, sourcePath: String, mime: String?)],
                cases: @escaping ((Case, [BevaraModel.Record]) throws -> Void) throws -> Void) {
        self.objid = objid
        self.label = label
        self.exportFileRoot = exportFileRoot
        self.documentation = documentation
        self.cases = cases
    }
}

/// Called after each content file has been hashed, identified and copied, before the next one is
/// read; throwing aborts the write (e.g. a format the agreement does not accept).
public typealias FileCheck = (FileReference, BevaraModel.Record, FileFacts) throws -> Void

/// What a finished write produced.
public struct SIPSummary: Codable, Equatable, Sendable {
    public var objid: String
    public var cases: Int
    public var records: Int
    /// Content files (not counting erms.xml and other metadata).
    public var files: Int
    public var contentBytes: Int64
    /// SHA-256 of the root `METS.xml`, lower-case hex: the package's fingerprint for receipts.
    public var rootMETSSHA256: String

    public init(objid: String, cases: Int, records: Int, files: Int, contentBytes: Int64, rootMETSSHA256: String) {
        self.objid = objid
        self.cases = cases
        self.records = records
        self.files = files
        self.contentBytes = contentBytes
        self.rootMETSSHA256 = rootMETSSHA256
    }
}

/// Why a SIP could not be written. Each case names the file or value at fault.
public enum SIPError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A file reference points outside the export root (`..`, absolute path, symlink out).
    case fileOutsideExport(path: String, source: SourceLocation)
    /// A referenced file does not exist.
    case fileMissing(path: String, source: SourceLocation)
    /// A referenced file could not be read or written into the package.
    case fileUnreadable(path: String, source: SourceLocation, reason: String)
    case documentationMissing(name: String, path: String)
    case noDocumentation
    /// The stream gave no case: CITS ERMS needs at least one aggregation.
    case noCases
    case invalidObjectID(String)
    case destinationNotEmpty(String)
    case schemaLibraryIncomplete(directory: String, missing: [String])

    public var description: String {
        switch self {
        case .fileOutsideExport(let path, let source):
            return "\(source): file '\(path)' lies outside the export's file root"
        case .fileMissing(let path, let source):
            return "\(source): referenced file '\(path)' does not exist"
        case .fileUnreadable(let path, let source, let reason):
            return "\(source): file '\(path)' could not be packaged: \(reason)"
        case .documentationMissing(let name, let path):
            return "documentation '\(name)': \(path) does not exist or is not a regular file"
        case .noDocumentation:
            return "a SIP needs at least one documentation file (E-ARK CSIP60)"
        case .noCases:
            return "the export holds no case; an empty SIP is not written"
        case .invalidObjectID(let objid):
            return "OBJID '\(objid)' must start with a letter and use only A-Z a-z 0-9 . _ -"
        case .destinationNotEmpty(let path):
            return "\(path): package folder exists and is not empty"
        case .schemaLibraryIncomplete(let directory, let missing):
            return "\(directory): schema library lacks \(missing.joined(separator: ", "))"
        }
    }
}
