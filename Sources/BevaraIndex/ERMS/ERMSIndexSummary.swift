/// What `ERMSIndexReader` indexed from one ERMS document.
public struct ERMSIndexSummary: Hashable, Sendable {
    /// `control/identification[@identificationType="OBJID"]`: the SIP's id, normally the object id.
    public var declaredObjectID: String?
    public var cases = 0
    public var records = 0
    public var parties = 0
    /// `appendix` elements read.
    public var appendices = 0
    /// Appendices whose file row already existed and now names its record.
    public var linkedFiles = 0
    /// Appendices whose file row did not exist yet; `addFile` in the same transaction links them.
    public var pendingLinks = 0
    /// Appendix paths refused (absolute, or climbing out with `..`), as written.
    public var invalidAppendixPaths: [String] = []

    public init() {}
}
