import BevaraModel
import BevaraXML
import Foundation

/// Reads a `format: fgs-xml` export: one FGS Ärendehantering 1.0 document (`fgs.document`),
/// streamed with `SAXParser` (libxml2) so memory holds one case at a time.
///
/// External entities are never resolved; a bare DOCTYPE is accepted, but any DTD declaration
/// stops the read (`xml.forbidden-dtd`); malformed XML is `xml.malformed` with the parser's line and column.
/// Throws only when the profile has no `fgs` section or the document is missing or unreadable.
struct FGSReader: ExportReader {
    let profile: Profile

    func read(exportRoot: String, into catalog: ExportCatalog, findings: FindingCollector) throws {
        guard let section = profile.fgs else {
            throw ExportReadError.invalidProfile(profile: profile.id, reason: "format fgs-xml needs an fgs section")
        }
        let document = section.document
        let path = exportRoot + "/" + document
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw ExportReadError.missingMetadataFile(path: document, exportRoot: exportRoot, profile: profile.id)
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ExportReadError.unreadableFile(path: document, reason: "cannot open the file")
        }
        let mapper = try ValueMapper(profile: profile, findings: findings)
        let assembler = FGSCaseAssembler(document: document, mapper: mapper, catalog: catalog, findings: findings)
        let handler = FGSDocumentHandler(document: document, namespaces: section.effectiveNamespaces,
                                         assembler: assembler, findings: findings)
        let outcome: SAXParser.Outcome
        do {
            outcome = try SAXParser.parse(path: path, handler: handler, doctype: .allowWithoutDeclarations)
        } catch {
            throw ExportReadError.unreadableFile(path: document, reason: error.description)
        }
        if let error = handler.thrown { throw error }
        if let failure = outcome.failure, !handler.reportedProblem {
            // A failure the handler was not told of (none is expected: each is reported to it).
            throw ExportReadError.unreadableFile(path: document, reason: failure.description)
        }
        if !handler.stopped && assembler.caseCount == 0 {
            findings.error("metadata.missing", SourceLocation(file: document, line: 1, element: handler.rootName),
                           "\(document) contains no ArkivobjektArende (root element \(handler.rootName ?? "none")); no cases were read")
        }
        try catalog.finishLoading()
    }
}
