import Foundation

/// The text encodings a CSV profile may declare.
enum CSVEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case windows1252 = "windows-1252"
    case latin1 = "ISO-8859-1"

    /// Accepts the usual spellings (`utf-8`, `UTF8`, `cp1252`, `latin1` …); nil for anything else.
    init?(profileName: String) {
        switch profileName.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "windows-1252", "cp1252", "cp-1252", "win-1252": self = .windows1252
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1": self = .latin1
        default: return nil
        }
    }
}

/// Reads a file in fixed-size chunks and hands out bytes with their offset in the file, so a
/// CSV file of any size is read with a constant buffer.
///
/// A struct for speed in the per-byte loop; do not copy one that is in use (the copies would share
/// the file handle). The handle closes with `close()` or when it is released.
struct ChunkedByteReader {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    private var index = 0
    /// File offset of `buffer[0]`.
    private var bufferStart: Int64 = 0
    private var atEnd = false
    static let chunkSize = 64 * 1024

    init(path: String, displayPath: String) throws(ExportReadError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ExportReadError.unreadableFile(path: displayPath, reason: "cannot open the file")
        }
        self.handle = handle
        self.path = displayPath
    }

    /// Offset in the file of the next byte `next()` returns.
    var offset: Int64 { bufferStart + Int64(index) }

    /// The next byte, or nil at the end of the file.
    @inline(__always)
    mutating func next() throws(ExportReadError) -> UInt8? {
        if index < buffer.count {
            defer { index += 1 }
            return buffer[index]
        }
        guard try refill() else { return nil }
        defer { index += 1 }
        return buffer[index]
    }

    /// The next byte without consuming it.
    mutating func peek() throws(ExportReadError) -> UInt8? {
        if index < buffer.count { return buffer[index] }
        guard try refill() else { return nil }
        return buffer[index]
    }

    /// True if the next bytes are `bytes`, looking only inside the current chunk: enough for a
    /// byte order mark at the start of a file, where the chunk holds the first 64 KiB.
    mutating func nextBytesEqual(_ bytes: [UInt8]) throws(ExportReadError) -> Bool {
        guard try peek() != nil, buffer.count - index >= bytes.count else { return false }
        return buffer[index..<index + bytes.count].elementsEqual(bytes)
    }

    /// Skips `count` bytes that `nextBytesEqual` has just matched.
    mutating func skip(_ count: Int) {
        index += count
    }

    /// Appends to `out` the bytes from here that `plain` marks (a table of 256), up to the first
    /// one it does not or the end of the current chunk; returns how many were taken.
    @inline(__always)
    mutating func appendRun(to out: inout [UInt8], plain: [Bool]) -> Int {
        let start = index
        var i = index
        buffer.withUnsafeBufferPointer { bytes in
            while i < bytes.count && plain[Int(bytes[i])] { i += 1 }
            if i > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start ..< i])) }
        }
        index = i
        return i - start
    }

    private mutating func refill() throws(ExportReadError) -> Bool {
        if atEnd { return false }
        let data: Data?
        do {
            data = try handle.read(upToCount: Self.chunkSize)
        } catch {
            throw ExportReadError.unreadableFile(path: path, reason: "\(error.localizedDescription)")
        }
        bufferStart += Int64(buffer.count)
        index = 0
        guard let data, !data.isEmpty else {
            buffer = []
            atEnd = true
            return false
        }
        buffer = [UInt8](data)
        return true
    }

    func close() { try? handle.close() }
}

/// Decodes bytes strictly in one encoding: a byte sequence that is not valid in it is an error
/// with its offset, never replaced or guessed.
struct StrictDecoder {
    let encoding: CSVEncoding

    enum Step {
        case scalar(Unicode.Scalar, offset: Int64)
        /// Invalid input at `offset`; `bytes` are the offending bytes, for the message.
        case invalid(offset: Int64, bytes: [UInt8], reason: String)
        case end
    }

    /// Decodes the next scalar from `reader`.
    @inline(__always)
    func next(from reader: inout ChunkedByteReader) throws(ExportReadError) -> Step {
        let offset = reader.offset
        guard let lead = try reader.next() else { return .end }
        if lead < 0x80 { return .scalar(Unicode.Scalar(lead), offset: offset) }
        switch encoding {
        case .latin1:
            return .scalar(Unicode.Scalar(lead), offset: offset)
        case .windows1252:
            if lead >= 0xA0 { return .scalar(Unicode.Scalar(lead), offset: offset) }
            guard let scalar = Self.windows1252High[Int(lead - 0x80)] else {
                return .invalid(offset: offset, bytes: [lead], reason: "a byte that windows-1252 does not define")
            }
            return .scalar(scalar, offset: offset)
        case .utf8:
            return try decodeUTF8(lead: lead, offset: offset, reader: &reader)
        }
    }

    /// Well-formed UTF-8 per Unicode table 3-7: no overlong forms, surrogates or values past U+10FFFF.
    private func decodeUTF8(lead: UInt8, offset: Int64, reader: inout ChunkedByteReader) throws(ExportReadError) -> Step {
        let count: Int
        var value: UInt32
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: count = 1; value = UInt32(lead & 0x1F)
        case 0xE0: count = 2; value = UInt32(lead & 0x0F); secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: count = 2; value = UInt32(lead & 0x0F)
        case 0xED: count = 2; value = UInt32(lead & 0x0F); secondRange = 0x80...0x9F
        case 0xF0: count = 3; value = UInt32(lead & 0x07); secondRange = 0x90...0xBF
        case 0xF1...0xF3: count = 3; value = UInt32(lead & 0x07)
        case 0xF4: count = 3; value = UInt32(lead & 0x07); secondRange = 0x80...0x8F
        default:
            return .invalid(offset: offset, bytes: [lead], reason: "a byte that cannot start a UTF-8 character")
        }
        // Consumed bytes are kept in a fixed tuple, not an array: no allocation per character.
        var seen: (UInt8, UInt8, UInt8) = (0, 0, 0)
        for i in 0..<count {
            let range = i == 0 ? secondRange : 0x80...0xBF
            // Peek first: a byte that does not continue the sequence is not consumed, so the
            // message shows exactly the bytes that are wrong.
            guard let byte = try reader.peek(), range.contains(byte) else {
                var bytes = [lead, seen.0, seen.1, seen.2].prefix(i + 1).map { $0 }
                let next = try reader.peek()
                if let next { bytes.append(next) }
                let reason = next == nil ? "a UTF-8 sequence cut off by the end of the file" : "an invalid UTF-8 sequence"
                return .invalid(offset: offset, bytes: bytes, reason: reason)
            }
            _ = try reader.next()
            switch i {
            case 0: seen.0 = byte
            case 1: seen.1 = byte
            default: seen.2 = byte
            }
            value = (value << 6) | UInt32(byte & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else {
            return .invalid(offset: offset, bytes: [lead], reason: "an invalid UTF-8 sequence")
        }
        return .scalar(scalar, offset: offset)
    }

    /// windows-1252 0x80–0x9F; nil marks the five bytes the code page leaves undefined.
    static let windows1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]
}
