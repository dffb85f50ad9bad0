/// What a received package's METS documents say about it: identity, header, agents, and every
/// file and metadata file they reference, with paths relative to the package root. Read from the
/// root `METS.xml` and each representation's `METS.xml` (SAX, DTDs refused); values are as
/// written, absent ones nil, so the description exists even for a package that breaks rules.
public struct SIPDescription: Sendable, Codable {
    /// `mets/@OBJID`; empty when absent (CSIP1).
    public var objid: String
    /// `mets/@LABEL`.
    public var label: String?
    /// `mets/@TYPE`, the content category; empty when absent (CSIP2).
    public var type: String
    /// `mets/@csip:OTHERTYPE`.
    public var otherType: String?
    /// `mets/@csip:CONTENTINFORMATIONTYPE`.
    public var contentInformationType: String?
    /// `mets/@csip:OTHERCONTENTINFORMATIONTYPE`.
    public var otherContentInformationType: String?
    /// `mets/@PROFILE`.
    public var profile: String?
    /// `metsHdr/@csip:OAISPACKAGETYPE`.
    public var oaisPackageType: String?
    /// `metsHdr/@RECORDSTATUS` (SIP3: NEW, SUPPLEMENT, REPLACEMENT, TEST, VERSION, DELETE, OTHER).
    public var recordStatus: String?
    /// `metsHdr/@CREATEDATE`, as written (xs:dateTime).
    public var createDate: String?
    /// `metsHdr/@LASTMODDATE`, as written.
    public var lastModDate: String?
    /// `metsHdr/altRecordID`s (SUBMISSIONAGREEMENT, REFERENCECODE, …).
    public var altRecordIDs: [AltRecordID]
    /// `metsHdr/agent`s.
    public var agents: [Agent]
    /// Files of the root METS `fileSec` (including representation METS files listed there).
    public var files: [PackageFile]
    /// `mdRef`s of the root METS (dmdSec and amdSec).
    public var metadataRefs: [MetadataRef]
    /// Representations: one per `Representations/<name>` file group or representation METS.
    public var representations: [Representation]

    /// The first altRecordID of a type (e.g. `SUBMISSIONAGREEMENT`).
    public func altRecordID(_ type: String) -> String? {
        altRecordIDs.first { $0.type == type }?.value
    }

    /// Every file the package's METS documents reference, root and representations, each once.
    public var allFiles: [PackageFile] {
        var seen = Set<String>()
        var out: [PackageFile] = []
        for file in files + representations.flatMap(\.files) where seen.insert(file.path).inserted {
            out.append(file)
        }
        return out
    }
}
