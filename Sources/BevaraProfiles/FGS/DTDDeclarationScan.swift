/// Finds DTD markup declarations (`<!ENTITY`, `<!ELEMENT`, `<!ATTLIST`, `<!NOTATION`) in the
/// first lines of a document.
///
/// Why this exists: on Linux, Foundation's `XMLParser` (swift-corelibs-foundation) leaves
/// libxml2's `entityDecl` callback unset, so entity declarations never reach the delegate: they
/// are silently dropped and every reference to them vanishes from the text. That defuses billion
/// laughs and XXE but would also lose data without a word. The reader calls this scan when the
/// root element starts (and on a parse error before it), over the lines the parser has consumed:
/// exactly the prolog, where a DOCTYPE's internal subset lives. It is a keyword search, not a
/// parser; it assumes an ASCII-compatible encoding (UTF-8 or ISO-8859-x, what FGS exports use).
enum DTDDeclarationScan {
    struct Hit: Equatable {
        /// `ENTITY`, `ELEMENT`, `ATTLIST` or `NOTATION`.
        let keyword: String
        let line: Int
    }

    static let keywords: Set<String> = ["ENTITY", "ELEMENT", "ATTLIST", "NOTATION"]

    /// The first declaration on lines 1 through `lastLine`, if any.
    static func firstDeclaration(path: String, displayPath: String, throughLine lastLine: Int) throws(ExportReadError) -> Hit? {
        var reader = try ChunkedByteReader(path: path, displayPath: displayPath)
        defer { reader.close() }
        var line = 1
        // 0: looking for "<", 1: saw "<", 2: saw "<!" and collecting the keyword letters.
        var state = 0
        var word: [UInt8] = []
        while let byte = try reader.next() {
            if state == 2 {
                if byte >= 0x41 && byte <= 0x5A && word.count < 8 {
                    word.append(byte)
                    continue
                }
                let keyword = String(decoding: word, as: UTF8.self)
                if keywords.contains(keyword) { return Hit(keyword: keyword, line: line) }
                state = 0
            }
            if byte == 0x0A {
                line += 1
                if line > lastLine { return nil }
            }
            if state == 1 && byte == 0x21 {
                state = 2
                word.removeAll(keepingCapacity: true)
            } else {
                state = byte == 0x3C ? 1 : 0
            }
        }
        return nil
    }
}
