import BevaraArchiveIO
import BevaraModel
import BevaraProfiles
import Foundation

/// Rules about a file's *content*: declared and manifest checksums, size, zero bytes, accepted
/// formats. The preflight applies them when it reads content (`bevara check`), and the packager
/// applies the very same rules to the facts it measures in its single read of each file, so a
/// package never needs a second pass over the data.
public struct FileContentRules: Sendable {
    public let agreement: SubmissionAgreement?

    public init(agreement: SubmissionAgreement?) {
        self.agreement = agreement
    }

    /// Findings for one file reference, given what was measured and what the manifest says.
    public func evaluate(_ ref: FileReference, exportPath: String, facts: FileFacts,
                        manifest: (sha256: String, line: Int)?, manifestName: String?) -> [Finding] {
        var out: [Finding] = []
        let here = SourceLocation(file: exportPath)
        if facts.size == 0 {
            let severity: Finding.Severity = agreement?.allowZeroByteFiles == true ? .warning : .error
            out.append(Finding(rule: "file.zero-byte", severity: severity, location: ref.source,
                               message: "'\(exportPath)' is empty (0 bytes)"))
        }
        if let declared = ref.declaredSize, declared != facts.size {
            out.append(Finding(rule: "file.size-mismatch", severity: .error, location: ref.source,
                               message: "'\(exportPath)' is \(facts.size) bytes; the export declares \(declared)"))
        }
        if let declared = ref.declaredChecksum {
            switch declared.algorithm {
            case .sha256:
                if declared.value != facts.sha256 {
                    out.append(Finding(rule: "file.checksum-mismatch", severity: .error, location: ref.source,
                                       message: "'\(exportPath)': SHA-256 is \(facts.sha256); the export declares \(declared.value)"))
                }
            default:
                out.append(Finding(rule: "file.checksum-unverifiable", severity: .warning, location: ref.source,
                                   message: "'\(exportPath)': declared \(declared.algorithm.rawValue) checksum recorded but not verified (Bevara verifies SHA-256)"))
            }
        }
        if let (sha, line) = manifest, sha != facts.sha256 {
            out.append(Finding(rule: "file.checksum-mismatch", severity: .error,
                               location: SourceLocation(file: manifestName ?? "manifest", line: line),
                               message: "'\(exportPath)': SHA-256 is \(facts.sha256); the manifest says \(sha)"))
        }
        if let agreement, facts.size > 0, !agreement.accepts(mime: facts.format.mime, puid: facts.format.puid) {
            let what = [facts.format.mime, facts.format.puid].compactMap { $0 }.joined(separator: ", ")
            out.append(Finding(rule: "file.format-not-accepted", severity: .error, location: here,
                               message: "format \(what) is not accepted by agreement \(agreement.id)"))
        }
        return out
    }
}

extension FileFormat {
    /// The model's format from an identification.
    init(_ id: FormatIdentifier.Identification) {
        self.init(mime: id.mime, puid: id.puid, name: id.name, version: id.version)
    }
}
