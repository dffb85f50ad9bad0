/// Plain text named `.txt` or `.csv`, identified the way DROID and Siegfried identify it: PRONOM
/// has no signature for Plain Text (x-fmt/111) or CSV (x-fmt/18), only the extension.
///
/// libmagic gives its answer for text only after running its text rules (hundreds of string
/// searches and regular expressions over the whole head): 1–2 ms per file, most of packaging's
/// identification time on an export of many small files. On prose those rules add nothing an
/// archive can record but guesses of program source. So libmagic is skipped only where its
/// answer could not name another real format:
/// - the head is UTF-8 text as libmagic counts text: valid UTF-8 (a BOM allowed), no control
///   character but tab, line feed, form feed and carriage return. Anything else (Latin-1,
///   UTF-16, a cut multi-byte character) is left to libmagic;
/// - it starts, after the BOM and white space, with a letter or a digit, so markup (`<`), JSON
///   (`{`, `[`), RTF, scripts (`#!`), PostScript (`%!`), TeX (`\`) and PEM (`-----`) go to
///   libmagic;
/// - its first line is not a mail, news or vCard/iCalendar header (`Name:` or `From `), so a
///   message saved as `.txt` is still identified as a message.
/// What is given up, deliberately: libmagic's guesses from text further in (a C `#include`, an
/// Algol or Fortran keyword) for files named as plain text. FormatIdentifierTests hold this
/// shortcut against libmagic on the generator's texts and on each excluded start.
enum PlainTextSignature {
    /// "text/plain" when `head` is plain text by the rules above and `name` ends `.txt` or
    /// `.csv` (any case); nil when libmagic must decide.
    static func mime(_ head: [UInt8], name: String?) -> String? {
        guard let name, NameExtension.matches(name, "txt") || NameExtension.matches(name, "csv") else { return nil }
        return head.withUnsafeBufferPointer { bytes in
            let start = ASCII.utf8BOMLength(bytes)
            guard isUTF8Text(bytes, from: start) else { return nil }
            var first = start
            while first < bytes.count, isWhiteSpace(bytes[first]) { first += 1 }
            guard first < bytes.count, isLetterOrDigit(bytes[first]), !opensWithHeader(bytes, at: first) else { return nil }
            return "text/plain"
        }
    }

    /// Valid UTF-8 from `from` to the end, with no control character but tab, LF, FF and CR.
    /// Strict (no overlong forms, surrogates or code points past U+10FFFF): where it is unsure,
    /// libmagic decides.
    static func isUTF8Text(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Bool {
        var i = from
        let end = bytes.count
        while i < end {
            // Eight bytes at a time while they are printable ASCII (most of any text): none has
            // its high bit set, none is below 0x20 and none is 0x7F.
            while i + 8 <= end {
                let w = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                let belowSpace = (w &- 0x2020_2020_2020_2020) & ~w & high
                let delete = ((w ^ 0x7F7F_7F7F_7F7F_7F7F) &- 0x0101_0101_0101_0101) & ~(w ^ 0x7F7F_7F7F_7F7F_7F7F) & high
                guard (w & high) | belowSpace | delete == 0 else { break }
                i += 8
            }
            guard i < end else { break }
            let lead = bytes[i]
            if lead < 0x80 {
                if lead < 0x20 || lead == 0x7F {
                    guard lead == 0x09 || lead == 0x0A || lead == 0x0C || lead == 0x0D else { return false }
                }
                i += 1
                continue
            }
            // The allowed range of the second byte depends on the lead (RFC 3629 table).
            let count: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: count = 1
            case 0xE0: count = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: count = 2
            case 0xED: count = 2; high = 0x9F
            case 0xF0: count = 3; low = 0x90
            case 0xF1...0xF3: count = 3
            case 0xF4: count = 3; high = 0x8F
            default: return false
            }
            guard i + count < end, bytes[i + 1] >= low, bytes[i + 1] <= high else { return false }
            var k = 2
            while k <= count {
                guard bytes[i + k] & 0xC0 == 0x80 else { return false }
                k += 1
            }
            i += count + 1
        }
        return true
    }

    static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// An ASCII letter or digit, or the lead byte of a non-ASCII character (å, ä, ö…).
    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || byte >= 0xC2
    }

    /// The line at `at` opens like a header field (`Name:`, RFC 5322 field-name characters other
    /// than space) or an mbox `From ` line.
    static func opensWithHeader(_ bytes: UnsafeBufferPointer<UInt8>, at: Int) -> Bool {
        let from = Array("From ".utf8)
        if bytes.count - at >= from.count, (0..<from.count).allSatisfy({ bytes[at + $0] == from[$0] }) { return true }
        var i = at
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: ":") { return i > at }
            guard byte > 0x20, byte < 0x7F else { return false }
            i += 1
        }
        return false
    }
}
