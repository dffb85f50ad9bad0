extension SIPDescription {
    /// A representation: `representations/<name>/`, described by its own METS or by a
    /// `Representations/<name>` file group of the root METS.
    public struct Representation: Sendable, Hashable, Codable {
        /// The folder name under `representations/`.
        public var name: String
        /// `representations/<name>/METS.xml` when the representation has its own METS.
        public var metsPath: String?
        /// Its files, paths relative to the package root.
        public var files: [PackageFile]
        /// Its METS's `mdRef`s, paths relative to the package root.
        public var metadataRefs: [MetadataRef]
        /// `mets/@csip:CONTENTINFORMATIONTYPE` of its METS, else of its root file group.
        public var contentInformationType: String?
    }
}
