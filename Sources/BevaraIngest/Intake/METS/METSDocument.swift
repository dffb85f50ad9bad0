/// What one METS file (the package's or a representation's) says, as read, before any rule is
/// applied: attribute values are kept as strings (absent = nil) with the line they were on, so
/// every rule can name the line and a missing attribute is a finding, never a crash.
struct METSDocument {
    /// The METS file, relative to the package root (`METS.xml`, `representations/rep1/METS.xml`).
    let path: String

    struct Agent {
        var role, otherRole, type, otherType: String?
        var names: [String] = []
        /// (`csip:NOTETYPE`, text)
        var notes: [(type: String?, text: String)] = []
        var line: Int
    }

    /// A `mdRef` in a dmdSec or an amdSec subsection.
    struct MetadataReference {
        /// `dmdSec`, `digiprovMD`, `techMD`, `rightsMD` or `sourceMD`.
        var section: String
        var sectionID: String?
        var id, locType, xlinkType, href, mdType, otherMDType, mimeType, size, created, checksum, checksumType: String?
        var line: Int
    }

    struct Locator {
        var locType, xlinkType, href, title: String?
        var line: Int
    }

    struct FileGroup {
        var id, use, contentInformationType, otherContentInformationType: String?
        var fileCount = 0
        var line: Int
    }

    struct File {
        var id, mimeType, size, created, checksum, checksumType: String?
        /// `USE` and `ID` of the innermost enclosing fileGrp.
        var groupUse, groupID: String?
        var locators: [Locator] = []
        var line: Int
    }

    struct StructMap {
        var id, type, label: String?
        var topDivCount = 0
        /// Labels of every div, for the Representations/… lookup.
        var divLabels: [String] = []
        /// `mptr`s with the label of the div holding them.
        var pointers: [(divLabel: String?, locator: Locator)] = []
        var line: Int
    }

    /// A problem reading the document (malformed XML, a DTD); reading stopped there.
    struct ReadProblem {
        var rule: String
        var line: Int?
        var message: String
    }

    var rootLine = 1
    var rootElement: String?
    var rootNamespace: String?
    var objid, label, type, otherType, contentInformationType, otherContentInformationType, profile: String?

    var headerCount = 0
    var headerLine: Int?
    var createDate, lastModDate, recordStatus, oaisPackageType: String?
    var agents: [Agent] = []
    var altRecordIDs: [(type: String?, value: String)] = []

    var metadataReferences: [MetadataReference] = []
    var fileSecCount = 0
    var fileSecID: String?
    var fileSecLine: Int?
    var fileGroups: [FileGroup] = []
    var files: [File] = []
    var structMaps: [StructMap] = []

    /// CSIP attributes found in another namespace than the CSIP one (local name → namespace or
    /// "no namespace"), for a hint when a required attribute seems absent.
    var misplacedCSIPAttributes: [String: String] = [:]

    var problem: ReadProblem?

    init(path: String) { self.path = path }
}
