extension SIPDescription {
    /// `metsHdr/altRecordID`: another identifier of the package, typed (SIP5–SIP8).
    public struct AltRecordID: Sendable, Hashable, Codable {
        public var type: String?
        public var value: String

        public init(type: String?, value: String) {
            self.type = type
            self.value = value
        }
    }
}
