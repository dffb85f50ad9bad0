import Foundation

/// The answer libmagic gives for a plain XML document named `.xml`, without walking its database
/// (≈ 0.45 ms per file, every rule tried before the XML one, on every XML file of an export).
///
/// libmagic answers `text/xml` for a head that opens with `<?xml version=` unless a rule of
/// higher rank matches first. So the shortcut takes a head that:
/// - opens, after an optional UTF-8 BOM, with `<?xml version=` (also PRONOM's signature for
///   XML 1.0, fmt/101), and is UTF-8 text as `PlainTextSignature` counts text;
/// - has no comma on its first line, so libmagic's CSV check (which runs before its rules and
///   needs one on every line) cannot claim it;
/// - holds none of `markers`, searched without regard to case anywhere in the head: the literal
///   strings by which the rules of Debian bookworm's `magic.mgc` that start with `<` or sit under
///   its XML rules name another type (SVG, KML, TTML, 3MF, COLLADA, AMF, RDF/ORE, GnuCash,
///   sitemaps, PEF, Gentoo metadata, DOCTYPEs, HTML tags, PHP, MIF, Scribus, TeXmacs…; listed
///   from the database's entries and their continuation chains). Any one leaves the file to libmagic.
/// Like `OOXMLSignature`, it is used only with that database (`MagicDatabaseCheck`). Rules that
/// only guess program source from text further in are outranked by the XML rule (checked with
/// `file` 5.44). FormatIdentifierTests hold the shortcut against libmagic on plain documents and
/// check that each marker defers.
enum XMLSignature {
    static let markers: [[UInt8]] = [
        "<!doctype", "<!--", "<?php", "<?\n", "<?\r", "<html", "<head", "<title", "<table", "<style", "<script",
        "<a href=", "<svg", "<collada", "<gnc-v2", "<gmr:workbook", "<map version", "<urlset", "<osm", "<pef", "<amf",
        "<catmetadata", "<pkgmetadata", "<mml", "<texmacs", "<scribusutf8", "<bookfile", "<miffile", "<maker",
        "<ar>", "!<arch>", "<list>", "<aiaff>", "<bigaf>", "<cpm_disk>", "<cud-fm-file>", "<stata_dta>",
        "openarchives", "3dmanufacturing", "http://earth.google.com/kml", "http://www.opengis.net/kml",
        "http://www.w3.org/ns/ttml",
    ].map { Array($0.utf8) }

    /// "text/xml" when libmagic would give it by the rules above; nil when libmagic must decide.
    static func mime(_ head: [UInt8], name: String?) -> String? {
        guard let name, NameExtension.matches(name, "xml") else { return nil }
        let declaration = Array("<?xml version=".utf8)
        return head.withUnsafeBufferPointer { bytes in
            let start = ASCII.utf8BOMLength(bytes)
            guard bytes.count - start >= declaration.count,
                  (0..<declaration.count).allSatisfy({ bytes[start + $0] == declaration[$0] }),
                  PlainTextSignature.isUTF8Text(bytes, from: start) else { return nil }
            for byte in bytes[start...] {
                if byte == UInt8(ascii: "\n") { break }
                if byte == UInt8(ascii: ",") { return nil }
            }
            // ASCII lower case, so that one search covers every spelling; a plain loop over the
            // buffer (the compiler vectorises it), where `map` with a closure cost ~10
            // instructions a byte of every XML head.
            let lowered = [UInt8](unsafeUninitializedCapacity: bytes.count) { out, count in
                for i in 0..<bytes.count {
                    let c = bytes[i]
                    out[i] = c &- 0x41 < 26 ? c | 0x20 : c
                }
                count = bytes.count
            }
            return containsMarker(lowered) ? nil : "text/xml"
        }
    }

    /// The markers that open with `<`, by their second byte.
    private static let tagMarkers: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for marker in markers where marker.count > 1 && marker[0] == UInt8(ascii: "<") { table[Int(marker[1])].append(marker) }
        return table
    }()

    private static let otherMarkers = markers.filter { $0.first != UInt8(ascii: "<") }

    /// True if any of `markers` occurs in `lowered`. The markers that open with `<` are looked
    /// for at each `<` of the head, in one pass; a search per marker read an XML head 42 times,
    /// ≈ 3 % of packaging CPU on an export with a tenth of its files in XML.
    static func containsMarker(_ lowered: [UInt8]) -> Bool {
        let found = lowered.withUnsafeBufferPointer { head -> Bool in
            var i = 0
            let n = head.count
            while i < n - 1 {
                if head[i] == UInt8(ascii: "<") {
                    for marker in tagMarkers[Int(head[i + 1])] where marker.count <= n - i {
                        var k = 2
                        while k < marker.count && head[i + k] == marker[k] { k += 1 }
                        if k == marker.count { return true }
                    }
                }
                i += 1
            }
            return false
        }
        return found || otherMarkers.contains { ByteSearch.firstIndex(of: $0, in: lowered, from: 0) != nil }
    }
}
