import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The SAX delegate behind `METSReader`: keeps the element stack and the namespace prefixes in
/// scope (attribute names arrive qualified, `xlink:href`, whatever prefix the producer chose),
/// and records the METS elements the CSIP rules look at. Elements outside the METS namespace
/// (embedded `mdWrap` content, extensions) are stepped over.
final class METSParserDelegate: NSObject, XMLParserDelegate {
    private(set) var document: METSDocument

    private var stack: [(namespace: String, local: String)] = []
    private var prefixes: [String: [String]] = ["xml": ["http://www.w3.org/XML/1998/namespace"]]
    private var text = ""
    private var capturing = false
    private var section: (kind: String, id: String?)?
    private var groupStack: [Int] = []
    private var fileStack: [Int] = []
    private var structMapIndex: Int?
    private var divLabels: [String?] = []
    private var stopped = false
    /// Set: each `<file>` is handed here instead of kept in `document.files`, so a METS listing a
    /// million files is never held whole. Files come in the order of their start tags, each once
    /// its outermost `<file>` has closed (a nested file's FLocat may follow the inner file).
    private let onFile: ((METSDocument.File) -> Void)?
    /// Files not yet handed over (the open outermost one and those inside it), when streaming.
    private var openFiles: [METSDocument.File] = []

    init(document: METSDocument, onFile: ((METSDocument.File) -> Void)? = nil) {
        self.document = document
        self.onFile = onFile
    }

    // MARK: Namespaces

    func parser(_ parser: XMLParser, didStartMappingPrefix prefix: String, toURI namespaceURI: String) {
        prefixes[prefix, default: []].append(namespaceURI)
    }

    func parser(_ parser: XMLParser, didEndMappingPrefix prefix: String) {
        _ = prefixes[prefix]?.popLast()
    }

    /// Attribute values keyed `{namespace}local` (or `local` when unqualified).
    private func resolve(_ attributes: [String: String]) -> [String: String] {
        var out: [String: String] = [:]
        out.reserveCapacity(attributes.count)
        for (name, value) in attributes {
            // ASCII names (all of METS's) are searched by byte, which for ASCII are the characters.
            let colon = name.utf8.allSatisfy { $0 < 0x80 } ? name.utf8.firstIndex(of: UInt8(ascii: ":")) : name.firstIndex(of: ":")
            if let colon {
                let prefix = String(name[..<colon])
                let local = String(name[name.index(after: colon)...])
                if prefix == "xmlns" { continue }
                let namespace = prefixes[prefix]?.last ?? "urn:undeclared-prefix:\(prefix)"
                out[METSNamespace.key(namespace, local)] = value
            } else if name != "xmlns" {
                out[name] = value
            }
        }
        return out
    }

