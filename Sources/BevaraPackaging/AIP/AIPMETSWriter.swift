import BevaraXML
import Foundation

/// Writes an AIP's root METS (E-ARK AIP 2.2: `csip:OAISPACKAGETYPE="AIP"`, AIPM1–7) listing every
/// file of the state: PREMIS files as digital provenance, descriptive metadata as `dmdSec`, and
/// the rest in file groups by top folder (`Documentation`, `Schemas`, `Representations/<rep>`,
/// `Submission`, `Other`). Streams: the file list is walked twice and never held (a scratch-file
/// list stays on disk). The first walk counts each section and group; the second writes every
/// file's element into a fragment file of its section, and the METS is then put together from
/// the fragments in METS order.
public enum AIPMETSWriter {
    /// The AIP profile URL exactly as AIPM2 tests it (sic: the official profile's `earkdip` host).
    public static let profile = "https://earkdip.dilcis.eu/profile/E-ARK-AIP-v2-2-0.xml"

    /// Writes the METS to `path`; its fragments are written beside it (`<path>.section-<n>`) and
    /// removed before this returns.
    public static func write(_ aip: AIPDescription, to path: String) throws {
        let created = PackageLayout.dateTime(aip.created)
        let modified = PackageLayout.dateTime(aip.modified)

        // Walk 1: counts. A walk reads the whole list from disk, so the file sections are
        // written in one walk below rather than one walk per section and group (eight walks for
        // a typical SIP, ≈ 1.7 s of a 99,500-file ingest).
        var premisCount = 0
        var descriptiveCount = 0
        var groupCounts: [GroupUse: Int] = [:]
        try aip.files.forEachFile { f in
            switch section(of: f.path) {
            case .descriptive: descriptiveCount += 1
            case .preservation: premisCount += 1
            case .group(let use): groupCounts[use, default: 0] += 1
            }
        }
        let groups = orderedGroups(groupCounts.keys)
        var nextFileNumber: [GroupUse: Int] = [:]  // numbered in METS order, as one walk per group numbered them
        var numbered = 0
        for group in groups {
            nextFileNumber[group] = numbered + 1
            numbered += groupCounts[group]!
        }

        // Walk 2: each file's element into its section's fragment.
        let fragments = SectionFragments(beside: path)
        defer { fragments.removeAll() }
        var dmdNumber = 0
        var digiprovNumber = 0
        try aip.files.forEachFile { f in
            let section = section(of: f.path)
            let w = try fragments.writer(for: section)
            switch section {
            case .descriptive:
                dmdNumber += 1
                try w.open("dmdSec", [("ID", "dmd-\(dmdNumber)"), ("CREATED", created), ("STATUS", "CURRENT")])
                try mdRef(w, f, mdtype: "OTHER", created: created)
                try w.close("dmdSec")
            case .preservation:
                digiprovNumber += 1
                try w.open("digiprovMD", [("ID", "digiprov-\(digiprovNumber)"), ("STATUS", "CURRENT")])
                try mdRef(w, f, mdtype: "PREMIS", created: created)
                try w.close("digiprovMD")
            case .group(let use):
                let number = nextFileNumber[use]!
                nextFileNumber[use] = number + 1
                try w.open("file", [("ID", "file-\(number)"), ("MIMETYPE", f.mime), ("SIZE", String(f.size)),
                                    ("CREATED", created), ("CHECKSUM", f.sha256), ("CHECKSUMTYPE", "SHA-256")])
                try w.element("FLocat", [("LOCTYPE", "URL"), ("xlink:type", "simple"), ("xlink:href", f.path)])
                try w.close("file")
            }
        }
        try fragments.finish()

        let out = try XMLFileOutput(path: path)
        let w = XMLWriter(output: out)
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

        try fragments.insert(.descriptive, into: w)
        if premisCount > 0 {
            try w.open("amdSec", [("ID", "amd-1")])
            try fragments.insert(.preservation, into: w)
            try w.close("amdSec")
        }
        try w.open("fileSec", [("ID", "filesec-1")])
        for (g, group) in groups.enumerated() {
            var attributes: XMLWriter.Attributes = [("ID", "filegrp-\(g + 1)"), ("USE", group.name)]
            if case .representation = group { attributes.append(("csip:CONTENTINFORMATIONTYPE", "MIXED")) }
            try w.open("fileGrp", attributes)
            try fragments.insert(.group(group), into: w)
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
            try w.open("div", [("ID", "div-\(g + 1)"), ("LABEL", group.name)])
            try w.element("fptr", [("FILEID", "filegrp-\(g + 1)")])
            try w.close("div")
        }
        try w.finish()
        try out.close()
    }

    /// Where a file is listed: descriptive metadata as `dmdSec`, PREMIS as `digiprovMD`, the rest
    /// in a file group.
    enum Section: Hashable {
        case descriptive
        case preservation
        case group(GroupUse)
    }

    /// By top folder; `representations/<rep>/…` by representation.
    static func section(of path: String) -> Section {
        if path.hasPrefix("metadata/preservation/") { return .preservation }
        if path.hasPrefix("metadata/descriptive/") { return .descriptive }
        if path.hasPrefix("documentation/") { return .group(.named("Documentation")) }
        if path.hasPrefix("schemas/") { return .group(.named("Schemas")) }
        if path.hasPrefix("representations/") {
            let rest = path.dropFirst("representations/".count)
            if let slash = rest.firstIndex(of: "/"), slash != rest.startIndex { return .group(.representation(rest[..<slash])) }
        }
        if path.hasPrefix("submission/") { return .group(.named("Submission")) }
        return .group(.named("Other"))
    }

    /// The file groups in METS order: Documentation, Schemas, the representations by name,
    /// Submission, Other.
    static func orderedGroups(_ present: some Sequence<GroupUse>) -> [GroupUse] {
        var reps: [Substring] = []
        var named = Set<String>()
        for use in present {
            switch use {
            case .representation(let rep): reps.append(rep)
            case .named(let name): named.insert(name)
            }
        }
        return ["Documentation", "Schemas"].filter(named.contains).map(GroupUse.named)
            + reps.sorted().map(GroupUse.representation)
            + ["Submission", "Other"].filter(named.contains).map(GroupUse.named)
    }

    /// A file group: one per top folder, one per representation.
    enum GroupUse: Hashable {
        case named(String)
        case representation(Substring)

        var name: String {
            switch self {
            case .named(let name): return name
            case .representation(let rep): return "Representations/\(rep)"
            }
        }
    }

    /// The file group of a path; nil for PREMIS and descriptive metadata (their own sections).
    static func groupUse(of path: String) -> GroupUse? {
        if case .group(let use) = section(of: path) { return use }
        return nil
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
