import BevaraModel
import BevaraProfiles
import Foundation

/// How an export is divided into SIPs: contiguous runs of cases, each within the size and case
/// limits. A case is never split; a case larger than the byte limit gets a part of its own.
struct SplitPlan {
    struct Part {
        var caseOffset: Int
        var caseCount: Int
        var files: Int
        var bytes: Int64
    }

    var parts: [Part]
    var totalFiles: Int { parts.reduce(0) { $0 + $1.files } }
    var totalBytes: Int64 { parts.reduce(0) { $0 + $1.bytes } }

    /// The cases and the referenced files the preflight's tree walk measured, when every
    /// referenced path was found and none is referenced twice (`PendingPreflight.referencedContent`).
    struct Measured {
        var cases: Int
        var files: Int
        var bytes: Int64
    }

    static func make(catalog: ExportCatalog, layout: ExportLayout, maxBytes: Int64?, maxCases: Int?,
                     measured: Measured? = nil) throws -> SplitPlan {
        // Everything fits one part: no file needs a `stat` of its own to say so. (Files of records
        // without a case are in the measure but not packaged, so it can only overstate.)
        if let measured, maxCases.map({ measured.cases <= $0 }) ?? true, maxBytes.map({ measured.bytes <= $0 }) ?? true {
            return SplitPlan(parts: [Part(caseOffset: 0, caseCount: measured.cases, files: measured.files, bytes: measured.bytes)])
        }
        var parts: [Part] = []
        var current = Part(caseOffset: 0, caseCount: 0, files: 0, bytes: 0)
        var index = 0
        try catalog.forEachCaseFilePaths { paths in
            var bytes: Int64 = 0
            let files = paths.count
            for path in paths {
                var st = stat()
                if stat(layout.fileRoot + "/" + path, &st) == 0 { bytes += Int64(st.st_size) }
            }
            let overBytes = maxBytes.map { current.bytes + bytes > $0 } ?? false
            let overCases = maxCases.map { current.caseCount + 1 > $0 } ?? false
            if current.caseCount > 0 && (overBytes || overCases) {
                parts.append(current)
                current = Part(caseOffset: index, caseCount: 0, files: 0, bytes: 0)
            }
            current.caseCount += 1
            current.files += files
            current.bytes += bytes
            index += 1
        }
        parts.append(current)
        return SplitPlan(parts: parts)
    }
}

/// Output paths for the parts of a delivery: the requested path for a single SIP; for several,
/// `<stem>-part-001<ext>` … beside it, plus `<stem>-manifest.json` listing them.
struct PartNaming {
    let paths: [String]
    let manifest: String?

    init(output: String, parts: Int) {
        guard parts > 1 else {
            paths = [output]
            manifest = nil
            return
        }
        let ext = (output as NSString).pathExtension.lowercased()
        let known = ext == "tar" || ext == "zip"
        let stem = known ? (output as NSString).deletingPathExtension : output
        let suffix = known ? "." + ext : ""
        paths = (1...parts).map { stem + "-part-" + String(format: "%03ld", $0) + suffix }
        manifest = stem + "-manifest.json"
    }
}

/// The manifest of a split delivery: every part with its package id, counts and checksum.
struct SplitManifest: Codable {
    var parts: [PackagedPart]
    var agreement: String
    var organisation: String
    var created: Date

    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }
}
