import Foundation

/// The disclosure package's layout and fixed METS values, in one place. Folder names, the
/// representation and the namespaces are the SIP's (`PackageLayout`, `Namespace`).
enum DIPLayout {
    /// E-ARK DIP (DIP2). eark-validator 1.1.3 checks only the prefix `…/E-ARK-DIP`; this is the
    /// profile's version-less URL, as `standards.md` §2.3 gives it.
    static let profile = "https://earkdip.dilcis.eu/profile/E-ARK-DIP.xml"
    /// CSIP content category (CSIP2): released records come in any format.
    static let contentCategory = "Mixed"
    /// No content information type specification (CITS) fits copies released to a requester
    /// (no ERMS travels with them), so `OTHER` with Bevara's own name (CSIP4, CSIP62).
    static let contentInformationType = "OTHER"
    static let otherContentInformationType = "bevara_disclosure_v1"

    static let dataDir = PackageLayout.repDir + "/data"
    static let coverListHTML = PackageLayout.documentationDir + "/cover-list.html"
    static let coverListCSV = PackageLayout.documentationDir + "/cover-list.csv"

    /// Schemas a DIP uses (no SIP extension, no ERMS), shipped in `schemas/` (CSIP113).
    static let schemas: [SchemaLibrary.Schema] = SchemaLibrary.required.filter {
        [Namespace.mets, Namespace.xlink, Namespace.csip, Namespace.premis].contains($0.namespace)
    }

    /// Package path of a released file.
    static func contentPath(_ packagePath: String) -> String { dataDir + "/" + packagePath }

    static func contentFileID(_ n: Int) -> String { "file-" + PackageLayout.pad(n, 6) }
    static func documentationFileID(_ n: Int) -> String { "file-doc-" + PackageLayout.pad(n, 3) }

    /// The calendar date of `date` in Sweden, `yyyy-MM-dd`, for the cover list.
    static func swedishDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm") ?? TimeZone(secondsFromGMT: 3600)!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(c.year!)-\(PackageLayout.pad(c.month!, 2))-\(PackageLayout.pad(c.day!, 2))"
    }
}
