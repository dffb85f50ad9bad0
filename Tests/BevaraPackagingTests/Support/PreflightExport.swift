import BevaraArchiveIO
import BevaraModel
import BevaraPackaging
import BevaraProfiles
import Foundation

let profileLibrary = ProfileLibrary(directory: SIPTestPaths.packageRoot + "/profiles")

/// A small, valid generic-csv export in a temporary folder that a test then breaks on purpose.
final class PreflightExport {
    let root: String
    var cases: [[String]] = [
        ["KS 2021/1", "Bygglov för fritidshus", "Avslutat", "2021-03-01", "2021-09-30"],
        ["KS 2021/2", "Remiss om detaljplan", "Pågående", "2021-04-12", ""],
    ]
    /// id, case, title, date, direction, secrecy, lagrum
    var records: [[String]] = [
        ["R1", "KS 2021/1", "Ansökan", "2021-03-01", "Inkommande", "", ""],
        ["R2", "KS 2021/1", "Beslut", "2021-09-30", "Utgående", "", ""],
        ["R3", "KS 2021/2", "Remissvar", "2021-05-02", "Inkommande", "Ja", "OSL 26 kap. 1 §"],
    ]
    /// record id, path, original name
    var fileRows: [[String]] = [
        ["R1", "ks-2021-1/ansokan.txt", "Ansökan.txt"],
        ["R2", "ks-2021-1/beslut.txt", "Beslut.txt"],
        ["R3", "ks-2021-2/remissvar.txt", "Remissvar från Åsa.txt"],
    ]
    /// Content of each file under `filer/`.
    var contents: [String: String] = [
        "ks-2021-1/ansokan.txt": "Ansökan om bygglov\n",
        "ks-2021-1/beslut.txt": "Beslut: bygglov beviljas\n",
        "ks-2021-2/remissvar.txt": "Remissvar\n",
    ]
    var writeManifest = true

    init() throws {
        root = NSTemporaryDirectory() + "bevara-preflight-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Writes the export as it currently stands.
    func write() throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/filer", withIntermediateDirectories: true)
        func csv(_ header: [String], _ rows: [[String]]) -> String {
            ([header] + rows).map { $0.joined(separator: ";") }.joined(separator: "\n") + "\n"
        }
        // Every column the generic-csv profile maps; the optional ones are left empty.
        let pad = { (row: [String], extra: Int) in row + Array(repeating: "", count: extra) }
        try csv(["Diarienummer", "Arendemening", "Status", "Registrerad", "Avslutad",
                 "ArendeID", "Klass", "KlassText", "Enhet", "Handlaggare", "Sekretess", "Lagrum", "AldreDiarienummer"],
                cases.map { pad($0, 8) })
            .write(toFile: root + "/arenden.csv", atomically: true, encoding: .utf8)
        try csv(["HandlingID", "Diarienummer", "Rubrik", "Datum", "Riktning", "Sekretess", "Lagrum",
                 "Lopnummer", "Handlingstyp", "Avsandare", "Mottagare", "SekretessText"],
                records.map { pad($0, 5) })
            .write(toFile: root + "/handlingar.csv", atomically: true, encoding: .utf8)
        try csv(["Diarienummer", "HandlingID", "Namn", "IDnummer", "Roll", "SkyddadIdentitet", "Organisation", "Adress"],
                [["KS 2021/1", "", "Åsa Ödqvist", "19121212-1212", "Sökande", "Nej", "", ""]])
            .write(toFile: root + "/parter.csv", atomically: true, encoding: .utf8)
        try csv(["HandlingID", "Sokvag", "Filnamn", "SHA256"], fileRows.map { pad($0, 1) })
            .write(toFile: root + "/filer.csv", atomically: true, encoding: .utf8)
        var manifest = ""
        for (path, text) in contents.sorted(by: { $0.key < $1.key }) {
            let full = root + "/filer/" + path
            try fm.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
            manifest += FileDigest.sha256(of: Data(text.utf8)) + "  " + path + "\n"
        }
        if writeManifest { try manifest.write(toFile: root + "/SHA256SUMS", atomically: true, encoding: .utf8) }
    }

    /// Runs the preflight under `agreement` (default: Vänersborg's CSV agreement).
    func check(agreement: String = "EAV-VBG-KS-CSV", profile: String? = nil, readContent: Bool = true) throws -> PreflightReport {
        try write()
        let config = try DeliveryConfiguration(library: profileLibrary, profile: profile, agreement: agreement)
        return try Preflight(profile: config.profile, agreement: config.agreement, organisation: config.organisation)
            .run(exportRoot: root, catalog: try ExportCatalog(), readContent: readContent)
    }
}

extension PreflightReport {
    func findings(_ rule: String) -> [Finding] { findings.filter { $0.rule == rule } }
    var errorRules: Set<String> { Set(findings.filter { $0.severity == .error }.map(\.rule)) }
}
