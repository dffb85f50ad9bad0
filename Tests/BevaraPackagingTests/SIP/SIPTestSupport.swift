import BevaraArchiveIO
import BevaraModel
import BevaraPackaging
import BevaraProfiles
import Foundation
import FoundationXML

/// Paths of the repository and the field's shared tools, computed from this file so they work in
/// any clone that has `../shared` beside it.
enum SIPTestPaths {
    /// `<package root>`: three folders above this file's folder.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let shared = (packageRoot + "/../shared" as NSString).standardizingPath
    static let schemas = shared + "/schemas"
    static let validateSIP = shared + "/validators/validate-sip"

    /// The validators' venv that scripts/setup.sh makes in the checkout.
    static let venv = packageRoot + "/.venv-validators"
}

/// A small export in a temporary folder: three cases with Swedish names, a secret record, a party
/// with protected identity, and PDF, PNG, TXT and XML files.
final class SIPFixture {
    let root: String
    let exportRoot: String
    let documentation: String
    let catalog: ExportCatalog
    /// Export path → file bytes, for every referenced content file.
    private(set) var files: [String: Data] = [:]
    /// Export path → original file name.
    private(set) var originalNames: [String: String] = [:]

    static let objid = "uuid-0b6d7f4e-8f1c-4a51-9f0e-5d2b7c3a9e11"
    static let created = Date(timeIntervalSince1970: 1_795_000_000)

