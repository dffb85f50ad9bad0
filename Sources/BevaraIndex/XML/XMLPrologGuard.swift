import Foundation

/// Finds a DOCTYPE in an XML document's prolog, so that readers can refuse it before parsing.
///
/// On Linux, Foundation's `XMLParser` drops entity declarations silently (see
/// BevaraProfiles/FGS/DTDDeclarationScan.swift): that defuses billion laughs and XXE but loses
/// text without a word, so any DOCTYPE is refused instead. This is a scan of the prolog only —
/// it skips the XML declaration, processing instructions, comments and white space up to the
/// root start tag — not a parser. NUL bytes are ignored, so UTF-16 documents are scanned too.
enum XMLPrologGuard {
    enum Verdict: Equatable {
        case clean
        case doctype
        /// The prolog did not end within the scanned bytes (or the file has no element).
        case noRootElement
    }

    /// Scans at most `limit` bytes of the prolog.
    static func scan(path: String, limit: Int = 1 << 20) throws -> Verdict {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IndexError.unreadableERMS(path: path, reason: "cannot open the file")
        }
        defer { try? handle.close() }
        var scanned = 0
        // 0: outside markup; 1: after "<"; 2: after "<!"; 3: in a PI; 4: in a comment.
        var state = 0
        var recent: [UInt8] = []
        while scanned < limit {
            guard let chunk = try handle.read(upToCount: 64 * 1024), !chunk.isEmpty else { return .noRootElement }
            for byte in chunk {
                scanned += 1
                if byte == 0 { continue }
                recent.append(byte)
                if recent.count > 3 { recent.removeFirst() }
                switch state {
                case 0:
                    if byte == 0x3C { state = 1 }
                case 1:
                    if byte == 0x3F { state = 3 } else if byte == 0x21 { state = 2 } else { return .clean }
                case 2:
                    // "<!-" starts a comment; anything else in a prolog ("<!DOCTYPE") is a DTD.
                    if byte == 0x2D { state = 4; recent.removeAll() } else { return .doctype }
                case 3:
                    if recent.suffix(2) == [0x3F, 0x3E] { state = 0 }
                case 4:
                    if recent == [0x2D, 0x2D, 0x3E] { state = 0 }
                default:
                    break
                }
            }
        }
        return .noRootElement
    }
}
