import BevaraModel
import BevaraXML
import Foundation

/// The text nodes of an XML document (XHTML, office XML parts, e-service data), streamed with
/// `SAXParser`. A DOCTYPE is refused (`XMLPrologGuard`), external entities are never resolved.
enum XMLTextReader {
    /// Element local names that end a line of text (paragraphs, headings, rows, breaks).
    static let lineElements: Set<String> = [
        "p", "h", "h1", "h2", "h3", "h4", "h5", "h6", "div", "li", "tr", "br", "title", "td", "th", "tab", "cr",
    ]
    /// HTML elements whose content is not text.
    static let skippedElements: Set<String> = ["script", "style"]

    /// Why a document with a DOCTYPE has no text, whichever check meets it first.
    static let doctypeRefused = TextOutcome.noText(reason: "the document has a DOCTYPE; DTDs are refused (entity expansion, external entities)")

    static func read(path: String, maxBytes: Int) -> TextOutcome {
        do {
            if let refused = refusal(try XMLPrologGuard.check(path: path, limit: 1 << 20)) { return refused }
        } catch {
            return .noText(reason: "cannot open the file")
        }
        let handler = Handler(maxBytes: maxBytes)
        do {
            return handler.outcome(try SAXParser.parse(path: path, handler: handler))
        } catch {
            return .noText(reason: "cannot read the file")
        }
    }

    /// As `read(path:maxBytes:)`, for a document held in memory (an office part read from its zip).
    static func read(data: Data, maxBytes: Int) -> TextOutcome {
        if let refused = refusal(XMLPrologGuard.check(bytes: data.prefix(1 << 20))) { return refused }
        let handler = Handler(maxBytes: maxBytes)
        return handler.outcome(data.withUnsafeBytes { SAXParser.parse(bytes: $0, handler: handler) })
    }

    /// The outcome for a prolog that stops the read (nil when the document may be parsed).
    private static func refusal(_ verdict: XMLPrologGuard.Verdict) -> TextOutcome? {
        switch verdict {
        case .clean: return nil
        case .declaration: return doctypeRefused
        case .noRootElement: return .noText(reason: "no XML root element found")
        }
    }

    final class Handler: SAXHandler {
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

        func outcome(_ parse: SAXParser.Outcome) -> TextOutcome {
            if case .declaration? = parse.failure?.kind { return XMLTextReader.doctypeRefused }
            if let problem {
                // Text before a syntax error is still the document's text; say that it is partial.
                let partial = accumulator.text.trimmedWhitespace()
                return partial.isEmpty ? .noText(reason: problem) : .text(partial, truncated: true)
            }
            return accumulator.outcome
        }

        func startElement(_ element: SAXElement, parser: SAXParser) {
            let name = element.local.lowercased()
            if skipDepth > 0 || XMLTextReader.skippedElements.contains(name) { skipDepth += 1 }
            if name == "tab" { accumulator.append("\t") }
            leafHasText = false
        }

        func endElement(namespace: String, local: String, parser: SAXParser) {
            if skipDepth > 0 { skipDepth -= 1; return }
            if XMLTextReader.lineElements.contains(local.lowercased()) {
                accumulator.breakLine()
            } else if leafHasText, !Self.runElements.contains(local), !(accumulator.text.last?.isWhitespace ?? true) {
                // Adjacent data elements (`<namn>Åsa</namn><ort>Sjöhult</ort>`) are separate words.
                accumulator.append(" ")
            }
            leafHasText = false
            if accumulator.isFull { parser.stop() }
        }

        func characters(_ utf8: UnsafeRawBufferPointer, parser: SAXParser) {
            guard skipDepth == 0 else { return }
            leafHasText = true
            if !accumulator.append(String(decoding: utf8, as: UTF8.self)) { parser.stop() }
        }

        func problem(_ problem: SAXProblem, parser: SAXParser) {
            // Warnings (a relative namespace URI, say) leave the text whole.
            guard !problem.isWarning, !accumulator.isFull, self.problem == nil else { return }
            self.problem = "not well-formed XML at line \(problem.line), column \(problem.column)"
        }
    }
}
