@testable import BevaraPackaging
import BevaraXML
import Foundation

/// The AIP METS writer as it was before it stopped copying the file list per group (kept to
/// prove the streamed one writes the same bytes).
enum LegacyAIPMETSWriter {
    /// The AIP profile URL exactly as AIPM2 tests it (sic: the official profile's `earkdip` host).
    public static let profile = "https://earkdip.dilcis.eu/profile/E-ARK-AIP-v2-2-0.xml"

    public static func write(_ aip: AIPDescription, to path: String) throws {
        let out = try XMLFileOutput(path: path)
        let w = XMLWriter(output: out)
        let created = PackageLayout.dateTime(aip.created)
        let modified = PackageLayout.dateTime(aip.modified)

        let premis = aip.files.filter { $0.path.hasPrefix("metadata/preservation/") }
        let descriptive = aip.files.filter { $0.path.hasPrefix("metadata/descriptive/") }
        var groups: [(use: String, files: [AIPFile])] = []
        func group(_ use: String, _ files: [AIPFile]) { if !files.isEmpty { groups.append((use, files)) } }
        group("Documentation", aip.files.filter { $0.path.hasPrefix("documentation/") })
        group("Schemas", aip.files.filter { $0.path.hasPrefix("schemas/") })
        let reps = Set(aip.files.compactMap { f -> String? in
            let parts = f.path.split(separator: "/")
            return parts.count > 2 && parts[0] == "representations" ? String(parts[1]) : nil
        }).sorted()
        for rep in reps { group("Representations/\(rep)", aip.files.filter { $0.path.hasPrefix("representations/\(rep)/") }) }
        group("Submission", aip.files.filter { $0.path.hasPrefix("submission/") })
        let placed = Set(groups.flatMap { $0.files.map(\.path) } + premis.map(\.path) + descriptive.map(\.path))
        group("Other", aip.files.filter { !placed.contains($0.path) })

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

        for (i, f) in descriptive.enumerated() {
            try w.open("dmdSec", [("ID", "dmd-\(i + 1)"), ("CREATED", created), ("STATUS", "CURRENT")])
            try mdRef(w, f, mdtype: "OTHER", created: created)
            try w.close("dmdSec")
        }
        if !premis.isEmpty {
            try w.open("amdSec", [("ID", "amd-1")])
            for (i, f) in premis.enumerated() {
                try w.open("digiprovMD", [("ID", "digiprov-\(i + 1)"), ("STATUS", "CURRENT")])
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
            for f in group.files {
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
        let dmdIDs = descriptive.indices.map { "dmd-\($0 + 1)" }.joined(separator: " ")
        let admIDs = premis.indices.map { "digiprov-\($0 + 1)" }.joined(separator: " ")
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

    private static func mdRef(_ w: XMLWriter, _ f: AIPFile, mdtype: String, created: String) throws {
        try w.element("mdRef", [
            ("LOCTYPE", "URL"), ("xlink:type", "simple"), ("xlink:href", f.path), ("MDTYPE", mdtype),
            ("OTHERMDTYPE", mdtype == "OTHER" ? "unspecified" : nil), ("MDTYPEVERSION", mdtype == "PREMIS" ? "3.0" : nil),
            ("MIMETYPE", f.mime), ("SIZE", String(f.size)), ("CREATED", created), ("CHECKSUM", f.sha256),
            ("CHECKSUMTYPE", "SHA-256"),
        ])
    }
}
