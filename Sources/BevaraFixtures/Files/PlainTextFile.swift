/// A UTF-8 plain-text document: heading, title, date and paragraphs, then filler prose to size.
enum PlainTextFile {
    static func write(_ doc: FixtureDocument, seed: UInt64, size: Int64?, to path: String) throws -> Int64 {
        var text = doc.heading + "\n\n" + doc.title + "\n"
        if let date = doc.date { text += "Datum: " + date + "\n" }
        for p in doc.paragraphs { text += "\n" + p + "\n" }
        let natural = Int64(text.utf8.count)
        let out = try OutputFile(path: path, bufferSize: 64 * 1024)
        try out.write(text)
        if let size, size > natural {
            try out.write("\n")
            var filler = TextFiller(prefix: "", suffix: "\n\n", rng: SeededRandom(seed: seed, stream: 0x7478))
            try filler.write(byteCount: size - natural - 1) { try out.write($0) }
        }
        try out.close()
        return out.count
    }
}
