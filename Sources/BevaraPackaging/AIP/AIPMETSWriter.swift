import BevaraXML
import Foundation

/// Writes an AIP's root METS (E-ARK AIP 2.2: `csip:OAISPACKAGETYPE="AIP"`, AIPM1–7) listing every
/// file of the state: PREMIS files as digital provenance, descriptive metadata as `dmdSec`, and
/// the rest in file groups by top folder (`Documentation`, `Schemas`, `Representations/<rep>`,
/// `Submission`, `Other`). Streams: the file list is walked once to count and group, then once
/// per section and file group, and never held (a scratch-file list stays on disk).
public enum AIPMETSWriter {
    /// The AIP profile URL exactly as AIPM2 tests it (sic: the official profile's `earkdip` host).
    public static let profile = "https://earkdip.dilcis.eu/profile/E-ARK-AIP-v2-2-0.xml"

    public static func write(_ aip: AIPDescription, to path: String) throws {
        let out = try XMLFileOutput(path: path)
        let w = XMLWriter(output: out)
        let created = PackageLayout.dateTime(aip.created)
        let modified = PackageLayout.dateTime(aip.modified)

        // The file list is walked once per section and file group instead of copied into each:
        // at a hundred thousand files those copies were the largest thing ingest held.
        let isPREMIS = { (f: AIPFile) in f.path.hasPrefix("metadata/preservation/") }
        let isDescriptive = { (f: AIPFile) in f.path.hasPrefix("metadata/descriptive/") }
        var premisCount = 0
        var descriptiveCount = 0
        var reps = Set<Substring>()
        var present = Set<String>()
        try aip.files.forEachFile { f in
            if isPREMIS(f) { premisCount += 1 }
            if isDescriptive(f) { descriptiveCount += 1 }
            let use = Self.groupUse(of: f.path)
            if case .representation(let rep)? = use { reps.insert(rep) } else if let use { present.insert(use.name) }
        }
        var groups: [(use: String, matches: (String) -> Bool)] = []
        for fixed in ["Documentation", "Schemas"] where present.contains(fixed) {
            groups.append((fixed, { Self.groupUse(of: $0)?.name == fixed }))
        }
        for rep in reps.sorted() {
            groups.append(("Representations/\(rep)", { Self.groupUse(of: $0) == .representation(rep) }))
        }
        for fixed in ["Submission", "Other"] where present.contains(fixed) {
            groups.append((fixed, { Self.groupUse(of: $0)?.name == fixed }))
        }

        try w.declaration()
        try w.open("mets", [
            ("xmlns", Namespace.mets), ("xmlns:xlink", Namespace.xlink), ("xmlns:csip", Namespace.csip),
            ("xmlns:xsi", Namespace.xsi),
            ("xsi:schemaLocation", "\(Namespace.mets) http://www.loc.gov/standards/mets/mets.xsd \(Namespace.xlink) http://www.loc.gov/standards/xlink/xlink.xsd \(Namespace.csip) https://earkcsip.dilcis.eu/schema/DILCISExtensionMETS.xsd"),
            ("OBJID", aip.objid), ("LABEL", aip.label), ("TYPE", PackageLayout.contentCategory),
            ("csip:CONTENTINFORMATIONTYPE", "MIXED"), ("PROFILE", profile),
        ])
        try w.open("metsHdr", [("CREATEDATE", created), ("LASTMODDATE", modified), ("RECORDSTATUS", "NEW"),
                               ("csip:OAISPACKAGETYPE", "AIP")])
        try METSParts.softwareAgent(w, name: "Bevara", version: aip.softwareVersion)
        try METSParts.agent(w, role: "IPOWNER", type: "ORGANIZATION", name: aip.organisation.name,
                            identificationCode: aip.organisation.identificationCode)
        try METSParts.agent(w, role: "PRESERVATION", type: "ORGANIZATION", name: aip.archiveName, identificationCode: nil)
        try w.element("altRecordID", [("TYPE", "SUBMISSIONAGREEMENT")], text: aip.agreementID)
        try w.close("metsHdr")

        var i = 0
        try aip.files.forEachFile { f in
            guard isDescriptive(f) else { return }
            i += 1
            try w.open("dmdSec", [("ID", "dmd-\(i)"), ("CREATED", created), ("STATUS", "CURRENT")])
            try mdRef(w, f, mdtype: "OTHER", created: created)
            try w.close("dmdSec")
        }
        if premisCount > 0 {
            try w.open("amdSec", [("ID", "amd-1")])
            i = 0
            try aip.files.forEachFile { f in
                guard isPREMIS(f) else { return }
                i += 1
                try w.open("digiprovMD", [("ID", "digiprov-\(i)"), ("STATUS", "CURRENT")])
                try mdRef(w, f, mdtype: "PREMIS", created: created)
                try w.close("digiprovMD")
            }
            try w.close("amdSec")
        }
        try w.open("fileSec", [("ID", "filesec-1")])
        var fileNumber = 0
        for (g, group) in groups.enumerated() {
            var attributes: XMLWriter.Attributes = [("ID", "filegrp-\(g + 1)"), ("USE", group.use)]
            if group.use.hasPrefix("Representations/") { attributes.append(("csip:CONTENTINFORMATIONTYPE", "MIXED")) }
            try w.open("fileGrp", attributes)
            try aip.files.forEachFile { f in
                guard group.matches(f.path) else { return }
                fileNumber += 1
                try w.open("file", [("ID", "file-\(fileNumber)"), ("MIMETYPE", f.mime), ("SIZE", String(f.size)),
                                    ("CREATED", created), ("CHECKSUM", f.sha256), ("CHECKSUMTYPE", "SHA-256")])
                try w.element("FLocat", [("LOCTYPE", "URL"), ("xlink:type", "simple"), ("xlink:href", f.path)])
                try w.close("file")
            }
            try w.close("fileGrp")
        }
        try w.close("fileSec")

        try w.open("structMap", [("ID", "structmap-1"), ("TYPE", "PHYSICAL"), ("LABEL", "CSIP")])
        try w.open("div", [("ID", "div-root"), ("LABEL", aip.objid)])
        let dmdIDs = (0..<descriptiveCount).map { "dmd-\($0 + 1)" }.joined(separator: " ")
        let admIDs = (0..<premisCount).map { "digiprov-\($0 + 1)" }.joined(separator: " ")
        try w.element("div", [("ID", "div-metadata"), ("LABEL", "Metadata"),
                              ("DMDID", dmdIDs.isEmpty ? nil : dmdIDs), ("ADMID", admIDs.isEmpty ? nil : admIDs)])
        for (g, group) in groups.enumerated() {
            try w.open("div", [("ID", "div-\(g + 1)"), ("LABEL", group.use)])
            try w.element("fptr", [("FILEID", "filegrp-\(g + 1)")])
            try w.close("div")
        }
        try w.finish()
        try out.close()
    }