    // MARK: Elements

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String]) {
        guard !stopped else { return }
        let namespace = namespaceURI ?? ""
        let line = parser.lineNumber
        let parent = stack.last
        stack.append((namespace, elementName))
        if stack.count == 1 {
            document.rootElement = elementName
            document.rootNamespace = namespace
            document.rootLine = line
        }
        guard namespace == METSNamespace.mets else { return }
        let parentIsMETS = parent?.namespace == METSNamespace.mets
        let parentLocal = parentIsMETS ? parent?.local : nil
        let a = resolve(attributeDict)
        switch elementName {
        case "mets" where stack.count == 1:
            document.objid = a["OBJID"]
            document.label = a["LABEL"]
            document.type = a["TYPE"]
            document.profile = a["PROFILE"]
            document.otherType = a[METSNamespace.csip("OTHERTYPE")]
            document.contentInformationType = a[METSNamespace.csip("CONTENTINFORMATIONTYPE")]
            document.otherContentInformationType = a[METSNamespace.csip("OTHERCONTENTINFORMATIONTYPE")]
            noteMisplacedCSIP(a, names: ["OTHERTYPE", "CONTENTINFORMATIONTYPE", "OTHERCONTENTINFORMATIONTYPE"])
        case "metsHdr" where parentLocal == "mets":
            document.headerCount += 1
            if document.headerCount == 1 {
                document.headerLine = line
                document.createDate = a["CREATEDATE"]
                document.lastModDate = a["LASTMODDATE"]
                document.recordStatus = a["RECORDSTATUS"]
                document.oaisPackageType = a[METSNamespace.csip("OAISPACKAGETYPE")]
                noteMisplacedCSIP(a, names: ["OAISPACKAGETYPE"])
            }
        case "agent" where parentLocal == "metsHdr":
            document.agents.append(.init(role: a["ROLE"], otherRole: a["OTHERROLE"], type: a["TYPE"],
                                         otherType: a["OTHERTYPE"], line: line))
        case "name" where parentLocal == "agent", "altRecordID" where parentLocal == "metsHdr":
            startText()
            if elementName == "altRecordID" { document.altRecordIDs.append((a["TYPE"], "")) }
        case "note" where parentLocal == "agent":
            startText()
            if !document.agents.isEmpty {
                document.agents[document.agents.count - 1].notes.append((a[METSNamespace.csip("NOTETYPE")], ""))
            }
        case "dmdSec", "digiprovMD", "techMD", "rightsMD", "sourceMD":
            section = (elementName, a["ID"])
        case "mdRef":
            guard let section else { break }
            document.metadataReferences.append(.init(
                section: section.kind, sectionID: section.id, id: a["ID"], locType: a["LOCTYPE"],
                xlinkType: a[METSNamespace.xlink("type")], href: a[METSNamespace.xlink("href")], mdType: a["MDTYPE"],
                otherMDType: a["OTHERMDTYPE"], mimeType: a["MIMETYPE"], size: a["SIZE"], created: a["CREATED"],
                checksum: a["CHECKSUM"], checksumType: a["CHECKSUMTYPE"], line: line))
        case "fileSec" where parentLocal == "mets":
            document.fileSecCount += 1
            if document.fileSecCount == 1 {
                document.fileSecID = a["ID"]
                document.fileSecLine = line
            }
        case "fileGrp":
            document.fileGroups.append(.init(id: a["ID"], use: a["USE"],
                                             contentInformationType: a[METSNamespace.csip("CONTENTINFORMATIONTYPE")],
                                             otherContentInformationType: a[METSNamespace.csip("OTHERCONTENTINFORMATIONTYPE")],
                                             line: line))
            groupStack.append(document.fileGroups.count - 1)
        case "file":
            let group = groupStack.last.map { document.fileGroups[$0] }
            if let g = groupStack.last { document.fileGroups[g].fileCount += 1 }
            let file = METSDocument.File(id: a["ID"], mimeType: a["MIMETYPE"], size: a["SIZE"], created: a["CREATED"],
                                         checksum: a["CHECKSUM"], checksumType: a["CHECKSUMTYPE"],
                                         groupUse: group?.use, groupID: group?.id, line: line)
            if onFile != nil {
                openFiles.append(file)
                fileStack.append(openFiles.count - 1)
            } else {
                document.files.append(file)
                fileStack.append(document.files.count - 1)
            }
        case "FLocat" where parentLocal == "file":
            if let f = fileStack.last {
                if onFile != nil {
                    openFiles[f].locators.append(locator(a, line: line))
                } else {
                    document.files[f].locators.append(locator(a, line: line))
                }
            }
        case "structMap" where parentLocal == "mets":
            document.structMaps.append(.init(id: a["ID"], type: a["TYPE"], label: a["LABEL"], line: line))
            structMapIndex = document.structMaps.count - 1
            divLabels = []
        case "div":
            guard let s = structMapIndex else { break }
            if divLabels.isEmpty { document.structMaps[s].topDivCount += 1 }
            divLabels.append(a["LABEL"])
            if let label = a["LABEL"] { document.structMaps[s].divLabels.append(label) }
        case "mptr":
            guard let s = structMapIndex else { break }
            document.structMaps[s].pointers.append((divLabels.last ?? nil, locator(a, line: line)))
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard !stopped else { return }
        let ended = stack.popLast()
        guard ended?.namespace == METSNamespace.mets else { return }
        switch elementName {
        case "name" where capturing:
            if !document.agents.isEmpty { document.agents[document.agents.count - 1].names.append(endText()) }
        case "note" where capturing:
            let value = endText()
            if let a = document.agents.indices.last, let n = document.agents[a].notes.indices.last {
                document.agents[a].notes[n].text = value
            }
        case "altRecordID" where capturing:
            let value = endText()
            if let i = document.altRecordIDs.indices.last { document.altRecordIDs[i].value = value }
        case "dmdSec", "digiprovMD", "techMD", "rightsMD", "sourceMD":
            section = nil
        case "fileGrp":
            _ = groupStack.popLast()
        case "file":
            _ = fileStack.popLast()
            if let onFile, fileStack.isEmpty {
                for file in openFiles { onFile(file) }
                openFiles.removeAll(keepingCapacity: true)
            }
        case "structMap":
            structMapIndex = nil
        case "div":
            _ = divLabels.popLast()
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing { text += string }
    }

    private func startText() {
        capturing = true
        text = ""
    }

    private func endText() -> String {
        capturing = false
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func locator(_ a: [String: String], line: Int) -> METSDocument.Locator {
        .init(locType: a["LOCTYPE"], xlinkType: a[METSNamespace.xlink("type")], href: a[METSNamespace.xlink("href")],
              title: a[METSNamespace.xlink("title")], line: line)
    }

    /// Remembers CSIP attributes written in the wrong namespace (or none), for a hint.
    private func noteMisplacedCSIP(_ attributes: [String: String], names: [String]) {
        for (key, _) in attributes {
            for name in names where key != METSNamespace.csip(name) && (key == name || key.hasSuffix("}" + name)) {
                if key == name {
                    document.misplacedCSIPAttributes[name] = "no namespace"
                } else {
                    document.misplacedCSIPAttributes[name] = String(key.dropFirst().prefix(while: { $0 != "}" }))
                }
            }
        }
    }

    // MARK: DTD declarations (XXE, billion laughs) — refused even though the prolog guard runs first

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        forbid(parser, "an entity declaration (<!ENTITY \(name) …>)")
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        forbid(parser, "an external entity declaration (<!ENTITY \(name) SYSTEM …>)")
    }

    func parser(_ parser: XMLParser, foundUnparsedEntityDeclarationWithName name: String, publicID: String?,
                systemID: String?, notationName: String?) {
        forbid(parser, "an unparsed entity declaration (<!ENTITY \(name) …>)")
    }

    func parser(_ parser: XMLParser, foundElementDeclarationWithName elementName: String, model: String) {
        forbid(parser, "an element declaration (<!ELEMENT \(elementName) …>)")
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        forbid(parser, "a reference to the external entity &\(name);")
        return nil
    }

    private func forbid(_ parser: XMLParser, _ what: String) {
        guard !stopped else { return }
        stopped = true
        document.problem = .init(rule: SIPRule.xmlEntity, line: parser.lineNumber, message:
            "\(document.path) contains \(what); DTD declarations are refused (billion laughs, XXE)")
        parser.abortParsing()
    }

    // MARK: Errors

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard !stopped else { return }
        let code = (parseError as NSError).code
        // libxml2 warnings arrive through the same callback (xmlerror.h XML_WAR_*), e.g. 100 for a
        // relative namespace URI; they do not make the document unreadable.
        if [27, 93, 97, 98, 99, 100, 102, 106, 107].contains(code) { return }
        stopped = true
        document.problem = .init(rule: SIPRule.xmlMalformed, line: parser.lineNumber, message:
            "\(document.path) is not well-formed XML at line \(parser.lineNumber), column \(parser.columnNumber) (libxml2 error \(code))")
        parser.abortParsing()
    }
}
