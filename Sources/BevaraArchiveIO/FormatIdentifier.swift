import CMagic
import Foundation

/// Identifies a file's format from its first bytes: libmagic for the MIME type, then a small
/// table of PRONOM ids for the formats archives meet most, refined by header fields where the
/// PUID depends on a version (PDF, PDF/A, JFIF). Plain text named `.txt` or `.csv` is identified
/// by content and name, as PRONOM tools do (`PlainTextSignature`), not by libmagic's text rules;
/// a plain XML document gets libmagic's answer without the walk through its database (`XMLSignature`).
///
/// Identification never reads beyond the head that the hashing pass already holds, so it costs
/// microseconds per file and cannot hang on a huge file (peers.md §3, item 21).
/// Not thread-safe: use one identifier per thread.
public final class FormatIdentifier {
    private let cookie: OpaquePointer

    public init() throws {
        guard let cookie = magic_open(CMagic_MIME_TYPE | CMagic_NO_CHECK_COMPRESS | CMagic_NO_CHECK_ELF) else {
            throw IOError(path: "libmagic", operation: "magic_open", reason: "out of memory")
        }
        guard magic_load(cookie, nil) == 0 else {
            let reason = magic_error(cookie).map { String(cString: $0) } ?? "cannot load the magic database"
            magic_close(cookie)
            throw IOError(path: "libmagic", operation: "magic_load", reason: reason)
        }
        self.cookie = cookie
    }

    deinit { magic_close(cookie) }

    /// The format of a file whose first bytes are `head`; `name` helps only where content is
    /// ambiguous (CSV is plain text to libmagic).
    public func identify(head: [UInt8], name: String? = nil) -> Identification {
        if head.isEmpty { return Identification(mime: "application/x-empty", puid: nil, name: "Empty file", version: nil) }
        if let mime = Self.unambiguousSignature(head) { return Self.refine(mime: mime, head: head, name: name) }
        if MagicDatabaseCheck.loadsAnalysedDatabase, let mime = OOXMLSignature.mime(head) {
            return Self.refine(mime: mime, head: head, name: name)
        }
        if let mime = PlainTextSignature.mime(head, name: name) { return Self.refine(mime: mime, head: head, name: name) }
        if MagicDatabaseCheck.loadsAnalysedDatabase, let mime = XMLSignature.mime(head, name: name) {
            return Self.refine(mime: mime, head: head, name: name)
        }
        return Self.refine(mime: libmagicType(head), head: head, name: name)
    }

    /// The MIME type libmagic gives for `head`: the full database, no shortcut.
    func libmagicType(_ head: [UInt8]) -> String {
        head.withUnsafeBytes { raw in
            guard let result = magic_buffer(cookie, raw.baseAddress, raw.count) else { return "application/octet-stream" }
            return String(cString: result)
        }
    }

