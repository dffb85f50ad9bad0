import BevaraXML
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Indexes the cases, records, parties and restrictions of a CITS ERMS v3 document (an AIP's
/// `representations/rep1/data/erms.xml`) and ties files to records by the appendix paths.
///
/// The document is streamed with Foundation's SAX `XMLParser`; external entities are never
/// resolved and a document with a DOCTYPE is refused before parsing (`XMLPrologGuard`).
public enum ERMSIndexReader {
    /// Reads `path` (a file on disk) for package `objectID`, which must already be added with
    /// `addPackage` for `organisationID`. Throws `unreadableERMS` for a missing, malformed or
    /// DTD-carrying document; the caller's transaction then rolls back what was written.
    /// `logicalPath` (the document's path in the AIP) places appendix paths; without it the
    /// folder is taken from `path`.
    public static func read(path: String, logicalPath: String? = nil, objectID: String, organisationID: String,
                            into writer: IndexWriter) throws -> ERMSIndexSummary {
        let indexed = try writer.organisation(ofPackage: objectID)
        guard indexed == organisationID else {
            throw IndexError.organisationMismatch(objectID: objectID, expected: organisationID, indexed: indexed)
        }
        let verdict: XMLPrologGuard.Verdict
        do { verdict = try XMLPrologGuard.check(path: path, limit: 1 << 20) } catch {
            throw IndexError.unreadableERMS(path: path, reason: "cannot open the file (\(error.reason))")
        }
        switch verdict {
        case .clean: break
        case .declaration:
            throw IndexError.unreadableERMS(path: path, reason: "it has a DOCTYPE; DTDs are refused (entity expansion, external entities)")
        case .noRootElement:
            throw IndexError.unreadableERMS(path: path, reason: "no root element found")
        }
        guard let parser = XMLParser(contentsOf: URL(fileURLWithPath: path)) else {
            throw IndexError.unreadableERMS(path: path, reason: "cannot open the file")
        }
        let handler = ERMSIndexHandler(objectID: objectID, writer: writer, path: path, ermsFolder: ermsFolder(of: logicalPath ?? path))
        parser.delegate = handler
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.externalEntityResolvingPolicy = .never
        let ok = parser.parse()
        if let error = handler.thrown { throw error }
        if !ok {
            throw IndexError.unreadableERMS(path: path, reason: parser.parserError.map { "\($0)" } ?? "parser failure")
        }
        return handler.summary
    }

    /// `representations/<rep>/data/` taken from the file's path when it lies in such a folder
    /// (an OCFL content path does), else rep1's.
    static func ermsFolder(of path: String) -> String {
        let parts = path.split(separator: "/").map(String.init)
        if let i = parts.lastIndex(of: "representations"), i + 2 < parts.count - 1, parts[i + 2] == "data" {
            return parts[i...(parts.count - 2)].joined(separator: "/") + "/"
        }
        return "representations/rep1/data/"
    }
}
