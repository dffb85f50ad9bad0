import BevaraModel
import BevaraXML
import Foundation

/// The SAX handler behind `METSReader`: keeps the element stack and records the METS elements
/// the CSIP rules look at. Names arrive with their namespaces resolved (`xlink:href` is XLink's
/// `href` whatever prefix the producer chose). Elements outside the METS namespace (embedded
/// `mdWrap` content, extensions) are stepped over.
final class METSParserHandler: SAXHandler {
    private(set) var document: METSDocument

    private var stack: [(namespace: String, local: String)] = []
    private var text: [UInt8] = []
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

    // MARK: Elements

    func startElement(_ element: SAXElement, parser: SAXParser) {
        guard !stopped else { return }
        let namespace = element.namespace
        let elementName = element.local
        let line = parser.line
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
        let a = element.attributes
        switch elementName {
        case "mets" where stack.count == 1:
            document.objid = a["OBJID"]
            document.label = a["LABEL"]
            document.type = a["TYPE"]
            document.profile = a["PROFILE"]
            document.otherType = a[METSNamespace.csip, "OTHERTYPE"]
            document.contentInformationType = a[METSNamespace.csip, "CONTENTINFORMATIONTYPE"]
            document.otherContentInformationType = a[METSNamespace.csip, "OTHERCONTENTINFORMATIONTYPE"]
            noteMisplacedCSIP(a, names: ["OTHERTYPE", "CONTENTINFORMATIONTYPE", "OTHERCONTENTINFORMATIONTYPE"])
        case "metsHdr" where parentLocal == "mets":
            document.headerCount += 1
            if document.headerCount == 1 {
                document.headerLine = line
                document.createDate = a["CREATEDATE"]
                document.lastModDate = a["LASTMODDATE"]
                document.recordStatus = a["RECORDSTATUS"]
                document.oaisPackageType = a[METSNamespace.csip, "OAISPACKAGETYPE"]
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
                document.agents[document.agents.count - 1].notes.append((a[METSNamespace.csip, "NOTETYPE"], ""))
            }
        case "dmdSec", "digiprovMD", "techMD", "rightsMD", "sourceMD":
            section = (elementName, a["ID"])
        case "mdRef":
            guard let section else { break }
            document.metadataReferences.append(.init(
                section: section.kind, sectionID: section.id, id: a["ID"], locType: a["LOCTYPE"],
                xlinkType: a[METSNamespace.xlink, "type"], href: a[METSNamespace.xlink, "href"], mdType: a["MDTYPE"],
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
                                             contentInformationType: a[METSNamespace.csip, "CONTENTINFORMATIONTYPE"],
                                             otherContentInformationType: a[METSNamespace.csip, "OTHERCONTENTINFORMATIONTYPE"],
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

    func endElement(namespace: String, local elementName: String, parser: SAXParser) {
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

    func characters(_ utf8: UnsafeRawBufferPointer, parser: SAXParser) {
        if capturing { text.append(contentsOf: utf8) }
    }

    private func startText() {
        capturing = true
        text.removeAll(keepingCapacity: true)
    }

    private func endText() -> String {
        capturing = false
        return String(decoding: text, as: UTF8.self).trimmedWhitespace()
    }

    private func locator(_ a: SAXAttributes, line: Int) -> METSDocument.Locator {
        .init(locType: a["LOCTYPE"], xlinkType: a[METSNamespace.xlink, "type"], href: a[METSNamespace.xlink, "href"],
              title: a[METSNamespace.xlink, "title"], line: line)
    }

    /// Remembers CSIP attributes written in the wrong namespace (or none), for a hint.
    private func noteMisplacedCSIP(_ attributes: SAXAttributes, names: [String]) {
        for attribute in attributes where attribute.namespace != METSNamespace.csip && names.contains(attribute.local) {
            document.misplacedCSIPAttributes[attribute.local] = attribute.namespace.isEmpty ? "no namespace" : attribute.namespace
        }
    }

    // MARK: Problems

    func problem(_ problem: SAXProblem, parser: SAXParser) {
        guard !stopped else { return }
        switch problem.kind {
        case .declaration:
            // Refused even though the prolog guard runs first (billion laughs, XXE).
            stopped = true
            document.problem = .init(rule: SIPRule.xmlEntity, line: problem.line, message:
                "\(document.path) contains \(problem.message); DTD declarations are refused (billion laughs, XXE)")
        case .libxml2(let code, _):
            // Warnings (a relative namespace URI, say) do not make the document unreadable.
            if problem.isWarningByLevelOrCode { return }
            stopped = true
            document.problem = .init(rule: SIPRule.xmlMalformed, line: problem.line, message:
                "\(document.path) is not well-formed XML at line \(problem.line), column \(problem.column) (libxml2 error \(code))")
            parser.stop()
        }
    }
}
