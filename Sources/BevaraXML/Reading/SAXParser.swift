import BevaraArchiveIO
import CLibXML2
import Foundation

/// A streaming XML reader over libxml2's SAX2 push parser: the file is fed in 64 KiB pieces, and
/// each element, its attributes and its text go to a `SAXHandler` as they are read, with
/// namespaces resolved by libxml2.
///
/// Why not Foundation's `XMLParser` (which is libxml2 underneath): it makes a `String` of every
/// element name, qualified name and namespace URI and a `[String: String]` of every element's
/// attributes, whatever the handler needs; for an ingest of many small files that was about a
/// sixth of the instructions. Here names come interned (libxml2 keeps each name once per
/// document, so one `String` per distinct name) and attribute values are the only strings made.
///
/// Hardened: a DOCTYPE stops the parse as a `.declaration` problem before its internal subset is
/// read (so no entity can be declared); with `.allowWithoutDeclarations` the DOCTYPE may stay
/// but its first markup declaration (`<!ENTITY`, `<!ELEMENT`, `<!ATTLIST`, `<!NOTATION`) stops
/// the parse the same way. Entities are never substituted beyond XML's five and character
/// references, no external subset is loaded, and the network is never used (`XML_PARSE_NONET`).
/// Callers reading Bevara's own formats run `XMLPrologGuard` first as well.
public final class SAXParser {
    /// What a DOCTYPE may be.
    public enum DoctypePolicy: Sendable {
        /// None at all (METS, ERMS, PREMIS, indexed documents).
        case refuse
        /// A bare `<!DOCTYPE name>` or one naming an external DTD (never loaded), as some
        /// exports carry; any declaration in it is still refused.
        case allowWithoutDeclarations
    }

    /// How a parse ended.
    public struct Outcome: Equatable, Sendable {
        /// The handler stopped it (`stop()`), or a DOCTYPE did.
        public var stopped: Bool
        /// The first problem at error level or above, or the DOCTYPE refused; nil for a
        /// well-formed document read to its end (or stopped before any).
        public var failure: SAXProblem?
    }

    private let handler: any SAXHandler
    private let doctype: DoctypePolicy
    private var context: xmlParserCtxtPtr?
    private var stopped = false
    private var failure: SAXProblem?
    // The two below are touched once or twice per element; a parser lives on one thread and
    // its callbacks never overlap, so the runtime's exclusivity checks are left out for them.
    /// Names by libxml2's pointer (its dictionary interns them per document), checked by content.
    @exclusivity(unchecked) private var names: [UnsafePointer<xmlChar>: String] = [:]
    /// Reused for every element: handed over inside `SAXAttributes` and emptied in place after.
    @exclusivity(unchecked) private var attributeScratch: [SAXAttribute] = []

    private init(handler: any SAXHandler, doctype: DoctypePolicy) {
        self.handler = handler
        self.doctype = doctype
    }

    /// The line of the parser's position (in a callback: where the current event ends).
    public var line: Int { context.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? 0 }
    public var column: Int { context.map { Int(xmlSAX2GetColumnNumber(UnsafeMutableRawPointer($0))) } ?? 0 }

