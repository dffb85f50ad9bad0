import Foundation

/// A submitted package after `PackageIntake.open`: a folder that is safe to read (no links, no
/// devices, every path relative and inside), with `root` the folder holding `METS.xml`.
public struct ReceivedPackage: Sendable {
    /// How the received content is laid out at its top level.
    public enum Layout: Sendable, Equatable {
        /// `METS.xml` directly at the top.
        case metsAtTop
        /// One top-level folder (the E-ARK convention, CSIPSTR1), which is `root`.
        case singleFolder(String)
        /// Several (or no) top-level entries and no `METS.xml` among them (breaks CSIPSTR1).
        case noSingleFolder([String])
    }

    /// The path given to `open` (archive or folder).
    public let source: String
    /// The package root: the folder that holds (or should hold) `METS.xml`.
    public let root: String
    /// True when `source` was an archive extracted into a staging folder.
    public let extracted: Bool
    /// The folder the content is in: the staging subfolder for an archive, else `source`.
    public let contentDirectory: String
    public let layout: Layout
    /// Formats the extraction identified, in a staging file (see `ExtractedFormats`); nil for a
    /// folder used in place or when not asked for.
    var identifiedFormats: IdentifiedFormats?

    /// The package as submitted, for findings: the archive's or folder's file name.
    public var name: String { (source as NSString).lastPathComponent }

    /// Removes the staging subfolder of an extracted archive, the identified formats' file and
    /// its text links (unless `TextAhead` took them); does nothing for a folder used in place.
    /// Safe to call more than once.
    public func cleanUp() {
        if let identifiedFormats {
            unlink(identifiedFormats.path)
            IdentifiedFormats.removeLinks(identifiedFormats.textLinks)
        }
        guard extracted else { return }
        try? FileManager.default.removeItem(atPath: contentDirectory)
    }
}
