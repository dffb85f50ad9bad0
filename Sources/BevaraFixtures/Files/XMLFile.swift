/// An XML 1.0 document (UTF-8, with declaration) describing the record as a letter, padded
/// with more `Stycke` elements to size.
enum XMLFile {
    static let namespace = "urn:x-bevara:fixture:skrivelse"

    static func write(_ doc: FixtureDocument, seed: UInt64, size: Int64?, to path: String) throws -> Int64 {
        var head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        head += "<Skrivelse xmlns=\"\(namespace)\">\n"
        head += "  <Avsandare>\(XMLText.escape(doc.heading))</Avsandare>\n"
        head += "  <Rubrik>\(XMLText.escape(doc.title))</Rubrik>\n"
        if let date = doc.date { head += "  <Datum>\(date)</Datum>\n" }
        head += "  <Text>\n"
        for p in doc.paragraphs { head += "    <Stycke>\(XMLText.escape(p))</Stycke>\n" }
        let tail = "  </Text>\n</Skrivelse>\n"
        let natural = Int64(head.utf8.count + tail.utf8.count)
        let out = try OutputFile(path: path, bufferSize: 64 * 1024)
        try out.write(head)
        if let size, size > natural {
            var filler = TextFiller(prefix: "    <Stycke>", suffix: "</Stycke>\n", escapeXML: true,
                                    rng: SeededRandom(seed: seed, stream: 0x786D))
            try filler.write(byteCount: size - natural) { try out.write($0) }
        }
        try out.write(tail)
        try out.close()
        return out.count
    }
}
