/// Why a package was not archived. Each case names the package; rejections carry every finding.
public enum IngestError: Error, CustomStringConvertible {
    /// The package broke CSIP/SIP rules or its own checksums (see the findings).
    case rejected(package: String, findings: [SIPFinding])
    /// The package names no agreement this archive knows, and none was given with `--agreement`.
    case noAgreement(package: String, named: [String])
    /// The package names one agreement and `--agreement` another.
    case agreementConflict(package: String, named: String, given: String)
    /// The user may not ingest under this agreement (not an archivist, or another organisation's).
    case notPermitted(package: String, user: String, reason: String)
    /// A package with this id is held for another organisation; ids never cross organisations.
    case packageIDTaken(package: String, objid: String)
    /// The configured virus scanner could not run or failed; nothing is stored unscanned.
    case scannerFailed(package: String, command: String, status: Int32, output: String)
    /// A stored AIP could not be read back as Bevara wrote it.
    case damagedAIP(objectID: String, reason: String)

    public var description: String {
        switch self {
        case .rejected(let package, let findings):
            let errors = findings.filter { $0.severity == .error }
            let lines = errors.prefix(50).map { "  \($0)" }.joined(separator: "\n")
            let more = errors.count > 50 ? "\n  … and \(errors.count - 50) more" : ""
            return "\(package): rejected, \(errors.count) error(s):\n\(lines)\(more)"
        case .noAgreement(let package, let named):
            let what = named.isEmpty ? "names no submission agreement" : "names agreement \(named.joined(separator: ", ")), which this archive does not know"
            return "\(package): \(what); name the agreement it is received under with --agreement ID"
        case .agreementConflict(let package, let named, let given):
            return "\(package): the package names agreement \(named) but --agreement says \(given); refusing to guess"
        case .notPermitted(let package, let user, let reason):
            return "\(package): user '\(user)' may not ingest it: \(reason)"
        case .packageIDTaken(let package, let objid):
            return "\(package): package id '\(objid)' is already archived for another organisation; ids are never shared"
        case .scannerFailed(let package, let command, let status, let output):
            return "\(package): virus scanner `\(command)` failed (exit \(status)); not ingested: \(output)"
        case .damagedAIP(let objectID, let reason):
            return "AIP \(objectID): \(reason)"
        }
    }
}
