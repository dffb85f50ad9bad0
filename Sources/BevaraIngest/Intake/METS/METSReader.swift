import BevaraXML
import Foundation

/// Reads one METS file into a `METSDocument` with `SAXParser` (libxml2, streamed, so a METS
/// listing a million files needs memory for the list, not for a DOM).
///
/// Hardened: a DOCTYPE or other DTD declaration refuses the document before parsing
/// (`XMLPrologGuard`), external entities are never resolved, and a DOCTYPE the parser does
/// meet stops it. Malformed XML stops the read with the parser's line and column; what was read
/// up to there is kept, but the validator treats the document as unreadable.
enum METSReader {
    /// `onFile`: when given, each `fileSec` `<file>` goes there as it is read instead of into
    /// `files` (see `METSParserHandler`); a document with a `problem` may have handed over some.
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
        let handler = METSParserHandler(document: document, onFile: onFile)
        let outcome: SAXParser.Outcome
        do {
            outcome = try SAXParser.parse(path: absolutePath, handler: handler)
        } catch {
            document.problem = .init(rule: SIPRule.xmlMalformed, line: nil, message: "\(relativePath) cannot be read: \(error)")
            return document
        }
        document = handler.document
        if let failure = outcome.failure, document.problem == nil {
            document.problem = .init(rule: SIPRule.xmlMalformed, line: failure.line, message: "\(relativePath) could not be parsed: \(failure)")
        }
        if document.problem == nil && document.rootElement == nil {
            document.problem = .init(rule: SIPRule.xmlMalformed, line: nil, message: "\(relativePath) has no root element")
        }
        return document
    }
}