    init() throws {
        root = NSTemporaryDirectory() + "bevara-sip-test-\(UUID().uuidString)"
        exportRoot = root + "/export"
        try FileManager.default.createDirectory(atPath: exportRoot + "/filer", withIntermediateDirectories: true)
        documentation = root + "/Leveransbeskrivning.txt"
        try Data("Leverans av bygglovsärenden från Ciceron, 2021.\n".utf8).write(to: URL(fileURLWithPath: documentation))
        catalog = try ExportCatalog()
        try build()
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func file(_ path: String, _ data: Data, originalName: String? = nil, line: Int) throws -> FileReference {
        let full = exportRoot + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: full))
        let ref = FileReference(path: path, originalName: originalName, source: SourceLocation(file: "filer.csv", line: line))
        files[path] = data
        originalNames[path] = ref.originalName
        return ref
    }

    private func build() throws {
        let src = { (line: Int) in SourceLocation(file: "arenden.xml", line: line) }
        let protected = Party(name: "Åsa Öberg", identityNumber: IdentityNumber("19121212-1212"), address: "Storgatan 1, 462 30 Vänersborg",
                              role: .counterpart, protectedIdentity: true)
        try catalog.add(Case(systemID: "C-1001", diarienummer: Diarienummer("KS 2021/123"),
                             extraIDs: [ExtraID(type: "äldre diarienummer", value: "BN 2021:77")],
                             title: "Ansökan om bygglov för förråd på Åsbacka 1:23", status: .closed,
                             opened: PartialDate(year: 2021, month: 3, day: 1, original: "2021-03-01"),
                             closed: PartialDate(year: 2021, month: 6, day: 30, original: "2021-06-30"),
                             classification: Classification(code: "2.3.1", text: "Bygglov"), unit: "Samhällsbyggnad",
                             officer: "Örjan Lindström", parties: [protected], source: src(2)))
        try catalog.add(BevaraModel.Record(
            id: "KS 2021/123:1", caseNumber: Diarienummer("KS 2021/123"), runningNumber: 1, type: "Ansökan", direction: .incoming,
            date: PartialDate(year: 2021, month: 3, day: 1, original: "2021-03-01"), title: "Ansökan om bygglov",
            parties: [Party(name: "Åsa Öberg", role: .sender, protectedIdentity: true)],
            files: [try file("filer/2021/123/Ansökan om bygglov.pdf", Self.pdf("Ansokan om bygglov"), line: 2),
                    try file("filer/2021/123/situationsplan.bin", Self.png, originalName: "Situationsplan.png", line: 3)],
            source: src(3)))
        try catalog.add(BevaraModel.Record(
            id: "KS 2021/123:2", systemID: "3F2504E0-4F89-11D3-9A0C-0305E82C3301", caseNumber: Diarienummer("KS 2021/123"),
            runningNumber: 2, type: "Utredning", direction: .drawnUp,
            date: PartialDate(year: 2021, month: 4, day: 12, original: "2021-04-12"), title: "Socialtjänstens utredning",
            secrecy: [SecrecyMarking(kind: .secrecy, legalReference: "OSL 26 kap. 1 §", explanation: "Uppgifter om enskilds personliga förhållanden")],
            files: [try file("filer/2021/123/Utredning (sekretess).xml", Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<utredning>Känsliga uppgifter om sökanden.</utredning>\n".utf8), line: 4)],
            source: src(4)))
        try catalog.add(BevaraModel.Record(
            id: "KS 2021/123:3", caseNumber: Diarienummer("KS 2021/123"), runningNumber: 3, type: "Beslut", direction: .outgoing,
            date: PartialDate(year: 2021, month: 6, day: 15, original: "2021-06-15"), title: "Beslut om bygglov § 12",
            parties: [Party(name: "Åsa Öberg", role: .recipient, protectedIdentity: true)],
            files: [try file("filer/2021/123/Beslut §12.txt", Data("Beslut: bygglov beviljas för förråd på Åsbacka 1:23.\n".utf8), line: 5)],
            source: src(5)))

        // No opening date: created comes from the earliest record date. Its slug collides with the next case.
        try catalog.add(Case(diarienummer: Diarienummer("ÖFN 2021/5"), title: "Överklagande av beslut", status: .open, source: src(6)))
        try catalog.add(BevaraModel.Record(
            id: "ÖFN 2021/5:1", caseNumber: Diarienummer("ÖFN 2021/5"), direction: .incoming,
            date: PartialDate(year: 2021, month: 8, original: "2021-08"), title: "Överklagande",
            secrecy: [SecrecyMarking(kind: .integrity)],
            files: [try file("filer/2021/5/Överklagande (kopia) #2.pdf", Self.pdf("Overklagande"), line: 6),
                    try file("filer/2021/5/Overklagande (kopia) 2.pdf", Self.pdf("Overklagande bilaga"), line: 7)],
            source: src(7)))
        try catalog.add(BevaraModel.Record(
            id: "ÖFN 2021/5:2", caseNumber: Diarienummer("ÖFN 2021/5"), direction: .unknown, title: "Tjänsteanteckning", source: src(8)))

        // Slugs like the case above (ÖFN → OFN): its folder gets a suffix.
        try catalog.add(Case(diarienummer: Diarienummer("OFN 2021/5"), title: "Förvaltarskap", status: .open,
                             opened: PartialDate(year: 2021, month: 9, day: 2, hour: 14, minute: 5, original: "2021-09-02 14:05"),
                             source: src(9)))
        try catalog.add(BevaraModel.Record(
            id: "OFN 2021/5:1", caseNumber: Diarienummer("OFN 2021/5"), runningNumber: 1, direction: .incoming, title: "Anmälan",
            files: [try file("filer/2021/5b/anmälan.txt", Data("Anmälan om behov av förvaltare.\n".utf8), line: 8)],
            source: src(10)))

        // No records at all: created falls back to the package date.
        try catalog.add(Case(diarienummer: Diarienummer("KS 2022/1"), title: "Tomt ärende", status: .cancelled, source: src(11)))
    }

    func context() throws -> PackageContext {
        // 000000-0000 is a fictional test value, not Vänersborg's real organisation number: the
        // test only needs the "confirmed number" path of the writer.
        let organisation = Organisation(id: "vanersborg", name: "Vänersborgs kommun", organisationNumber: "000000-0000",
                                        organisationNumberConfirmed: true)
        let agreement = SubmissionAgreement(
            id: "LÖ-2026-014", organisationID: "vanersborg",
            archivalCreator: ArchivalCreator(name: "Byggnadsnämnden", identificationCode: "ORG:000000-0000"),
            sourceSystem: SourceSystem(name: "Ciceron", version: "4.2"), profileID: "ciceron-fgs", acceptedFormats: [])
        return PackageContext(organisation: organisation, agreement: agreement, archiveName: "E-arkiv Väst",
                              profileName: "ciceron-fgs", softwareVersion: "0.1.0-test", created: Self.created,
                              schemas: try SchemaLibrary(directory: SIPTestPaths.schemas))
    }

    func contents(objid: String = SIPFixture.objid) -> SIPContents {
        let catalog = self.catalog
        return SIPContents(objid: objid, label: "Bygglov 2021, Vänersborg", exportFileRoot: exportRoot,
                           documentation: [(name: "Leveransbeskrivning.txt", sourcePath: documentation, mime: nil)],
                           cases: { try catalog.forEachCase($0) })
    }

    // MARK: Tiny valid files

    /// A one-page PDF 1.4 with correct xref offsets.
    static func pdf(_ text: String) -> Data {
        let content = "BT /F1 12 Tf 10 20 Td (\(text)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 50] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets {
            let s = String(o)
            out += String(repeating: "0", count: 10 - s.count) + s + " 00000 n \n"
        }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }

    /// A 1×1 PNG.
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")!
}