    /// Stops the parse after the current callback; `parse` returns with `stopped` set.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        if let context { xmlStopParser(context) }
    }

    // MARK: Parsing

    /// Parses the file at `path` (a regular file, not a symlink; `FileDigest.forEachChunk` reads
    /// it). Throws only when the file cannot be opened or read; what is wrong inside it is in the
    /// outcome and was told to the handler.
    public static func parse(path: String, handler: any SAXHandler, doctype: DoctypePolicy = .refuse) throws(IOError) -> Outcome {
        let parser = SAXParser(handler: handler, doctype: doctype)
        var readError: IOError?
        parser.run(name: path) { feed in
            do throws(IOError) { try FileDigest.forEachChunk(path: path, while: feed) } catch { readError = error }
        }
        if let readError { throw readError }
        return Outcome(stopped: parser.stopped, failure: parser.failure)
    }

    /// Parses a document held in memory (an office part read from its zip).
    public static func parse(bytes: UnsafeRawBufferPointer, handler: any SAXHandler, doctype: DoctypePolicy = .refuse) -> Outcome {
        let parser = SAXParser(handler: handler, doctype: doctype)
        parser.run(name: nil) { feed in
            var offset = 0
            // In pieces, as from a file: libxml2 takes at most an int's worth per call.
            while offset < bytes.count {
                let n = min(1 << 20, bytes.count - offset)
                guard feed(UnsafeRawBufferPointer(rebasing: bytes[offset ..< offset + n])) else { return }
                offset += n
            }
        }
        return Outcome(stopped: parser.stopped, failure: parser.failure)
    }

    /// Sets up the push parser, lets `source` feed it (`feed` answers false once it should stop
    /// feeding), ends the document, and frees the parser.
    private func run(name: String?, source: ((UnsafeRawBufferPointer) -> Bool) -> Void) {
        _ = SAXParser.initialised
        var sax = SAXParser.callbacks()
        let me = Unmanaged.passUnretained(self).toOpaque()
        guard let context = xmlCreatePushParserCtxt(&sax, me, nil, 0, name) else {
            failure = SAXProblem(kind: .libxml2(code: Int(XML_ERR_NO_MEMORY.rawValue), level: .fatal), line: 0, column: 0,
                                 message: "libxml2 could not create a parser")
            return
        }
        self.context = context
        defer {
            xmlFreeParserCtxt(context)
            self.context = nil
        }
        // No network; no entity substitution, so `&amp;` in attributes arrives as `&#38;` (decoded below).
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
        // Feeding ends at a stop or once a fatal error has turned libxml2's callbacks off.
        source { bytes in
            guard !stopped else { return false }
            _ = bytes.withMemoryRebound(to: CChar.self) { xmlParseChunk(context, $0.baseAddress, Int32($0.count), 0) }
            return !stopped && context.pointee.disableSAX == 0
        }
        if !stopped { xmlParseChunk(context, nil, 0, 1) }
    }

    private static let initialised: Void = xmlInitParser()

    /// The SAX2 callbacks; each finds its `SAXParser` in libxml2's user data.
    private static func callbacks() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = CLibXML2_SAX2_MAGIC
        sax.startElementNs = { user, local, _, uri, _, _, count, _, attributes in
            SAXParser.from(user).start(local: local, uri: uri, count: Int(count), attributes: attributes)
        }
        sax.endElementNs = { user, local, _, uri in
            let parser = SAXParser.from(user)
            guard !parser.stopped else { return }
            parser.handler.endElement(namespace: parser.name(uri), local: parser.name(local), parser: parser)
        }
        // CDATA sections come through `characters` when `cdataBlock` is unset.
        sax.characters = { user, bytes, count in
            let parser = SAXParser.from(user)
            guard !parser.stopped, let bytes else { return }
            parser.handler.characters(UnsafeRawBufferPointer(start: bytes, count: Int(count)), parser: parser)
        }
        sax.internalSubset = { user, name, _, _ in
            let parser = SAXParser.from(user)
            guard parser.doctype == .refuse else { return }
            let root = name.map { String(cString: $0) } ?? ""
            parser.refuse("a DOCTYPE declaration (<!DOCTYPE \(root) …>)")
        }
        // Reached only when a DOCTYPE is allowed: each declaration in it stops the parse.
        sax.entityDecl = { user, _, _, _, _, _ in SAXParser.from(user).refuse("a DTD declaration (<!ENTITY …>)") }
        sax.unparsedEntityDecl = { user, _, _, _, _ in SAXParser.from(user).refuse("a DTD declaration (<!ENTITY …>)") }
        sax.elementDecl = { user, _, _, _ in SAXParser.from(user).refuse("a DTD declaration (<!ELEMENT …>)") }
        sax.notationDecl = { user, _, _, _ in SAXParser.from(user).refuse("a DTD declaration (<!NOTATION …>)") }
        sax.attributeDecl = { user, _, _, _, _, _, tree in
            // The callback owns the enumeration libxml2 parsed (parser.c, xmlParseAttributeListDecl).
            if let tree { xmlFreeEnumeration(tree) }
            SAXParser.from(user).refuse("a DTD declaration (<!ATTLIST …>)")
        }
        sax.serror = { user, error in
            guard let user, let error else { return }
            Unmanaged<SAXParser>.fromOpaque(user).takeUnretainedValue().report(error.pointee)
        }
        return sax
    }

    private static func from(_ user: UnsafeMutableRawPointer?) -> SAXParser {
        Unmanaged<SAXParser>.fromOpaque(user!).takeUnretainedValue()
    }

    // MARK: Events

    private func start(local: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?, count: Int,
                       attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard !stopped else { return }
        attributeScratch.removeAll(keepingCapacity: true)
        if let attributes {
            // Five pointers an attribute: local name, prefix, URI, value start, value end.
            for i in 0 ..< count {
                let base = attributes + 5 * i
                guard let start = base[3], let end = base[4] else { continue }
                let value = SAXParser.attributeValue(UnsafeBufferPointer(start: start, count: end - start))
                attributeScratch.append(SAXAttribute(namespace: name(base[2]), local: name(base[0]), value: value))
            }
        }
        let element = SAXElement(namespace: name(uri), local: name(local), attributes: SAXAttributes(attributeScratch))
        handler.startElement(element, parser: self)
    }

    /// An attribute value as the document means it. Without entity substitution libxml2 writes
    /// every `&` of the value (from `&amp;` or `&#38;`) as `&#38;`, so that sequence, and only
    /// it, stands for `&`.
    static func attributeValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        let escape = Array("&#38;".utf8)
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&"), i + 5 <= bytes.count, bytes[i ..< i + 5].elementsEqual(escape) {
                out.append(UInt8(ascii: "&"))
                i += 5
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The `String` for a libxml2 name; "" for none.
    private func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        let length = strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
        let bytes = UnsafeBufferPointer(start: pointer, count: length)
        // The pointer is libxml2's interned copy; the content check keeps a reused address honest.
        if let known = names[pointer], known.utf8.withContiguousStorageIfAvailable({ utf8 in
            utf8.count == length && (length == 0 || memcmp(utf8.baseAddress!, pointer, length) == 0)
        }) == true {
            return known
        }
        let made = String(decoding: bytes, as: UTF8.self)
        names[pointer] = made
        return made
    }

    private func report(_ error: xmlError) {
        let level: SAXProblem.Level
        switch error.level {
        case XML_ERR_WARNING: level = .warning
        case XML_ERR_ERROR: level = .error
        case XML_ERR_FATAL: level = .fatal
        default: return
        }
        // A stop (ours or a DOCTYPE's) makes libxml2 report XML_ERR_USER_STOP; that is no problem.
        if stopped || error.code == Int32(XML_ERR_USER_STOP.rawValue) { return }
        let message = error.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown error"
        let problem = SAXProblem(kind: .libxml2(code: Int(error.code), level: level), line: Int(error.line),
                                 column: Int(error.int2), message: message)
        if level >= .error, failure == nil { failure = problem }
        handler.problem(problem, parser: self)
    }

    private func refuse(_ what: String) {
        guard !stopped else { return }
        let problem = SAXProblem(kind: .declaration, line: line, column: column, message: what)
        if failure == nil { failure = problem }
        stop()
        handler.problem(problem, parser: self)
    }
}
