import BevaraModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The SAX delegate for an FGS document: keeps the element stack and text, checks namespaces,
/// refuses DTD declarations, reports malformed XML, and passes elements to the assembler.
///
/// Delegate callbacks cannot throw, so the first catalog error is kept in `thrown` and parsing is
/// aborted; `FGSReader` rethrows it.
final class FGSDocumentHandler: NSObject, XMLParserDelegate {
    private let document: String
    private let absolutePath: String
    private let namespaces: Set<String>
    private let assembler: FGSCaseAssembler
    private let findings: FindingCollector

    private var stack: [String] = []
    private var text = ""
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

    /// libxml2 warning codes (xmlerror.h `XML_WAR_*`): reported through the same callback as
    /// errors but not errors. 100 is the relative namespace URI `eARDERMS` that Ciceron writes.
    static let libxmlWarnings: Set<Int> = [27, 93, 97, 98, 99, 100, 102, 106, 107]

    init(document: String, absolutePath: String, namespaces: [String], assembler: FGSCaseAssembler, findings: FindingCollector) {
        self.document = document
        self.absolutePath = absolutePath
        self.namespaces = Set(namespaces)
        self.assembler = assembler
        self.findings = findings
    }

    // MARK: Elements and text

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String]) {
        guard !stopped else { return }
        if !sawRoot {
            sawRoot = true
            rootName = elementName
            // Everything before the root start tag is the prolog: look there for declarations.
            if rejectDeclarations(parser, throughLine: parser.lineNumber) { return }
        }
        // Vendor XML is kept out of the mapping and out of memory: its elements are not FGS even
        // when their local names match, and it can hold large base64 blobs.
        if foreignDepth > 0 {
            foreignDepth += 1
            stack.append(elementName)
            return
        }
        let namespace = namespaceURI ?? ""
        if !namespaces.contains(namespace), !namespaceReported {
            namespaceReported = true
            let accepted = namespaces.sorted().map { $0.isEmpty ? "no namespace" : $0 }.joined(separator: ", ")
            findings.error("xml.namespace", SourceLocation(file: document, line: parser.lineNumber, element: elementName),
                           "element \(elementName) is in namespace '\(namespace.isEmpty ? "(none)" : namespace)', which the profile does not accept (fgs.namespaces: \(accepted)); elements were read by their local names")
        }
        if elementName == "TillkommandeXMLdata" { foreignDepth = 1 }
        assembler.start(elementName, parent: stack.last, attributes: attributeDict, line: parser.lineNumber)
        stack.append(elementName)
        text = ""
        textLine = parser.lineNumber
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard !stopped else { return }
        stack.removeLast()
        if foreignDepth > 0 {
            foreignDepth -= 1
            if foreignDepth > 0 { return }
        }
        do {
            try assembler.end(elementName, parent: stack.last, text: text, line: textLine)
        } catch {
            thrown = error
            stop(parser)
        }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stopped, foreignDepth == 0 else { return }
        text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stopped, foreignDepth == 0 else { return }
        text += String(decoding: CDATABlock, as: UTF8.self)
    }

    // MARK: DTD declarations (billion laughs, XXE)

    func parser(_ parser: XMLParser, foundElementDeclarationWithName elementName: String, model: String) {
        forbid(parser, "an element declaration (<!ELEMENT \(elementName) …>)")
    }

    func parser(_ parser: XMLParser, foundAttributeDeclarationWithName attributeName: String, forElement elementName: String,
                type: String?, defaultValue: String?) {
        forbid(parser, "an attribute declaration (<!ATTLIST \(elementName) \(attributeName) …>)")
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        forbid(parser, "an entity declaration (<!ENTITY \(name) …>)")
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        forbid(parser, "an external entity declaration (<!ENTITY \(name) SYSTEM …>)")
    }

    func parser(_ parser: XMLParser, foundUnparsedEntityDeclarationWithName name: String, publicID: String?,
                systemID: String?, notationName: String?) {
        forbid(parser, "an unparsed entity declaration (<!ENTITY \(name) … NDATA …>)")
    }

    func parser(_ parser: XMLParser, foundNotationDeclarationWithName name: String, publicID: String?, systemID: String?) {
        forbid(parser, "a notation declaration (<!NOTATION \(name) …>)")
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        forbid(parser, "a reference to the entity &\(name);")
        return nil
    }

    /// Scans the prolog for declarations the parser does not report; true if one was found.
    private func rejectDeclarations(_ parser: XMLParser, throughLine line: Int) -> Bool {
        do {
            guard let hit = try DTDDeclarationScan.firstDeclaration(path: absolutePath, displayPath: document, throughLine: line) else {
                return false
            }
            forbid(parser, "a DTD declaration (<!\(hit.keyword) …>)", line: hit.line)
        } catch {
            thrown = error
            stop(parser)
        }
        return true
    }

    private func forbid(_ parser: XMLParser, _ what: String, line: Int? = nil) {
        guard !stopped else { return }
        reportedProblem = true
        findings.error("xml.forbidden-dtd", SourceLocation(file: document, line: line ?? parser.lineNumber),
                       "\(document) contains \(what); DTD declarations are refused because entities can expand without bound (billion laughs) or read other files (XXE). Deliver the document without a DOCTYPE; nothing from it was read")
        stop(parser)
    }

    // MARK: Errors

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard !stopped else { return }
        let code = (parseError as NSError).code
        if Self.libxmlWarnings.contains(code) { return }
        // An error inside a DOCTYPE (an undeclared parameter entity, say) is reported as the DTD it is.
        if !sawRoot, rejectDeclarations(parser, throughLine: parser.lineNumber) { return }
        reportedProblem = true
        let casesNote = assembler.closedCaseCount > 0
            ? "; cases completed before this point were read, the rest of the document was not"
            : "; nothing from it was read"
        findings.error("xml.malformed", SourceLocation(file: document, line: parser.lineNumber),
                       "\(document) is not well-formed XML at line \(parser.lineNumber), column \(parser.columnNumber): \(Self.describe(code))\(casesNote)")
        stop(parser)
    }

    private func stop(_ parser: XMLParser) {
        stopped = true
        parser.abortParsing()
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
