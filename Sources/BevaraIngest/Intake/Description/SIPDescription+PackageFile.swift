extension SIPDescription {
    /// A `fileSec/fileGrp/file`, located by its `FLocat`.
    public struct PackageFile: Sendable, Hashable, Codable {
        /// Relative to the package root (a representation METS's paths are prefixed with the
        /// representation folder), percent-decoded when that is what names an existing file.
        public var path: String
        /// `@SIZE`, nil when absent or not a number (CSIP69).
        public var size: Int64?
        public var checksum: String?
        /// As written, e.g. `SHA-256`.
        public var checksumType: String?
        public var mimeType: String?
        /// `@CREATED`, as written.
        public var created: String?
        /// `USE` of the enclosing fileGrp (`Documentation`, `Schemas`, `Representations/rep1`, `Data`, …).
        public var group: String?
        /// `file/@ID`.
        public var id: String?
    }
}
