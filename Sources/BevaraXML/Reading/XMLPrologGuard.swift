import BevaraArchiveIO
import Foundation

/// Refuses an XML document whose prolog has a DOCTYPE (or any other `<!…>` markup than a
/// comment) before a parser sees it.
///
/// Why: entity declarations are how billion-laughs and XXE attacks work, and nothing Bevara reads
/// as its own XML (METS, ERMS, documents whose text is indexed) needs a DTD, so any DOCTYPE is
/// refused, with its line, before any content is handled. (`SAXParser` refuses one too; this
/// check comes first so that nothing of such a document is read at all.) This scans the
/// bytes before the root element only: the XML declaration, processing instructions and comments
/// are stepped over; the first `<!` that does not open a comment is a declaration. NUL bytes are
/// skipped, so the ASCII markup of a UTF-16 document is seen too (that can only add refusals,
/// never hide one).
public enum XMLPrologGuard {
    public enum Verdict: Equatable, Sendable {
        /// The root element starts (or the prolog has text the parser will report).
        case clean
        /// A `<!DOCTYPE` or other declaration on this line.
        case declaration(line: Int)
        /// The file ended, or `limit` bytes were scanned, before any element started.
        case noRootElement
    }

    /// Scans the prolog of the file at `path` (a regular file, not a symlink), looking at most at
    /// its first `limit` bytes (all of it when nil).
    public static func check(path: String, limit: Int? = nil) throws(IOError) -> Verdict {
        var scanner = Scanner()
        var verdict: Verdict?
        var scanned = 0
        try FileDigest.forEachChunk(path: path, while: { chunk in
            let part = UnsafeRawBufferPointer(rebasing: chunk.prefix(limit.map { $0 - scanned } ?? chunk.count))
            verdict = scanner.feed(part)
            scanned += part.count
            return verdict == nil && limit.map { scanned < $0 } ?? true
        })
        return verdict ?? .noRootElement
    }

    /// The verdict for a prolog held in memory (what `check` applies to each chunk it reads).
    public static func check(bytes: some Sequence<UInt8>) -> Verdict {
        var scanner = Scanner()
        return scanner.feed(bytes) ?? .noRootElement
    }

    /// A byte-at-a-time state machine over the prolog.
    struct Scanner {
        enum State { case text, lessThan, bang, bangDash, comment, commentDash, commentDashDash, instruction, instructionQuestion }
        var state = State.text
        var line = 1

        mutating func feed(_ bytes: some Sequence<UInt8>) -> Verdict? {
            for byte in bytes where byte != 0 {
                if let verdict = feed(byte) { return verdict }
            }
            return nil
        }

        mutating func feed(_ byte: UInt8) -> Verdict? {
            if byte == 0x0A { line += 1 }
            switch state {
            case .text:
                if byte == UInt8(ascii: "<") { state = .lessThan }
            case .lessThan:
                if byte == UInt8(ascii: "?") { state = .instruction }
                else if byte == UInt8(ascii: "!") { state = .bang }
                else { return .clean }
            case .bang:
                if byte == UInt8(ascii: "-") { state = .bangDash } else { return .declaration(line: line) }
            case .bangDash:
                if byte == UInt8(ascii: "-") { state = .comment } else { return .declaration(line: line) }
            case .comment:
                if byte == UInt8(ascii: "-") { state = .commentDash }
            case .commentDash:
                state = byte == UInt8(ascii: "-") ? .commentDashDash : .comment
            case .commentDashDash:
                if byte == UInt8(ascii: ">") { state = .text } else if byte != UInt8(ascii: "-") { state = .comment }
            case .instruction:
                if byte == UInt8(ascii: "?") { state = .instructionQuestion }
            case .instructionQuestion:
                if byte == UInt8(ascii: ">") { state = .text } else if byte != UInt8(ascii: "?") { state = .instruction }
            }
            return nil
        }
    }
}
