import BevaraArchiveIO
import BevaraPackaging
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the events of a PREMIS 3 file Bevara wrote (`bevara-ingest-vN.xml`), so reindex can
/// rebuild the event table from storage alone. SAX, namespace-aware; external entities are not
/// resolved (and a stored file of ours has none).
enum PREMISEventReader {
    struct Event: Equatable {
        var type = ""
        var dateTime = ""
        var outcome = ""
        var detail = ""
        /// Identifier of the agent in the `implementer` role (the archive user), if any.
        var implementer: String?
    }

    static func read(path: String) throws -> [Event] {
        guard let parser = XMLParser(contentsOf: URL(fileURLWithPath: path)) else {
            throw IOError(path: path, operation: "open", reason: "unreadable PREMIS file")
        }
        let handler = Handler()
        parser.delegate = handler
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            throw IOError(path: path, operation: "parse PREMIS",
                          reason: parser.parserError.map { "\($0)" } ?? "malformed XML at line \(parser.lineNumber)")
        }
        return handler.events
    }

    private final class Handler: NSObject, XMLParserDelegate {
        var events: [Event] = []
        private var current: Event?
        private var text = ""
        private var agentValue: String?
        private var agentRole: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            text = ""
            if name == "event" { current = Event() }
            if name == "linkingAgentIdentifier" { agentValue = nil; agentRole = nil }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard current != nil else { return }
            switch name {
            case "eventType": current?.type = value
            case "eventDateTime": current?.dateTime = value
            case "eventOutcome": current?.outcome = value
            case "eventDetail": current?.detail = value
            case "linkingAgentIdentifierValue": agentValue = value
            case "linkingAgentRole": agentRole = value
            case "linkingAgentIdentifier":
                if agentRole == "implementer" { current?.implementer = agentValue }
            case "event":
                if let event = current { events.append(event) }
                current = nil
            default: break
            }
            text = ""
        }
    }
}
