import BevaraArchiveIO
import Foundation

/// Refuses a METS document whose prolog has a DOCTYPE (or any other `<!…>` markup than a
/// comment) before the parser sees it.
///
/// Why: entity declarations are how billion-laughs and XXE attacks work, and on Linux Foundation's
/// `XMLParser` drops entity declarations silently instead of reporting them (see the project's
/// FGS reader). METS never needs a DTD, so any DOCTYPE is refused. This scans the bytes before
/// the root element only: XML declaration, processing instructions and comments are stepped
/// over; the first `<!` that does not open a comment is a DTD. NUL bytes are skipped, so the
/// ASCII markup of a UTF-16 document is seen too (that can only add refusals, never hide one).
enum XMLPrologGuard {
    enum Verdict: Equatable {
        /// The root element starts (or the prolog has text the parser will report).
        case clean
        /// A `<!DOCTYPE` or other declaration on this line.
        case declaration(line: Int)
    }

    static func check(path: String) throws -> Verdict {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw IOError(path: path, operation: "open", errno: errno) }
        defer { close(fd) }
        var scanner = Scanner()
        let size = 64 * 1024
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer.baseAddress!, size)
            if n < 0 {
                if errno == EINTR { continue }
                throw IOError(path: path, operation: "read", errno: errno)
            }
            if n == 0 { return .clean }
            for byte in UnsafeRawBufferPointer(rebasing: buffer[0..<n]) where byte != 0 {
                if let verdict = scanner.feed(byte) { return verdict }
            }
        }
    }

    /// A byte-at-a-time state machine over the prolog.
    struct Scanner {
        enum State { case text, lessThan, bang, bangDash, comment, commentDash, commentDashDash, instruction, instructionQuestion }
        var state = State.text
        var line = 1

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
