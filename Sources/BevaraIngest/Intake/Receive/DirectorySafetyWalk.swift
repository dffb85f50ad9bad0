import BevaraArchiveIO

/// Checks a submitted folder before it is used in place: no symbolic links, devices, FIFOs or
/// sockets anywhere, every name valid UTF-8 and a safe relative path, within the entry, size and
/// path-length limits. Collects every problem (up to a cap) so the submitter sees them all.
struct DirectorySafetyWalk {
    let top: String
    let package: String
    let limits: IntakeLimits
    var maxFindings = 1000

    func run() throws -> [SIPFinding] {
        var findings: [SIPFinding] = []
        var entries = 0
        var bytes: Int64 = 0
        var limitHit = false
        func refuse(_ rule: String, _ path: String, _ message: String) {
            if findings.count < maxFindings {
                findings.append(SIPFinding(ruleID: rule, severity: .error, package: package, path: path, message: message))
            }
        }
        try TreeWalk.walk(top, badName: { parent, shown in
            refuse(SIPRule.pathUnsafe, parent, "a name in this folder is not valid UTF-8 (\(shown)); rename it")
        }) { entry in
            entries += 1
            if entries > limits.maxEntries, !limitHit {
                limitHit = true
                refuse(SIPRule.tooManyEntries, "", "the folder holds more than \(limits.maxEntries) entries (IntakeLimits.maxEntries)")
                return .stop
            }
            if entry.path.utf8.count > limits.maxPathBytes {
                refuse(SIPRule.pathUnsafe, entry.path, "path is \(entry.path.utf8.count) bytes, over the limit of \(limits.maxPathBytes)")
            } else if let problem = SafePath.validateRelative(entry.path) {
                refuse(SIPRule.pathUnsafe, entry.path, "unsafe name: \(problem.rawValue)")
            }
            switch entry.kind {
            case .symlink:
                refuse(SIPRule.symlink, entry.path, "symbolic link; a package must hold its files, not links to them")
                return .skipChildren
            case .special:
                refuse(SIPRule.specialFile, entry.path, "device, FIFO or socket; only regular files and folders are accepted")
                return .skipChildren
            case .file:
                bytes += entry.size
                if bytes > limits.maxTotalBytes, !limitHit {
                    limitHit = true
                    refuse(SIPRule.tooLarge, entry.path, "the folder holds more than \(limits.maxTotalBytes) bytes (IntakeLimits.maxTotalBytes)")
                    return .stop
                }
                return .continue
            case .directory:
                return .continue
            }
        }
        return findings
    }
}
