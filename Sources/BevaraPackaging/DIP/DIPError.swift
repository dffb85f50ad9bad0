/// Why a disclosure package was not written. Each case names the file or row at fault; nothing is
/// left at the output path when one is thrown.
public enum DIPError: Error, CustomStringConvertible, Equatable, Sendable {
    case invalidObjectID(String)
    /// The cover list is empty: a disclosure answers at least one record.
    case noCoverRows
    /// A `DIPFile.packagePath` that is absolute, has `..`, empty segments or control characters.
    case invalidPackagePath(String, problem: String)
    /// Two files would land on the same package path (compared case-insensitively, so the package
    /// unpacks on Windows and macOS too).
    case duplicatePackagePath(String)
    /// The bytes copied differ from the size or SHA-256 taken when the file was verified.
    case checksumMismatch(packagePath: String, source: String, expectedSHA256: String, actualSHA256: String,
                          expectedSize: Int64, actualSize: Int64)
    case sourceUnreadable(packagePath: String, source: String, reason: String)
    /// A cover-list row lists a file that is not among the files handed to the writer.
    case coverListFileUnknown(recordID: String, packagePath: String)
    /// A file that no cover-list row lists: the requester would get something not accounted for.
    case fileNotInCoverList(packagePath: String)
    /// A withheld record must contribute no files.
    case withheldRowHasFiles(recordID: String, files: [String])
    /// A released or masked file listed under a different record than its `DIPFile.recordID`.
    case fileRecordMismatch(packagePath: String, fileRecordID: String, rowRecordID: String)
    case schemasNotFound

    public var description: String {
        switch self {
        case .invalidObjectID(let objid):
            return "OBJID '\(objid)' must start with a letter and use only A-Z a-z 0-9 . _ -"
        case .noCoverRows:
            return "the cover list is empty: a disclosure package answers at least one record"
        case .invalidPackagePath(let path, let problem):
            return "package path '\(path)': \(problem)"
        case .duplicatePackagePath(let path):
            return "package path '\(path)' is used by more than one file (compared case-insensitively)"
        case .checksumMismatch(let path, let source, let expected, let actual, let expectedSize, let actualSize):
            return "\(source) (package path '\(path)'): changed since it was verified: "
                + "expected \(expectedSize) bytes, SHA-256 \(expected); read \(actualSize) bytes, SHA-256 \(actual)"
        case .sourceUnreadable(let path, let source, let reason):
            return "\(source) (package path '\(path)') could not be copied: \(reason)"
        case .coverListFileUnknown(let recordID, let path):
            return "cover list row \(recordID) lists '\(path)', which is not among the files to release"
        case .fileNotInCoverList(let path):
            return "file '\(path)' is not listed in any cover list row"
        case .withheldRowHasFiles(let recordID, let files):
            return "cover list row \(recordID) is withheld but lists files: \(files.joined(separator: ", "))"
        case .fileRecordMismatch(let path, let fileRecordID, let rowRecordID):
            return "file '\(path)' belongs to record \(fileRecordID) but is listed under \(rowRecordID)"
        case .schemasNotFound:
            return "no schema library found (set BEVARA_SCHEMAS or pass one): a DIP ships its XML schemas (E-ARK CSIP113)"
        }
    }
}