    /// The MIME type of a head that starts with a signature only one format has (PDF, PNG, JPEG),
    /// so libmagic would say the same; nil for anything else, which libmagic then identifies.
    /// libmagic walks its whole database for every file, about a seventh of packaging time on
    /// exports of many small files, and these three formats are most of an export's files.
    static func unambiguousSignature(_ head: [UInt8]) -> String? {
        if head.count >= 5, head[0] == 0x25, head[1] == 0x50, head[2] == 0x44, head[3] == 0x46, head[4] == 0x2D {
            return "application/pdf"  // %PDF-
        }
        if head.count >= 4, head[0] == 0xFF, head[1] == 0xD8, head[2] == 0xFF, [0xDB, 0xE0, 0xE1].contains(head[3]) {
            return "image/jpeg"  // SOI then a quantisation table, JFIF APP0 or Exif APP1 segment
        }
        // PNG signature and IHDR first; an animated PNG (acTL chunk) is left to libmagic.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        if head.count >= png.count, head.starts(with: png), ByteSearch.firstIndex(of: Array("acTL".utf8), in: head, from: 16) == nil {
            return "image/png"
        }
        return nil
    }

    /// A format identification result (the model's `FileFormat` is built from it).
    public struct Identification: Hashable, Sendable {
        public let mime: String
        public let puid: String?
        public let name: String?
        public let version: String?

        /// A result recorded earlier (ingest's extraction lanes identify ahead of storing).
        public init(mime: String, puid: String?, name: String?, version: String?) {
            self.mime = mime
            self.puid = puid
            self.name = name
            self.version = version
        }
    }

    // PRONOM ids by PDF/A part and level, PDF version and JFIF version (built once, not per file).
    private static let pdfAPUIDs: [String: String] = ["1B": "fmt/354", "1A": "fmt/95", "2A": "fmt/476", "2B": "fmt/477",
                                                      "2U": "fmt/478", "3A": "fmt/479", "3B": "fmt/480", "3U": "fmt/481"]
    private static let pdfPUIDs = ["1.0": "fmt/14", "1.1": "fmt/15", "1.2": "fmt/16", "1.3": "fmt/17", "1.4": "fmt/18",
                                   "1.5": "fmt/19", "1.6": "fmt/20", "1.7": "fmt/276", "2.0": "fmt/1129"]
    private static let jfifPUIDs = ["1.00": "fmt/42", "1.01": "fmt/43", "1.02": "fmt/44"]

    static func refine(mime rawMime: String, head: [UInt8], name: String?) -> Identification {
        var mime = rawMime
        if mime == "text/xml" { mime = "application/xml" }
        switch mime {
        case "application/pdf":
            let version = pdfVersion(head)
            if let (part, level) = pdfAConformance(head) {
                if let puid = pdfAPUIDs["\(part)\(level)"] {
                    return .init(mime: mime, puid: puid, name: "PDF/A-\(part)\(level.lowercased())", version: version)
                }
            }
            return .init(mime: mime, puid: version.flatMap { pdfPUIDs[$0] }, name: "Portable Document Format", version: version)
        case "image/jpeg":
            // JFIF APP0: "JFIF\0" at offset 6, version bytes at 11-12.
            if head.count > 13, Array(head[6..<11]) == Array("JFIF\0".utf8) {
                let version = "\(head[11]).\(head[12] < 10 ? "0" : "")\(head[12])"
                return .init(mime: mime, puid: jfifPUIDs[version], name: "JPEG File Interchange Format", version: version)
            }
            return .init(mime: mime, puid: nil, name: "JPEG", version: nil)
        case "image/tiff": return .init(mime: mime, puid: "fmt/353", name: "Tagged Image File Format", version: nil)
        case "image/png": return .init(mime: mime, puid: nil, name: "Portable Network Graphics", version: nil)
        case "application/xml": return .init(mime: mime, puid: "fmt/101", name: "Extensible Markup Language", version: "1.0")
        case "text/html": return .init(mime: mime, puid: "fmt/96", name: "Hypertext Markup Language", version: nil)
        case "text/plain", "text/csv":
            let ext = name.map { ($0 as NSString).pathExtension.lowercased() } ?? ""
            if ext == "csv" || mime == "text/csv" {
                return .init(mime: "text/csv", puid: "x-fmt/18", name: "Comma Separated Values", version: nil)
            }
            return .init(mime: "text/plain", puid: "x-fmt/111", name: "Plain Text File", version: nil)
        case "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
            return .init(mime: mime, puid: "fmt/412", name: "Microsoft Word for Windows", version: "2007 onwards")
        case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
            return .init(mime: mime, puid: "fmt/214", name: "Microsoft Excel for Windows", version: "2007 onwards")
        case "application/vnd.openxmlformats-officedocument.presentationml.presentation":
            return .init(mime: mime, puid: "fmt/215", name: "Microsoft Powerpoint for Windows", version: "2007 onwards")
        case "application/zip": return .init(mime: mime, puid: "x-fmt/263", name: "ZIP Format", version: nil)
        case "message/rfc822": return .init(mime: mime, puid: "fmt/278", name: "Internet Message Format", version: nil)
        default: return .init(mime: mime, puid: nil, name: nil, version: nil)
        }
    }

    /// `%PDF-1.4` → "1.4".
    static func pdfVersion(_ head: [UInt8]) -> String? {
        let prefix = Array("%PDF-".utf8)
        guard head.count >= 8, Array(head[0..<5]) == prefix else { return nil }
        let v = head[5..<8]
        guard v.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }) else { return nil }
        return String(decoding: v, as: UTF8.self)
    }

    /// PDF/A part and conformance from XMP (`pdfaid:part`, `pdfaid:conformance`) if the head
    /// holds the metadata stream; nil otherwise (then the plain PDF version id is used).
    static func pdfAConformance(_ head: [UInt8]) -> (Int, String)? {
        // Both keys in both forms start with the prefix: most PDFs are no PDF/A, and one scan of
        // the head tells so instead of four.
        guard let from = ByteSearch.firstIndex(of: pdfaidPrefix, in: head, from: 0),
              let part = xmpValue("part", in: head, from: from).flatMap(Int.init),
              let level = xmpValue("conformance", in: head, from: from)?.uppercased() else { return nil }
        return (part, level)
    }

    private static let pdfaidPrefix = Array("pdfaid:".utf8)

    /// Searches the raw bytes (no String conversion: this runs on every PDF's 64 KiB head and
    /// Foundation's string search cost about a third of packaging time on small files).
    /// `from`: where the first `pdfaid:` is (an element form starts one byte before it).
    private static func xmpValue(_ key: String, in head: [UInt8], from: Int) -> String? {
        // Either attribute form pdfaid:part="1" or element form <pdfaid:part>1</pdfaid:part>.
        for (open, close) in [("pdfaid:\(key)=\"", "\""), ("<pdfaid:\(key)>", "</pdfaid:\(key)>")] {
            if let start = ByteSearch.firstIndex(of: Array(open.utf8), in: head, from: max(0, from - 1)),
               let end = ByteSearch.firstIndex(of: Array(close.utf8), in: head, from: start + open.utf8.count) {
                return String(decoding: head[(start + open.utf8.count)..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
