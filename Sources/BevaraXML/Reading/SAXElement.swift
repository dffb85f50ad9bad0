/// An element's start as `SAXParser` reports it.
public struct SAXElement {
    /// The namespace URI, "" for none.
    public let namespace: String
    public let local: String
    public let attributes: SAXAttributes
}

/// One attribute with its namespace resolved ("" for an unprefixed attribute, which XML puts in
/// no namespace whatever the default namespace is).
public struct SAXAttribute: Equatable, Sendable {
    public let namespace: String
    public let local: String
    public let value: String
}

/// An element's attributes, in document order. Few per element, so a lookup is a scan.
public struct SAXAttributes: Sequence {
    var entries: [SAXAttribute]

    public init(_ entries: [SAXAttribute] = []) {
        self.entries = entries
    }

    /// The value of the unprefixed attribute `local`.
    public subscript(_ local: String) -> String? {
        entries.first { $0.local == local && $0.namespace.isEmpty }?.value
    }

    /// The value of attribute `local` in `namespace`.
    public subscript(_ namespace: String, _ local: String) -> String? {
        entries.first { $0.local == local && $0.namespace == namespace }?.value
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }
    public func makeIterator() -> IndexingIterator<[SAXAttribute]> { entries.makeIterator() }
}
