import BevaraModel
import BevaraXML
import Foundation

/// The SAX handler for an FGS document: keeps the element stack and text, checks namespaces,
/// reports refused DTD declarations and malformed XML, and passes elements to the assembler.
///
/// SAX callbacks cannot throw, so the first catalog error is kept in `thrown` and the parser
/// stopped; `FGSReader` rethrows it.
final class FGSDocumentHandler: SAXHandler {
    private let document: String
    private let namespaces: Set<String>
    private let assembler: FGSCaseAssembler
    private let findings: FindingCollector

    private var stack: [String] = []
    private var text: [UInt8] = []
    private var textLine = 0
    private var sawRoot = false
    private var namespaceReported = false
    /// Depth inside `TillkommandeXMLdata`, whose content is vendor XML in its own namespaces.
    private var foreignDepth = 0
    /// True once parsing was stopped (forbidden DTD, malformed XML, or a thrown error).
    private(set) var stopped = false
    private(set) var reportedProblem = false
    private(set) var rootName: String?
    var thrown: Error?

    init(document: String, namespaces: [String], assembler: FGSCaseAssembler, findings: FindingCollector) {
        self.document = document
        self.namespaces = Set(namespaces)
        self.assembler = assembler
        self.findings = findings
    }

    // MARK: Elements and text

    func startElement(_ element: SAXElement, parser: SAXParser) {
        guard !stopped else { return }
        let elementName = element.local
        let line = parser.line
        if !sawRoot {
            sawRoot = true
            rootName = elementName
        }
        // Vendor XML is kept out of the mapping and out of memory: its elements are not FGS even
        // when their local names match, and it can hold large base64 blobs.
        if foreignDepth > 0 {
            foreignDepth += 1
            stack.append(elementName)
            return
        }
        let namespace = element.namespace
        if !namespaces.contains(namespace), !namespaceReported {
            namespaceReported = true
            let accepted = namespaces.sorted().map { $0.isEmpty ? "no namespace" : $0 }.joined(separator: ", ")
            findings.error("xml.namespace", SourceLocation(file: document, line: line, element: elementName),
                           "element \(elementName) is in namespace '\(namespace.isEmpty ? "(none)" : namespace)', which the profile does not accept (fgs.namespaces: \(accepted)); elements were read by their local names")
        }
        if elementName == "TillkommandeXMLdata" { foreignDepth = 1 }
        assembler.start(elementName, parent: stack.last, attributes: element.attributes, line: line)
        stack.append(elementName)
        text.removeAll(keepingCapacity: true)
        textLine = line
    }

    func endElement(namespace: String, local elementName: String, parser: SAXParser) {
        guard !stopped else { return }
        stack.removeLast()
        if foreignDepth > 0 {
            foreignDepth -= 1
            if foreignDepth > 0 { return }
        }
        do {
            try assembler.end(elementName, parent: stack.last, text: String(decoding: text, as: UTF8.self), line: textLine)
        } catch {
            thrown = error
            stop(parser)
        }
        text.removeAll(keepingCapacity: true)
    }

    func characters(_ utf8: UnsafeRawBufferPointer, parser: SAXParser) {
        guard !stopped, foreignDepth == 0 else { return }
        text.append(contentsOf: utf8)
    }

    // MARK: Problems

    func problem(_ problem: SAXProblem, parser: SAXParser) {
        guard !stopped else { return }
        switch problem.kind {
        case .declaration:
            // Billion laughs and XXE: the parser has already stopped at the declaration.
            reportedProblem = true
            stopped = true
            findings.error("xml.forbidden-dtd", SourceLocation(file: document, line: problem.line),
                           "\(document) contains \(problem.message); DTD declarations are refused because entities can expand without bound (billion laughs) or read other files (XXE). Deliver the document without a DOCTYPE; nothing from it was read")
        case .libxml2(let code, _):
            if problem.isWarningByLevelOrCode { return }
            reportedProblem = true
            let casesNote = assembler.closedCaseCount > 0
                ? "; cases completed before this point were read, the rest of the document was not"
                : "; nothing from it was read"
            findings.error("xml.malformed", SourceLocation(file: document, line: parser.line),
                           "\(document) is not well-formed XML at line \(parser.line), column \(parser.column): \(Self.describe(code))\(casesNote)")
            stop(parser)
        }
    }

    private func stop(_ parser: SAXParser) {
        stopped = true
        parser.stop()
    }

    /// Plain words for the libxml2 errors seen most in exports; others by number.
    static func describe(_ code: Int) -> String {
        switch code {
        case 4: return "the document is empty"
        case 5: return "the document ends before its elements are closed"
        case 9, 81: return "invalid character or byte sequence for the document's encoding"
        case 23: return "an entity reference lacks its ';'"
        case 26: return "undeclared entity"
        case 38: return "'<' inside an attribute value"
        case 39, 40: return "an attribute value is not quoted or not closed"
        case 41: return "an attribute has no value"
        case 42: return "an attribute occurs twice on one element"
        case 68: return "a name is expected"
        case 73: return "'>' is expected"
        case 76: return "an end tag does not match its start tag"
        case 77: return "a start tag is not finished"
        case 85: return "the elements are not properly nested"
        case 86: return "extra content after the document element"
        case 201: return "an element or attribute uses an undeclared namespace prefix"
        default: return "libxml2 error \(code)"
        }
    }
}