/// Runs external tools the tests judge with.
enum SIPTools {
    struct Result {
        let status: Int32
        let output: String
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// `validate-sip -v PATH` with the validators' venv.
    static func validateSIP(_ path: String) throws -> Result {
        try run(SIPTestPaths.validateSIP, ["-v", path], environment: ["VENV": SIPTestPaths.venv])
    }

    /// Runs a Python snippet with the venv's interpreter (lxml, xmlschema, zipfile, tarfile).
    static func python(_ script: String, _ arguments: [String]) throws -> Result {
        try run(SIPTestPaths.venv + "/bin/python", ["-c", script] + arguments)
    }

    /// Checks `xml` against the CITS ERMS Schematron (its rules are XPath 1.0, so lxml's XSLT 1
    /// implementation runs them once the declared query binding is relaxed, in memory).
    static func schematronValidate(_ xml: String, schematron sch: String) throws -> Result {
        try python("""
            import sys
            from lxml import etree, isoschematron
            sch = etree.parse(sys.argv[1]); sch.getroot().set("queryBinding", "xslt1")
            s = isoschematron.Schematron(sch, store_report=True)
            ok = s.validate(etree.parse(sys.argv[2]))
            print("VALID" if ok else "INVALID")
            if not ok: print(s.validation_report)
            sys.exit(0 if ok else 1)
            """, [sch, xml])
    }

    /// Validates `xml` against `xsd` with lxml (libxml2), offline.
    static func xsdValidate(_ xml: String, schema xsd: String) throws -> Result {
        try python("""
            import sys
            from lxml import etree
            parser = etree.XMLParser(no_network=True)
            schema = etree.XMLSchema(etree.parse(sys.argv[1], parser))
            ok = schema.validate(etree.parse(sys.argv[2], parser))
            print("VALID" if ok else "INVALID")
            for e in schema.error_log: print(e.line, e.message)
            sys.exit(0 if ok else 1)
            """, [xsd, xml])
    }

    /// Entry names of a tar or zip, in archive order; directory entries end with `/`.
    static func archiveEntries(_ path: String) throws -> [String] {
        let result = try python("""
            import sys, tarfile, zipfile
            p = sys.argv[1]
            if zipfile.is_zipfile(p):
                names = zipfile.ZipFile(p).namelist()
            else:
                names = [m.name + ("/" if m.isdir() else "") for m in tarfile.open(p).getmembers()]
            print("\\n".join(names))
            """, [path])
        return result.output.split(separator: "\n").map(String.init)
    }
}

/// XPath over a small XML file, namespace-agnostic via `local-name()`.
struct SIPXML {
    let document: XMLDocument

    init(path: String) throws {
        document = try XMLDocument(contentsOf: URL(fileURLWithPath: path), options: [])
    }

    func nodes(_ xpath: String) throws -> [XMLNode] { try document.nodes(forXPath: xpath) }

    func strings(_ xpath: String) throws -> [String] { try nodes(xpath).compactMap(\.stringValue) }
}
