/// Why a profile reader could not read an export at all (content problems are findings instead).
public enum ExportReadError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A metadata file the profile names (CSV table, FGS document) is not in the export.
    case missingMetadataFile(path: String, exportRoot: String, profile: String)
    /// A metadata file exists but cannot be opened or read.
    case unreadableFile(path: String, reason: String)
    /// The profile cannot drive its reader (unknown encoding, unknown field, bad date pattern …).
    case invalidProfile(profile: String, reason: String)

    public var description: String {
        switch self {
        case .missingMetadataFile(let path, let root, let profile):
            return "\(path): metadata file not found in the export \(root) (profile '\(profile)' expects it)"
        case .unreadableFile(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .invalidProfile(let profile, let reason):
            return "profile '\(profile)': \(reason)"
        }
    }
}
