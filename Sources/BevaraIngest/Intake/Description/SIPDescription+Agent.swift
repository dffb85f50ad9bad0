extension SIPDescription {
    /// `metsHdr/agent`: software, archival creator, submitter, preservation agency, contact.
    public struct Agent: Sendable, Hashable, Codable {
        /// `agent/note` with its `csip:NOTETYPE` (`SOFTWARE VERSION`, `IDENTIFICATIONCODE`, or nil).
        public struct Note: Sendable, Hashable, Codable {
            public var type: String?
            public var value: String

            public init(type: String?, value: String) {
                self.type = type
                self.value = value
            }
        }

        public var role: String?
        public var otherRole: String?
        public var type: String?
        public var otherType: String?
        /// The first `name` (CSIP14 wants exactly one).
        public var name: String?
        public var notes: [Note]
    }
}
