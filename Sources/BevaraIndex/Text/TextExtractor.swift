import Foundation

/// Extracts searchable text from an archived file, chosen by MIME type. Never throws: a file
/// without extractable text gets `.noText` with the reason, which the index keeps.
///
/// Supported: `text/*` (UTF-8, else Windows-1252), XML and XHTML/HTML text nodes (SAX, DTD
/// refused), DOCX and ODT (main XML part from the zip, expansion capped), PDF (poppler in the
/// `bevara-pdftext` worker, else `pdftotext`; see `TextBatch`).
/// `maxBytes` caps the text kept (UTF-8 bytes); more is cut and flagged `truncated`.
public enum TextExtractor {
    public static let docxMIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    public static let odtMIME = "application/vnd.oasis.opendocument.text"

    public static func extract(path: String, mime: String, maxBytes: Int = 2_000_000) -> TextOutcome {
        extract(path: path, mime: mime, maxBytes: maxBytes, maxExpandedBytes: ZipPartReader.defaultMaxExpandedBytes)
    }

    /// As `extract(path:mime:maxBytes:)`, with the cap on an office part's expanded size.
    public static func extract(path: String, mime: String, maxBytes: Int, maxExpandedBytes: Int) -> TextOutcome {
        let type = mediaType(mime)
        switch type {
        case docxMIME:
            return ZipPartReader.read(path: path, part: "word/document.xml", maxBytes: maxBytes, maxExpandedBytes: maxExpandedBytes)
        case odtMIME:
            return ZipPartReader.read(path: path, part: "content.xml", maxBytes: maxBytes, maxExpandedBytes: maxExpandedBytes)
        case "application/pdf":
            return extractPDFs([path], maxBytes: maxBytes)[0]
        case "application/xml", "text/xml", "text/html", "application/xhtml+xml":
            return XMLTextReader.read(path: path, maxBytes: maxBytes)
        case _ where type.hasSuffix("+xml"):
            return XMLTextReader.read(path: path, maxBytes: maxBytes)
        case _ where type.hasPrefix("text/"):
            return PlainTextReader.read(path: path, maxBytes: maxBytes)
        default:
            return noReader(type)
        }
    }

    /// True when `extract` has a reader for the type: for any other, it answers `.noText` at
    /// once, without opening the file (`outcomeWithoutReader`).
    public static func reads(_ mime: String) -> Bool {
        reads(mediaType: mediaType(mime))
    }

    /// What `extract` answers for a type it has no reader for (without opening the file); nil
    /// for a type it reads. Lets a caller skip handing such a file to another thread.
    public static func outcomeWithoutReader(_ mime: String) -> TextOutcome? {
        let type = mediaType(mime)
        return reads(mediaType: type) ? nil : noReader(type)
    }

    private static func reads(mediaType type: String) -> Bool {
        switch type {
        case docxMIME, odtMIME, "application/pdf", "application/xml", "text/xml", "text/html", "application/xhtml+xml":
            return true
        default:
            return type.hasSuffix("+xml") || type.hasPrefix("text/")
        }
    }

    private static func noReader(_ type: String) -> TextOutcome {
        .noText(reason: "no text extraction for \(type.isEmpty ? "an unknown type" : type)")
    }

    /// True for a PDF's MIME type (parameters and case aside): its text comes from poppler in a
    /// worker process, never from this process.
    public static func isPDF(_ mime: String) -> Bool {
        mediaType(mime) == "application/pdf"
    }

    /// `type/subtype` of a MIME type, lower-cased, without parameters.
    static func mediaType(_ mime: String) -> String {
        // Identification gives plain lower-case types ("application/pdf"), which are their own
        // media type; splitting, trimming and lower-casing them through Foundation for every file
        // cost a fifth of extracting an average file's text.
        if mime.utf8.allSatisfy(isPlainTypeByte) { return mime }
        return mime.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }

    /// Bytes that are neither a parameter separator, whitespace nor upper case: a type made only
    /// of these is unchanged by `mediaType`'s general path.
    private static func isPlainTypeByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "/"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    /// Extracts several PDFs through a `TextBatch` (one worker per core). Results are in the
    /// order of `paths`. For many PDFs, use a `TextBatch` directly and write results as they
    /// come: this collects them all.
    public static func extractPDFs(_ paths: [String], maxBytes: Int = 2_000_000) -> [TextOutcome] {
        let batch = TextBatch(maxBytes: maxBytes, lanes: min(ProcessInfo.processInfo.activeProcessorCount, max(1, paths.count)))
        var slots = [TextOutcome?](repeating: nil, count: paths.count)
        for (i, path) in paths.enumerated() {
            for done in batch.submit(path, mime: "application/pdf", tag: Int64(i)) { slots[Int(done.tag)] = done.outcome }
        }
        for done in batch.finish() { slots[Int(done.tag)] = done.outcome }
        return slots.map { $0 ?? .noText(reason: "not extracted") }
    }
}
