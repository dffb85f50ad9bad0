import BevaraXML
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads one METS file into a `METSDocument` with Foundation's SAX `XMLParser` (streamed, so a
/// METS listing a million files needs memory for the list, not for a DOM).
///
/// Hardened: a DOCTYPE or other DTD declaration refuses the document before parsing
/// (`XMLPrologGuard`), external entities are never resolved, and any declaration the parser does
/// report stops it. Malformed XML stops the read with the parser's line and column; what was read
/// up to there is kept, but the validator treats the document as unreadable.
enum METSReader {
    /// `onFile`: when given, each `fileSec` `<file>` goes there as it is read instead of into
    /// `files` (see `METSParserDelegate`); a document with a `problem` may have handed over some.
    static func read(absolutePath: String, relativePath: String,
                     onFile: ((METSDocument.File) -> Void)? = nil) -> METSDocument {
        var document = METSDocument(path: relativePath)
        do {
            if case .declaration(let line) = try XMLPrologGuard.check(path: absolutePath) {
                document.problem = .init(rule: SIPRule.xmlEntity, line: line, message:
                    "\(relativePath) has a DOCTYPE or DTD declaration; METS needs none, and DTD entities can expand without bound (billion laughs) or read other files (XXE), so the document was not read")
                return document
            }
        } catch {
            document.problem = .init(rule: SIPRule.xmlMalformed, line: nil, message: "\(relativePath) cannot be read: \(error)")
            return document
        }
        guard let parser = XMLParser(contentsOf: URL(fileURLWithPath: absolutePath)) else {
            document.problem = .init(rule: SIPRule.xmlMalformed, line: nil, message: "\(relativePath) cannot be opened")
            return document
        }
        let handler = METSParserDelegate(document: document, onFile: onFile)
        parser.delegate = handler
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = true
        parser.shouldResolveExternalEntities = false
        parser.externalEntityResolvingPolicy = .never
        let ok = parser.parse()
        document = handler.document
        if !ok && document.problem == nil {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "unknown parser failure"
            document.problem = .init(rule: SIPRule.xmlMalformed, line: parser.lineNumber, message: "\(relativePath) could not be parsed: \(reason)")
        }
        if document.problem == nil && document.rootElement == nil {
            document.problem = .init(rule: SIPRule.xmlMalformed, line: nil, message: "\(relativePath) has no root element")
        }
        return document
    }
}
