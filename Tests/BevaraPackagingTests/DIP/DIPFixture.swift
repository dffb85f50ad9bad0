import BevaraArchiveIO
import BevaraPackaging
import Foundation

/// A disclosure in a temporary folder: verified source files (a PDF, a masked PDF rendition, a
/// PNG and a text file, some with Swedish names), a cover list with one record of each outcome,
/// and an `out` folder to write packages into. Removed on deinit.
final class DIPFixture {
    let root: String
    let sources: String
    let out: String
    private(set) var files: [DIPFile] = []
    private(set) var rows: [CoverListRow] = []
    /// Package path → bytes, for every released file.
    private(set) var bytes: [String: Data] = [:]

    static let objid = "uuid-5a0c2c1e-7d3b-4f6e-9a41-2b8e6f0d1c37"
    static let created = Date(timeIntervalSince1970: 1_795_000_000)
    static let request = DisclosureRequest(reference: "KS 2026/17 (Öberg)", organisationName: "Vänersborgs kommun, Byggnadsnämnden",
                                           registrar: "örjan.lindström", created: created, archiveName: "E-arkiv Väst",
                                           softwareVersion: "0.1.0-test")

    init() throws {
        root = NSTemporaryDirectory() + "bevara-dip-test-\(UUID().uuidString)"
        sources = root + "/sources"
        out = root + "/out"
        try FileManager.default.createDirectory(atPath: sources, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try build()
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Writes a source file and returns its DIPFile with the size and SHA-256 taken now.
    func source(_ name: String, _ data: Data, packagePath: String, mime: String, recordID: String) throws -> DIPFile {
        let path = sources + "/" + name
        try data.write(to: URL(fileURLWithPath: path))
        bytes[packagePath] = data
        return DIPFile(sourcePath: path, packagePath: packagePath, size: Int64(data.count),
                       sha256: try FileDigest.sha256(path: path), mime: mime, recordID: recordID)
    }

    private func build() throws {
        let application = try source("a.pdf", SIPFixture.pdf("Ansokan om bygglov"), packagePath: "KS_2021_123/001-Ansokan.pdf",
                                     mime: "application/pdf", recordID: "KS 2021/123:1")
        let plan = try source("b.png", SIPFixture.png, packagePath: "KS_2021_123/002-Situationsplan.png",
                              mime: "image/png", recordID: "KS 2021/123:1")
        let masked = try source("c-maskad.pdf", SIPFixture.pdf("Beslut (maskad)"), packagePath: "KS_2021_123/003-Beslut-maskad.pdf",
                                mime: "application/pdf", recordID: "KS 2021/123:3")
        let appeal = try source("överklagande.txt", Data("Överklagande av beslut om förråd på Åsbacka 1:23.\n".utf8),
                                packagePath: "ÖFN_2021_5/001-Överklagande.txt", mime: "text/plain", recordID: "ÖFN 2021/5:1")
        files = [application, plan, masked, appeal]
        rows = [
            CoverListRow(diarienummer: "KS 2021/123", recordID: "KS 2021/123:1", date: "2021-03-01", title: "Ansökan om bygglov",
                         outcome: .released, files: [application.packagePath, plan.packagePath]),
            CoverListRow(diarienummer: "KS 2021/123", recordID: "KS 2021/123:2", date: "2021-04-12", title: "[titeln är sekretessbelagd]",
                         outcome: .withheld, legalReference: "OSL 26 kap. 1 §", reason: "Uppgifter om enskilds personliga förhållanden"),
            CoverListRow(diarienummer: "KS 2021/123", recordID: "KS 2021/123:3", date: "2021-06-15", title: "Beslut om bygglov § 12",
                         outcome: .masked, legalReference: "OSL 21 kap. 3 §", reason: "Skyddad identitet", files: [masked.packagePath]),
            CoverListRow(diarienummer: "ÖFN 2021/5", recordID: "ÖFN 2021/5:1", date: "2021-08", title: "Överklagande",
                         outcome: .released, files: [appeal.packagePath]),
        ]
    }

    /// Replaces the cover list (and drops files no row lists any more).
    func setRows(_ rows: [CoverListRow]) {
        self.rows = rows
        let listed = Set(rows.flatMap(\.files))
        files = files.filter { listed.contains($0.packagePath) }
    }

    func write(to name: String) throws -> DIPSummary {
        try DIPWriter.write(request: Self.request, files: files, cover: rows, to: out + "/" + name, objid: Self.objid,
                            schemas: try SchemaLibrary(directory: SIPTestPaths.schemas))
    }

    /// Every entry in `out`, so tests can see that a failed write left nothing (no staging, no scratch).
    func outListing() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).sorted()
    }
}

enum DIPChecks {
    /// validate-sip passes all three checks; its output is the failure message otherwise.
    static func validate(_ path: String) throws -> (passed: Bool, output: String) {
        let result = try SIPTools.validateSIP(path)
        print(result.output)
        let passed = result.status == 0 && ["eark", "fixity", "xsd"].allSatisfy { result.output.contains("PASS \($0) ") }
        return (passed, result.output)
    }

    /// Extracts a zip into `dir` with Python's zipfile (an independent reader).
    static func unzip(_ zip: String, into dir: String) throws {
        let result = try SIPTools.python("import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])", [zip, dir])
        guard result.status == 0 else { throw IOError(path: zip, operation: "unzip", reason: result.output) }
    }
}
