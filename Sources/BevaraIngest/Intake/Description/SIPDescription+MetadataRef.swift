extension SIPDescription {
    /// A referenced metadata file (`dmdSec/mdRef` or `amdSec/*/mdRef`).
    public struct MetadataRef: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable {
            /// Descriptive (dmdSec).
            case dmd
            /// Administrative (amdSec: digiprovMD, techMD, rightsMD, sourceMD).
            case amd
        }

        public var kind: Kind
        /// The METS section: `dmdSec`, `digiprovMD`, `techMD`, `rightsMD` or `sourceMD`.
        public var section: String
        /// Relative to the package root.
        public var path: String
        public var mdType: String?
        public var otherMDType: String?
        public var mimeType: String?
        public var size: Int64?
        public var checksum: String?
        public var checksumType: String?
        public var id: String?
    }
}
