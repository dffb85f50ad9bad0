import BevaraModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a `format: fgs-xml` export: one FGS Ärendehantering 1.0 document (`fgs.document`),
/// streamed with Foundation's SAX `XMLParser` so memory holds one case at a time.
///
/// External entities are never resolved and any DTD declaration stops the read
/// (`xml.forbidden-dtd`); malformed XML is `xml.malformed` with the parser's line and column.
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
        guard FileManager.default.isReadableFile(atPath: path),
              let parser = XMLParser(contentsOf: URL(fileURLWithPath: path)) else {
            throw ExportReadError.unreadableFile(path: document, reason: "cannot open the file")
        }
        let mapper = try ValueMapper(profile: profile, findings: findings)
        let assembler = FGSCaseAssembler(document: document, mapper: mapper, catalog: catalog, findings: findings)
        let handler = FGSDocumentHandler(document: document, absolutePath: path, namespaces: section.effectiveNamespaces,
                                         assembler: assembler, findings: findings)
        parser.delegate = handler
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.externalEntityResolvingPolicy = .never
        let ok = parser.parse()
        if let error = handler.thrown { throw error }
        if !ok && !handler.reportedProblem {
            // A failure the delegate never heard about, such as a read error on the stream.
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "unknown parser failure"
            throw ExportReadError.unreadableFile(path: document, reason: reason)
        }
        if !handler.stopped && assembler.caseCount == 0 {
            findings.error("metadata.missing", SourceLocation(file: document, line: 1, element: handler.rootName),
                           "\(document) contains no ArkivobjektArende (root element \(handler.rootName ?? "none")); no cases were read")
        }
        try catalog.finishLoading()
    }
}
