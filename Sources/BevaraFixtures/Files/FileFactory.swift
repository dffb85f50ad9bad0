import Foundation

/// Makes one valid file of a given format holding a given text, optionally padded to an exact
/// size. Used both by the export generator and to make the bundled fixtures' binaries, so both
/// share one implementation.
///
/// - PDF 1.4: one page, Helvetica with WinAnsiEncoding, the text in a content stream, a correct
///   cross-reference table; padding is a greyscale image XObject drawn on the page.
/// - JPEG: baseline, greyscale, JFIF 1.01, encoded here (DCT, standard Huffman tables); the
///   title goes in a COM segment; padding is further COM segments of random bytes.
/// - PNG: 8-bit greyscale, zlib stored blocks, CRCs right; the title in an `iTXt` chunk; padding
///   is more image rows.
/// - DOCX: an OOXML package written through `ArchiveWriter` (libarchive), `[Content_Types].xml`
///   first, then `_rels/.rels`, `word/document.xml`, `docProps/core.xml`; padding is more
///   paragraphs.
/// - Plain text (UTF-8) and XML 1.0: the text, padded with more paragraphs.
///
/// Same document, seed and size give byte-identical files. Memory is bounded by about 1 MiB
/// whatever the size: large files are written in chunks.
public struct FileFactory: Sendable {
    public init() {}

    /// Writes a file of `kind` at `path` (created or truncated) and returns its size.
    ///
    /// With `size`, the file is exactly that many bytes when `size` is at least the format's
    /// natural size for this document (always so from `kind.minimumPlannedSize` up for the
    /// generator's documents); otherwise it has its natural size.
    @discardableResult
    public func write(_ kind: FixtureFileKind, document: FixtureDocument, seed: UInt64,
                      size: Int64? = nil, to path: String) throws -> Int64 {
        switch kind {
        case .pdf: return try PDFFile.write(document, seed: seed, size: size, to: path)
        case .txt: return try PlainTextFile.write(document, seed: seed, size: size, to: path)
        case .xml: return try XMLFile.write(document, seed: seed, size: size, to: path)
        case .jpeg: return try JPEGFile.write(document, seed: seed, size: size, to: path)
        case .docx: return try DOCXFile.write(document, seed: seed, size: size, to: path)
        case .png: return try PNGFile.write(document, seed: seed, size: size, to: path)
        }
    }
}
