import BevaraArchiveIO
import BevaraXML
import Foundation

/// Indexes the cases, records, parties and restrictions of a CITS ERMS v3 document (an AIP's
/// `representations/rep1/data/erms.xml`) and ties files to records by the appendix paths.
///
/// The document is streamed with `SAXParser` (libxml2); external entities are never resolved and
/// a document with a DOCTYPE is refused before parsing (`XMLPrologGuard`).
///
/// The parse runs on a thread of its own (`TwoThreadPipeline`) and hands plain values
/// (`ERMSIndexItem`) to the calling thread, which alone uses the `IndexWriter`. Why: for a
/// package of many small files the document is tens of MB, and parsing it (libxml2 callbacks,
/// strings, the handler's mapping) was about as much of ingest's main thread as writing its rows,
/// with the second core idle.
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
        // Only the parser thread touches the handler until `run` has returned (and joined it).
        let handler = ERMSIndexHandler(objectID: objectID, path: path, ermsFolder: ermsFolder(of: logicalPath ?? path))
        var rows = ERMSRowWriter(objectID: objectID, writer: writer)
        try TwoThreadPipeline.run(threadName: "bevara.erms-parser", produce: { emit in
            try parse(path: path, with: handler, emit: emit)
        }, consume: { try rows.write($0) })
        var summary = rows.summary
        summary.declaredObjectID = handler.declaredObjectID
        summary.appendices = handler.appendices
        return summary
    }

    /// Checks the prolog and parses the document, `handler` emitting its rows; on the parser thread.
    static func parse(path: String, with handler: ERMSIndexHandler,
                      emit: (ERMSIndexItem) throws -> Void) throws {
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
        let outcome: SAXParser.Outcome
        do {
            outcome = try withoutActuallyEscaping(emit) { emit throws(IOError) in
                handler.emit = emit
                defer { handler.emit = nil }
                return try SAXParser.parse(path: path, handler: handler)
            }
        } catch {
            throw IndexError.unreadableERMS(path: path, reason: "cannot read the file (\(error.reason))")
        }
        // An `emit` that threw (the writing side stopped) is rethrown here for the pipeline.
        if let error = handler.thrown { throw error }
        if let failure = outcome.failure { throw IndexError.unreadableERMS(path: path, reason: failure.description) }
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
