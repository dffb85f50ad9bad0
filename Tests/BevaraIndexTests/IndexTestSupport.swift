@_exported import BevaraTestSupport
import BevaraArchiveIO
import BevaraIndex
import Foundation
import Testing

struct TestFailure: Error, CustomStringConvertible {
    let description: String
}

/// A SIP built from a bundled fixture by the real `bevara package` command.
struct FixtureSIP: Sendable {
    let root: String
    let objectID: String
    let organisationID: String
    let agreementID: String

    static let vanersborg = Shared.sip(fixture: "vanersborg-ks-csv", profile: "generic-csv", agreement: "EAV-VBG-KS-CSV",
                                       organisation: "vanersborg")
    static let trollhattan = Shared.sip(fixture: "trollhattan-ks-fgs", profile: "fgs-arendehantering",
                                        agreement: "EAV-THN-KS-FGS", organisation: "trollhattan")

    var ermsPath: String { root + "/representations/rep1/data/erms.xml" }

    /// Package once per test process; the tests only read the SIPs.
    private enum Shared {
        static func sip(fixture: String, profile: String, agreement: String, organisation: String) -> Result<FixtureSIP, TestFailure> {
            do {
                let out = try temporaryFolder("sip") + "/" + fixture
                let p = Process()
                p.executableURL = URL(fileURLWithPath: bevaraBinary)
                p.arguments = ["package", "--profile", profile, "--agreement", agreement, "--out", out,
                               repositoryRoot + "/fixtures/" + fixture]
                p.currentDirectoryURL = URL(fileURLWithPath: repositoryRoot)
                var env = ProcessInfo.processInfo.environment
                env["BEVARA_PROFILES"] = repositoryRoot + "/profiles"
                p.environment = env
                p.standardOutput = FileHandle.nullDevice
                p.standardError = FileHandle.nullDevice
                try p.run()
                p.waitUntilExit()
                guard p.terminationStatus == 0 else {
                    return .failure(TestFailure(description: "bevara package \(fixture) exited \(p.terminationStatus)"))
                }
                let mets = try String(contentsOfFile: out + "/METS.xml", encoding: .utf8)
                guard let range = mets.range(of: #"OBJID="([^"]+)""#, options: .regularExpression) else {
                    return .failure(TestFailure(description: "no OBJID in \(out)/METS.xml"))
                }
                let objid = String(mets[range].dropFirst(7).dropLast())
                return .success(FixtureSIP(root: out, objectID: objid, organisationID: organisation, agreementID: agreement))
            } catch {
                return .failure(TestFailure(description: "cannot run \(bevaraBinary) (run `swift build` first): \(error)"))
            }
        }
    }
}

/// MIME types by extension, as ingest's format identification would give them.
func mimeType(of path: String) -> String {
    switch (path as NSString).pathExtension.lowercased() {
    case "pdf": return "application/pdf"
    case "docx": return TextExtractor.docxMIME
    case "odt": return TextExtractor.odtMIME
    case "xml": return "application/xml"
    case "txt": return "text/plain"
    case "csv": return "text/csv"
    case "jpg", "jpeg": return "image/jpeg"
    case "png": return "image/png"
    default: return "application/octet-stream"
    }
}

/// Every regular file below `root`, as sorted relative paths.
func relativeFiles(under root: String) -> [String] {
    var out: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: root)
    while let next = enumerator?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root + "/" + next, isDirectory: &isDirectory), !isDirectory.boolValue {
            out.append(next)
        }
    }
    return out.sorted()
}

/// Order of the steps when indexing a SIP: the ERMS before the files, or after.
enum IndexingOrder { case ermsFirst, filesFirst }

