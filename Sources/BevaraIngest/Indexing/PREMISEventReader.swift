import BevaraArchiveIO
import BevaraModel
import BevaraPackaging
import BevaraXML
import Foundation

/// Reads the events of a PREMIS 3 file Bevara wrote (`bevara-ingest-vN.xml`), so reindex can
/// rebuild the event table from storage alone, with `SAXParser`; external entities are not
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
        let handler = Handler()
        if let failure = try SAXParser.parse(path: path, handler: handler).failure {
            throw IOError(path: path, operation: "parse PREMIS", reason: failure.description)
        }
        return handler.events
    }

    private final class Handler: SAXHandler {
        var events: [Event] = []
        private var current: Event?
        private var text: [UInt8] = []
        private var agentValue: String?
        private var agentRole: String?

        func startElement(_ element: SAXElement, parser: SAXParser) {
            text.removeAll(keepingCapacity: true)
            if element.local == "event" { current = Event() }
            if element.local == "linkingAgentIdentifier" { agentValue = nil; agentRole = nil }
        }

        func characters(_ utf8: UnsafeRawBufferPointer, parser: SAXParser) { text.append(contentsOf: utf8) }

        func endElement(namespace: String, local name: String, parser: SAXParser) {
            let value = String(decoding: text, as: UTF8.self).trimmedWhitespace()
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
            text.removeAll(keepingCapacity: true)
        }
    }
}
