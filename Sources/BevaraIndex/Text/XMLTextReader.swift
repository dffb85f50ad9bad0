import BevaraModel
import BevaraXML
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The text nodes of an XML document (XHTML, office XML parts, e-service data), streamed with
/// SAX. A DOCTYPE is refused (`XMLPrologGuard`), external entities are never resolved.
enum XMLTextReader {
    /// Element local names that end a line of text (paragraphs, headings, rows, breaks).
    static let lineElements: Set<String> = [
        "p", "h", "h1", "h2", "h3", "h4", "h5", "h6", "div", "li", "tr", "br", "title", "td", "th", "tab", "cr",
    ]
    /// HTML elements whose content is not text.
    static let skippedElements: Set<String> = ["script", "style"]

    static func read(path: String, maxBytes: Int) -> TextOutcome {
        do {
            switch try XMLPrologGuard.check(path: path, limit: 1 << 20) {
            case .clean: break
            case .declaration: return .noText(reason: "the document has a DOCTYPE; DTDs are refused (entity expansion, external entities)")
            case .noRootElement: return .noText(reason: "no XML root element found")
            }
        } catch {
            return .noText(reason: "cannot open the file")
        }
        guard let parser = XMLParser(contentsOf: URL(fileURLWithPath: path)) else {
            return .noText(reason: "cannot open the file")
        }
        return text(of: parser, maxBytes: maxBytes)
    }

    /// As `read(path:maxBytes:)`, for a document held in memory (an office part read from its zip).
    static func read(data: Data, maxBytes: Int) -> TextOutcome {
        switch XMLPrologGuard.check(bytes: data.prefix(1 << 20)) {
        case .clean: break
        case .declaration: return .noText(reason: "the document has a DOCTYPE; DTDs are refused (entity expansion, external entities)")
        case .noRootElement: return .noText(reason: "no XML root element found")
        }
        return text(of: XMLParser(data: data), maxBytes: maxBytes)
    }

    private static func text(of parser: XMLParser, maxBytes: Int) -> TextOutcome {
        let handler = Handler(maxBytes: maxBytes)
        parser.delegate = handler
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.externalEntityResolvingPolicy = .never
        _ = parser.parse()
        if let problem = handler.problem {
            // Text before a syntax error is still the document's text; say that it is partial.
            let partial = handler.accumulator.text.trimmedWhitespace()
            return partial.isEmpty ? .noText(reason: problem) : .text(partial, truncated: true)
        }
        return handler.accumulator.outcome
    }

    final class Handler: NSObject, XMLParserDelegate {
        var accumulator: TextAccumulator
        var problem: String?
        private var skipDepth = 0
        /// True when text arrived since the last start tag: the element ending is a text leaf.
        private var leafHasText = false
        /// Office run elements split words anywhere; their ends are not word breaks.
        private static let runElements: Set<String> = ["t", "r", "span"]

        init(maxBytes: Int) {
            accumulator = TextAccumulator(maxBytes: maxBytes)
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String]) {
            let name = elementName.lowercased()
            if skipDepth > 0 || XMLTextReader.skippedElements.contains(name) { skipDepth += 1 }
            if name == "tab" { accumulator.append("\t") }
            leafHasText = false
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            if skipDepth > 0 { skipDepth -= 1; return }
            if XMLTextReader.lineElements.contains(elementName.lowercased()) {
                accumulator.breakLine()
            } else if leafHasText, !Self.runElements.contains(elementName), !(accumulator.text.last?.isWhitespace ?? true) {
                // Adjacent data elements (`<namn>Åsa</namn><ort>Sjöhult</ort>`) are separate words.
                accumulator.append(" ")
            }
            leafHasText = false
            if accumulator.isFull { parser.abortParsing() }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard skipDepth == 0 else { return }
            leafHasText = true
            if !accumulator.append(string) { parser.abortParsing() }
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            guard skipDepth == 0 else { return }
            if !accumulator.append(String(decoding: CDATABlock, as: UTF8.self)) { parser.abortParsing() }
        }

        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
            problem = "refers to the external entity &\(name);, which is never resolved"
            parser.abortParsing()
            return nil
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            // Aborting at the budget reports an error too; that is not a problem with the file.
            guard !accumulator.isFull, problem == nil else { return }
            problem = "not well-formed XML at line \(parser.lineNumber), column \(parser.columnNumber)"
        }
    }
}