    /// The file group of a path: by top folder, `representations/<rep>/…` by representation,
    /// nil for PREMIS and descriptive metadata (which have their own sections).
    enum GroupUse: Equatable {
        case named(String)
        case representation(Substring)

        var name: String {
            switch self {
            case .named(let name): return name
            case .representation(let rep): return "Representations/\(rep)"
            }
        }
    }

    static func groupUse(of path: String) -> GroupUse? {
        if path.hasPrefix("metadata/preservation/") || path.hasPrefix("metadata/descriptive/") { return nil }
        if path.hasPrefix("documentation/") { return .named("Documentation") }
        if path.hasPrefix("schemas/") { return .named("Schemas") }
        if path.hasPrefix("representations/") {
            let rest = path.dropFirst("representations/".count)
            if let slash = rest.firstIndex(of: "/"), slash != rest.startIndex { return .representation(rest[..<slash]) }
        }
        if path.hasPrefix("submission/") { return .named("Submission") }
        return .named("Other")
    }

    private static func mdRef(_ w: XMLWriter, _ f: AIPFile, mdtype: String, created: String) throws {
        try w.element("mdRef", [
            ("LOCTYPE", "URL"), ("xlink:type", "simple"), ("xlink:href", f.path), ("MDTYPE", mdtype),
            ("OTHERMDTYPE", mdtype == "OTHER" ? "unspecified" : nil), ("MDTYPEVERSION", mdtype == "PREMIS" ? "3.0" : nil),
            ("MIMETYPE", f.mime), ("SIZE", String(f.size)), ("CREATED", created), ("CHECKSUM", f.sha256),
            ("CHECKSUMTYPE", "SHA-256"),
        ])
    }
}
