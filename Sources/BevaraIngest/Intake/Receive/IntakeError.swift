import Foundation

/// Why `PackageIntake.open` refused or could not read a package.
public enum IntakeError: Error, CustomStringConvertible, Sendable {
    /// The package is unsafe to receive (path traversal, links, devices, duplicate entries,
    /// a zip bomb, limits exceeded). Nothing of it is left in the staging folder.
    case refused([SIPFinding])
    /// The source cannot be read: missing, not a folder / tar / tar.gz / zip, a truncated or
    /// corrupt archive, or a failure writing to the staging folder.
    case unreadable(path: String, reason: String)

    /// The findings to report (one for `unreadable`, rule `ARCHIVE-UNREADABLE`).
    public var findings: [SIPFinding] {
        switch self {
        case .refused(let findings):
            return findings
        case .unreadable(let path, let reason):
            return [SIPFinding(ruleID: SIPRule.unreadableArchive, severity: .error,
                               package: (path as NSString).lastPathComponent, path: "", message: reason)]
        }
    }

    public var description: String {
        switch self {
        case .refused(let findings):
            return "package refused:\n" + findings.map { "  \($0)" }.joined(separator: "\n")
        case .unreadable(let path, let reason):
            return "\(path): cannot read the package: \(reason)"
        }
    }
}
