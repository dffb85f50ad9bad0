import BevaraModel
import Foundation

/// Collects extracted text up to a byte budget (UTF-8), cutting at a character boundary.
struct TextAccumulator {
    let maxBytes: Int
    private(set) var text = ""
    private(set) var byteCount = 0
    private(set) var truncated = false

    init(maxBytes: Int) {
        self.maxBytes = max(0, maxBytes)
    }

    var isFull: Bool { truncated }

    /// Appends as much of `piece` as fits; returns false once the budget is spent.
    @discardableResult
    mutating func append(_ piece: String) -> Bool {
        guard !truncated else { return false }
        let size = piece.utf8.count
        if byteCount + size <= maxBytes {
            text += piece
            byteCount += size
            return true
        }
        for ch in piece {
            let n = String(ch).utf8.count
            if byteCount + n > maxBytes { break }
            text.append(ch)
            byteCount += n
        }
        truncated = true
        return false
    }

    /// Appends a line break unless the text is empty or already ends with one.
    mutating func breakLine() {
        if let last = text.last, last != "\n" { append("\n") }
    }

    var outcome: TextOutcome {
        let trimmed = text.trimmedWhitespace()
        return trimmed.isEmpty && !truncated ? .noText(reason: "the file contains no text") : .text(trimmed, truncated: truncated)
    }
}