/// Indexes a SIP the way ingest will: package, ERMS, every file (SHA-256, MIME) and its text.
@discardableResult
func indexSIP(_ sip: FixtureSIP, into index: ArchiveIndex, organisationID: String? = nil, objectID: String? = nil,
              order: IndexingOrder = .ermsFirst, withText: Bool = true) throws -> ERMSIndexSummary {
    let org = organisationID ?? sip.organisationID
    let object = objectID ?? sip.objectID
    let files = relativeFiles(under: sip.root)
    // Text extraction runs outside the transaction (pdftotext is slow); only rows go inside.
    var texts: [String: TextOutcome] = [:]
    if withText {
        let pdfs = files.filter { $0.hasSuffix(".pdf") && $0.hasPrefix("representations/rep1/data/") }
        for (path, outcome) in zip(pdfs, TextExtractor.extractPDFs(pdfs.map { sip.root + "/" + $0 })) { texts[path] = outcome }
        for path in files where path.hasPrefix("representations/rep1/data/") && !path.hasSuffix(".pdf") && !path.hasSuffix("erms.xml") {
            texts[path] = TextExtractor.extract(path: sip.root + "/" + path, mime: mimeType(of: path))
        }
    }
    var bytes: Int64 = 0
    var rows: [IndexedFile] = []
    for path in files {
        let digest = try FileDigest.stream(path: sip.root + "/" + path, headBytes: 0)
        bytes += digest.size
        rows.append(IndexedFile(objectID: object, logicalPath: path, size: digest.size, sha256: digest.sha256,
                                mime: mimeType(of: path)))
    }
    return try index.write { w in
        try w.upsertOrganisation(id: org, name: org.capitalized)
        try w.removePackage(objectID: object)
        try w.addPackage(IndexedPackage(objectID: object, organisationID: org, agreementID: sip.agreementID, version: 1,
                                        label: "fixture", created: "2026-11-23T00:00:00Z", submittedBy: "test",
                                        fileCount: rows.count, byteCount: bytes))
        var summary = ERMSIndexSummary()
        func addFiles() throws {
            for row in rows {
                let id = try w.addFile(row)
                if let text = texts[row.logicalPath] { try w.setText(fileID: id, outcome: text) }
            }
        }
        if order == .filesFirst { try addFiles() }
        summary = try ERMSIndexReader.read(path: sip.ermsPath, objectID: object, organisationID: org, into: w)
        if order == .ermsFirst { try addFiles() }
        try w.addEvent(IndexedEvent(objectID: object, version: 1, type: "ingestion", dateTime: "2026-11-23T00:00:00Z",
                                    outcome: "success", detail: "test ingest", agent: "bevara-tests"))
        return summary
    }
}

/// An index in a fresh temporary folder.
func makeIndex(_ label: String) throws -> (ArchiveIndex, String) {
    let dir = try temporaryFolder(label)
    return (try ArchiveIndex(path: dir + "/index.sqlite"), dir)
}

/// Two fresh indexes (for tests that write the same rows two ways and compare), removed after `body`.
func withTwoIndexes(_ a: String, _ b: String, _ body: (ArchiveIndex, ArchiveIndex) throws -> Void) throws {
    let (first, dirA) = try makeIndex(a)
    defer { try? FileManager.default.removeItem(atPath: dirA) }
    let (second, dirB) = try makeIndex(b)
    defer { try? FileManager.default.removeItem(atPath: dirB) }
    try body(first, second)
}

/// Runs `steps` on `index` in one transaction, or each in a transaction of its own (for tests
/// that rows held back or staged within a transaction come out as those written step by step).
func writeSteps(_ steps: [(IndexWriter) throws -> Void], to index: ArchiveIndex, oneTransaction: Bool) throws {
    if oneTransaction {
        try index.write { w in for step in steps { try step(w) } }
    } else {
        for step in steps { try index.write { w in try step(w) } }
    }
}

/// The fixture SIP, or a recorded failure saying why it could not be built.
func fixture(_ sip: Result<FixtureSIP, TestFailure>) throws -> FixtureSIP {
    try sip.get()
}
