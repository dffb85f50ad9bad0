/// Produces readable filler prose of an exact number of UTF-8 bytes, in chunks, so that text
/// formats (plain text, XML, the body of a DOCX) can be padded to a planned size without ever
/// holding the whole file in memory.
///
/// Text comes in units (a paragraph, or an element wrapping one). Every unit is complete and
/// valid UTF-8; the last one is cut to size with ASCII words, and a remainder too small for a
/// unit is written as newlines (ignorable white space in XML, blank lines in text).
struct TextFiller {
    /// Markup around each paragraph (`<w:p>…</w:p>` in DOCX, `<Stycke>…</Stycke>` in XML).
    let prefix: [UInt8]
    let suffix: [UInt8]
    /// Maximum bytes of prose per unit.
    let maxParagraph = 480
    private let sentences: [[UInt8]]
    private var rng: SeededRandom

    static let plainSentences = Vocabulary.sentences.map { Array($0.utf8) }
    static let escapedSentences = Vocabulary.sentences.map { Array(XMLText.escape($0).utf8) }
    static let words = Vocabulary.asciiWords.map { Array($0.utf8) }

    /// `escapeXML`: the prose goes inside XML, so `&`, `<`, `>` are escaped.
    init(prefix: String = "", suffix: String = "\n\n", escapeXML: Bool = false, rng: SeededRandom) {
        self.prefix = Array(prefix.utf8)
        self.suffix = Array(suffix.utf8)
        sentences = escapeXML ? Self.escapedSentences : Self.plainSentences
        self.rng = rng
    }

    private var overhead: Int { prefix.count + suffix.count }

    /// Emits exactly `byteCount` bytes through `emit`, in chunks of at most about 1 MiB.
    mutating func write(byteCount: Int64, emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        let chunkLimit = 1 << 20
        var chunk: [UInt8] = []
        chunk.reserveCapacity(Int(min(byteCount, Int64(chunkLimit))) + 2048)
        var remaining = byteCount
        let maxUnit = Int64(maxParagraph + overhead + 128)
        while remaining > 0 {
            let before = chunk.count
            if remaining > 2 * maxUnit {
                appendParagraph(to: &chunk)
            } else if remaining > maxUnit {
                appendExact(Int(remaining / 2), to: &chunk)
            } else {
                appendExact(Int(remaining), to: &chunk)
            }
            remaining -= Int64(chunk.count - before)
            if chunk.count >= chunkLimit {
                try chunk.withUnsafeBytes { try emit($0) }
                chunk.removeAll(keepingCapacity: true)
            }
        }
        if !chunk.isEmpty { try chunk.withUnsafeBytes { try emit($0) } }
    }

    /// One natural paragraph of whole sentences.
    private mutating func appendParagraph(to out: inout [UInt8]) {
        out += prefix
        var length = 0
        repeat {
            if length > 0 {
                out.append(0x20)
                length += 1
            }
            let s = sentences[rng.below(sentences.count)]
            out += s
            length += s.count
        } while length < maxParagraph / 2 && !rng.chance(0.2)
        out += suffix
    }

    /// A unit of exactly `size` bytes: sentences while they fit, then ASCII words cut to size.
    private mutating func appendExact(_ size: Int, to out: inout [UInt8]) {
        guard size >= overhead + 1 else {
            out += [UInt8](repeating: 0x0A, count: size)
            return
        }
        let budget = size - overhead
        out += prefix
        let start = out.count
        while true {
            let s = sentences[rng.below(sentences.count)]
            let needed = s.count + (out.count > start ? 1 : 0)
            if out.count - start + needed > budget { break }
            if out.count > start { out.append(0x20) }
            out += s
        }
        while out.count - start < budget {
            if out.count > start { out.append(0x20) }
            let word = Self.words[rng.below(Self.words.count)]
            out += word.prefix(budget - (out.count - start))
        }
        // A cut that leaves a trailing space reads oddly; make it a full stop.
        if out.last == 0x20 { out[out.count - 1] = 0x2E }
        out += suffix
    }
}
