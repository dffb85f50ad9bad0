import BevaraModel
import Foundation

/// Reads a text file as UTF-8, falling back to Windows-1252 (what Swedish exports use when they
/// are not UTF-8), up to a byte budget.
enum PlainTextReader {
    static func read(path: String, maxBytes: Int) -> TextOutcome {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .noText(reason: "cannot open the file")
        }
        defer { try? handle.close() }
        var bytes: [UInt8] = []
        var truncated = false
        do {
            // Read one byte past the budget to know whether the file is longer.
            while bytes.count <= maxBytes {
                guard let chunk = try handle.read(upToCount: min(256 * 1024, maxBytes + 1 - bytes.count)), !chunk.isEmpty else { break }
                bytes.append(contentsOf: chunk)
            }
        } catch {
            return .noText(reason: "read failed: \(error)")
        }
        if bytes.count > maxBytes {
            bytes.removeLast(bytes.count - maxBytes)
            truncated = true
        }
        var text = decodeUTF8(bytes, truncated: truncated) ?? decodeWindows1252(bytes)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var accumulator = TextAccumulator(maxBytes: maxBytes)
        accumulator.append(text)
        if truncated {
            return .text(accumulator.text.trimmedWhitespace(), truncated: true)
        }
        return accumulator.outcome
    }

    /// Strict UTF-8; a sequence cut by the budget at the very end is dropped, not an error.
    static func decodeUTF8(_ bytes: [UInt8], truncated: Bool) -> String? {
        var end = bytes.count
        if truncated {
            // Back up over at most 3 continuation bytes and the lead byte of a cut sequence.
            var i = end - 1
            var continuation = 0
            while i >= 0, bytes[i] & 0xC0 == 0x80, continuation < 3 { i -= 1; continuation += 1 }
            if i >= 0 {
                let lead = bytes[i]
                let need = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0
                if need > continuation { end = i }
            }
        }
        // Through a buffer pointer: validating an ArraySlice takes Swift's slow generic path.
        return bytes.withUnsafeBufferPointer { String(validating: UnsafeBufferPointer(rebasing: $0[0..<end]), as: UTF8.self) }
    }

    /// Windows-1252: Latin-1 plus printable characters in 0x80–0x9F (five code points unused).
    static func decodeWindows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            if (0x80...0x9F).contains(b), let mapped = high[Int(b) - 0x80] {
                scalars.append(mapped)
            } else if (0x80...0x9F).contains(b) {
                scalars.append("\u{FFFD}")
            } else {
                scalars.append(Unicode.Scalar(b))
            }
        }
        return String(scalars)
    }

    private static let high: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]
}
