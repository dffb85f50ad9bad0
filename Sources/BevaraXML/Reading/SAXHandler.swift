/// What `SAXParser` hands over while it reads a document, on the thread that called `parse`.
///
/// Names arrive resolved: `namespace` is the element's namespace URI ("" for none), whatever
/// prefix the document chose, and `local` its local name. The buffer given to `characters` is
/// valid only during the call; an element's attributes are a value that may be kept (keeping
/// them copies the list the parser reuses for every element).
public protocol SAXHandler: AnyObject {
    func startElement(_ element: SAXElement, parser: SAXParser)
    func endElement(namespace: String, local: String, parser: SAXParser)
    /// Character data in UTF-8 (text, CDATA sections, entity and character references
    /// resolved), in as many pieces as the parser likes.
    func characters(_ utf8: UnsafeRawBufferPointer, parser: SAXParser)
    /// A warning or error from libxml2, or a DTD declaration (which has already stopped the
    /// parser). After a fatal error libxml2 reports nothing more; other problems leave the choice
    /// to stop (`parser.stop()`) to the handler.
    func problem(_ problem: SAXProblem, parser: SAXParser)
}

extension SAXHandler {
    public func endElement(namespace: String, local: String, parser: SAXParser) {}
    public func characters(_ utf8: UnsafeRawBufferPointer, parser: SAXParser) {}
    public func problem(_ problem: SAXProblem, parser: SAXParser) {}
}
