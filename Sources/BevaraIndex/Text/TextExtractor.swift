import Foundation

/// Extracts searchable text from an archived file, chosen by MIME type. Never throws: a file
/// without extractable text gets `.noText` with the reason, which the index keeps.
///
/// Supported: `text/*` (UTF-8, else Windows-1252), XML and XHTML/HTML text nodes (SAX, DTD
/// refused), DOCX and ODT (main XML part from the zip, expansion capped), PDF (`pdftotext`).
/// `maxBytes` caps the text kept (UTF-8 bytes); more is cut and flagged `truncated`.
public enum TextExtractor {
    public static let docxMIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    public static let odtMIME = "application/vnd.oasis.opendocument.text"

    public static func extract(path: String, mime: String, maxBytes: Int = 2_000_000) -> TextOutcome {
        extract(path: path, mime: mime, maxBytes: maxBytes, maxExpandedBytes: ZipPartReader.defaultMaxExpandedBytes)
    }

    /// As `extract(path:mime:maxBytes:)`, with the cap on an office part's expanded size.
    public static func extract(path: String, mime: String, maxBytes: Int, maxExpandedBytes: Int) -> TextOutcome {
        let type = mime.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch type {
        case docxMIME:
            return ZipPartReader.read(path: path, part: "word/document.xml", maxBytes: maxBytes, maxExpandedBytes: maxExpandedBytes)
        case odtMIME:
            return ZipPartReader.read(path: path, part: "content.xml", maxBytes: maxBytes, maxExpandedBytes: maxExpandedBytes)
        case "application/pdf":
            return PDFTextReader.read(path: path, maxBytes: maxBytes)
        case "application/xml", "text/xml", "text/html", "application/xhtml+xml":
            return XMLTextReader.read(path: path, maxBytes: maxBytes)
        case _ where type.hasSuffix("+xml"):
            return XMLTextReader.read(path: path, maxBytes: maxBytes)
        case _ where type.hasPrefix("text/"):
            return PlainTextReader.read(path: path, maxBytes: maxBytes)
        default:
            return .noText(reason: "no text extraction for \(type.isEmpty ? "an unknown type" : type)")
        }
    }

    /// Extracts several PDFs, at most two `pdftotext` processes at a time (the machine has two
    /// cores). Results are in the order of `paths`.
    public static func extractPDFs(_ paths: [String], maxBytes: Int = 2_000_000) -> [TextOutcome] {
        let results = ResultSlots(count: paths.count)
        let lanes = DispatchSemaphore(value: 2)
        let group = DispatchGroup()
        for (i, path) in paths.enumerated() {
            lanes.wait()
            group.enter()
            DispatchQueue.global().async {
                results.set(i, PDFTextReader.read(path: path, maxBytes: maxBytes))
                lanes.signal()
                group.leave()
            }
        }
        group.wait()
        return results.values
    }

    private final class ResultSlots: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [TextOutcome?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ i: Int, _ outcome: TextOutcome) {
            lock.lock()
            slots[i] = outcome
            lock.unlock()
        }

        var values: [TextOutcome] {
            lock.lock()
            defer { lock.unlock() }
            return slots.map { $0 ?? .noText(reason: "not extracted") }
        }
    }
}
