extension String {
    /// The string without leading and trailing white space and newlines (Unicode White_Space:
    /// the set Foundation's `.whitespacesAndNewlines` trims).
    ///
    /// Done on the scalars, after two byte-level answers: a value that starts and ends with a
    /// printable ASCII byte is returned as it is, and one whose ends are ASCII white space and
    /// printable ASCII or Latin-1 letters is cut by byte (`asciiEndsTrimmed`). Foundation's
    /// `trimmingCharacters` bridges through NSString and UTF-16 on Linux, which cost a tenth of
    /// packaging and ≈ 5 % of ingest on exports of many small files.
    public func trimmedWhitespace() -> String {
        if isEmpty || hasPrintableASCIIEnds { return self }
        if let trimmed = asciiEndsTrimmed { return trimmed }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }

    /// Whether the bytes start and end with a printable ASCII or Latin-1 character that is not
    /// white space (and so need no trimming): Swedish names and titles often end in å, ä or ö,
    /// and the scalar property lookups at both ends showed in loading and ingest profiles. In
    /// U+0080–U+00FF (UTF-8 C2 80 – C3 BF) only U+0085 and U+00A0 are white space.
    static func hasNonSpaceEnds(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count >= 1 else { return false }
        func latin1NonSpace(_ lead: UInt8, _ next: UInt8) -> Bool {
            (lead == 0xC2 || lead == 0xC3) && next & 0xC0 == 0x80 && !(lead == 0xC2 && (next == 0x85 || next == 0xA0))
        }
        let f = b[0], l = b[b.count - 1]
        let start = (f > 0x20 && f < 0x7F) || (b.count >= 2 && latin1NonSpace(b[0], b[1]))
        let end = (l > 0x20 && l < 0x7F) || (b.count >= 2 && latin1NonSpace(b[b.count - 2], b[b.count - 1]))
        return start && end
    }

    /// The trimmed string when the white space at the ends, if any, is ASCII (tab, LF, VT, FF,
    /// CR, space: indentation between elements, line ends) and what is left starts and ends as
    /// `hasNonSpaceEnds` wants, or is nothing; nil when the scalars must decide. Each ASCII byte
    /// is a scalar of its own, so stepping over them by byte trims what the scalar walk would.
    var asciiEndsTrimmed: String? {
        let bounds = utf8.withContiguousStorageIfAvailable { b -> Range<Int>? in
            func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
            var start = 0, end = b.count
            while start < end, isASCIISpace(b[start]) { start += 1 }
            if start == end { return 0 ..< 0 }
            while isASCIISpace(b[end - 1]) { end -= 1 }
            return Self.hasNonSpaceEnds(UnsafeBufferPointer(rebasing: b[start ..< end])) ? start ..< end : nil
        }
        guard let bounds, let bounds else { return nil }
        if bounds.count == utf8.count { return self }
        // Scalar boundaries both (an ASCII byte, or a two-byte scalar's ends): the slice is
        // copied as it is, not decoded again.
        let from = utf8.index(utf8.startIndex, offsetBy: bounds.lowerBound)
        return String(self[from ..< utf8.index(from, offsetBy: bounds.count)])
    }

    /// True when every byte is printable ASCII (space to `~`): then each byte is a character of
    /// its own (no CR LF pair, no combining mark), and byte-wise work gives the character answer.
    public var isPrintableASCII: Bool { allBytes { $0 >= 0x20 && $0 < 0x7F } }

    /// True when every byte is ASCII (below 0x80): each byte is a scalar of its own.
    public var isASCII: Bool { allBytes { $0 < 0x80 } }

    /// True when every UTF-8 byte satisfies `test`. Scanned in the string's own buffer (native
    /// strings are contiguous UTF-8): the generic walk over the `UTF8View` cost ≈ 20
    /// instructions a byte, on values checked once per row or file.
    private func allBytes(_ test: (UInt8) -> Bool) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.allSatisfy(test) } ?? utf8.allSatisfy(test)
    }

    /// True when the first and the last byte are printable ASCII (not space): no trimming of
    /// white space, of any set, changes such a string, so callers can skip it.
    public var hasPrintableASCIIEnds: Bool {
        guard let first = utf8.first, let last = utf8.last else { return false }
        return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
    }
}
