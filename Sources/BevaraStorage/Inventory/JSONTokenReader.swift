import BevaraArchiveIO
import Crypto
import Foundation

/// Reads a JSON file token by token, hashing every byte it reads (SHA-256), in constant memory
/// beyond the strings it returns: for inventories of objects with hundreds of thousands of files,
/// which `JSONDecoder` would hold whole (bytes, parse map and every decoded string at once).
///
/// Strict about structure (brackets, commas, colons, one top-level value, nothing after it but
/// white space); numbers, `true`, `false` and `null` are returned as `.scalar` without their value.
final class JSONTokenReader {
    enum Token: Equatable {
        case beginObject, endObject, beginArray, endArray
        case key(String)
        case string(String)
        case scalar
    }

    struct Malformed: Error, CustomStringConvertible {
        let path: String
        let offset: Int
        let reason: String
        var description: String { "\(path): not valid JSON at byte \(offset): \(reason)" }
    }

    let path: String
    private let fd: Int32
    private var buffer: UnsafeMutableRawBufferPointer
    private var position = 0
    private var end = 0
    private var consumedBefore = 0
    private var atEOF = false
    private var hasher = SHA256()

    private enum Expect { case value, firstValueOrEnd, key, firstKeyOrEnd, separatorOrEnd, done }
    private var expect = Expect.value
    /// `{` or `[` of each open container.
    private var stack: [UInt8] = []
    private var scratch: [UInt8] = []

    init(path: String) throws {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOError(path: path, operation: "open", errno: errno) }
        buffer = .allocate(byteCount: 1 << 16, alignment: 16)
        // Bound to bytes, so that a string's run is copied as typed bytes (`readString`).
        _ = buffer.bindMemory(to: UInt8.self)
    }

    /// Device and inode of a file: a second reader of the same path can tell whether it reads the
    /// same file (an inventory is replaced by renaming a new one over it).
    struct FileIdentity: Equatable {
        var device: UInt64
        var inode: UInt64
    }

    /// The open file's identity (nil if `fstat` fails).
    var fileIdentity: FileIdentity? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    deinit {
        buffer.deallocate()
        _ = Foundation.close(fd)
    }

    /// The next token; nil after the top-level value has ended (and only white space followed).
    func next() throws -> Token? {
        skipWhitespace()
        switch expect {
        case .done:
            guard try peek() == nil else { throw malformed("data after the top-level value") }
            return nil
        case .separatorOrEnd:
            guard let byte = try peek() else { throw malformed("unexpected end") }
            let container = stack.last!
            if byte == UInt8(ascii: ",") {
                position += 1
                expect = container == UInt8(ascii: "{") ? .key : .value
                return try next()
            }
            return try close(byte)
        case .firstKeyOrEnd, .key:
            guard let byte = try peek() else { throw malformed("unexpected end") }
            if expect == .firstKeyOrEnd && byte == UInt8(ascii: "}") { return try close(byte) }
            guard byte == UInt8(ascii: "\"") else { throw malformed("expected a key") }
            position += 1
            let key = try readString()
            skipWhitespace()
            guard try peek() == UInt8(ascii: ":") else { throw malformed("expected ':' after a key") }
            position += 1
            expect = .value
            return .key(key)
        case .value, .firstValueOrEnd:
            guard let byte = try peek() else { throw malformed("unexpected end") }
            if expect == .firstValueOrEnd && byte == UInt8(ascii: "]") { return try close(byte) }
            position += 1
            switch byte {
            case UInt8(ascii: "{"):
                stack.append(byte)
                expect = .firstKeyOrEnd
                return .beginObject
            case UInt8(ascii: "["):
                stack.append(byte)
                expect = .firstValueOrEnd
                return .beginArray
            case UInt8(ascii: "\""):
                let value = try readString()
                valueEnded()
                return .string(value)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "t"), UInt8(ascii: "f"),
                 UInt8(ascii: "n"):
                while let next = try peek(), Self.isScalarByte(next) { position += 1 }
                valueEnded()
                return .scalar
            default:
                throw malformed("unexpected character")
            }
        }
    }

    /// Skips the value whose first token (`first`) was just read, nested containers included.
    func skipValue(startingWith first: Token) throws {
        var depth = first == .beginObject || first == .beginArray ? 1 : 0
        while depth > 0 {
            switch try next() {
            case .beginObject?, .beginArray?: depth += 1
            case .endObject?, .endArray?: depth -= 1
            case nil: throw malformed("unexpected end")
            default: break
            }
        }
    }

    /// Reads what is left of the file (white space) and returns the SHA-256 (lower-case hex) of
    /// every byte of it. Only after the top-level value has ended.
    func finishDigest() throws -> String {
        guard try next() == nil else { throw malformed("data after the top-level value") }
        return hex(hasher.finalize())
    }

    // MARK: Internals

    private func close(_ byte: UInt8) throws -> Token {
        let open = stack.last
        if byte == UInt8(ascii: "}") && open == UInt8(ascii: "{") {
            position += 1
            stack.removeLast()
            valueEnded()
            return .endObject
        }
        if byte == UInt8(ascii: "]") && open == UInt8(ascii: "[") {
            position += 1
            stack.removeLast()
            valueEnded()
            return .endArray
        }
        throw malformed("expected ',' or the end of the \(open == UInt8(ascii: "{") ? "object" : "array")")
    }

    private func valueEnded() {
        expect = stack.isEmpty ? .done : .separatorOrEnd
    }

    private static func isScalarByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z"))
            || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".") || b == UInt8(ascii: "E")
    }

    /// The string after its opening quote, through its closing one.
    private func readString() throws -> String {
        scratch.removeAll(keepingCapacity: true)
        while true {
            // Plain bytes (neither quote, backslash nor control character) are copied a run at a
            // time: byte by byte, the reader's state was written (and exclusivity-checked) per byte.
            if position < end {
                let start = position, limit = end, bytes = buffer
                var i = start
                while i < limit {
                    let b = bytes[i]
                    if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { break }
                    i += 1
                }
                if i > start {
                    let run = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self) + start
                    scratch.append(contentsOf: UnsafeBufferPointer(start: run, count: i - start))
                    position = i
                }
            }
            guard let byte = try peek() else { throw malformed("unterminated string") }
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: scratch, as: UTF8.self) else { throw malformed("string is not UTF-8") }
                return text
            case UInt8(ascii: "\\"):
                guard let escape = try peek() else { throw malformed("unterminated string") }
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escape)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try readHex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard try peek() == UInt8(ascii: "\\") else { throw malformed("lone surrogate") }
                        position += 1
                        guard try peek() == UInt8(ascii: "u") else { throw malformed("lone surrogate") }
                        position += 1
                        let low = try readHex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw malformed("lone surrogate") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw malformed("invalid \\u escape") }
                    scratch.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw malformed("invalid escape")
                }
            case 0..<0x20:
                throw malformed("control character in a string")
            default:
                scratch.append(byte)
            }
        }
    }

    private func readHex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = try peek(), let digit = Self.hexValue(byte) else { throw malformed("invalid \\u escape") }
            position += 1
            value = value << 4 | digit
        }
        return value
    }

    private static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private func skipWhitespace() {
        while let byte = try? peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    /// The next unread byte, reading (and hashing) another chunk when the buffer is used up.
    private func peek() throws -> UInt8? {
        if position < end { return buffer[position] }
        if atEOF { return nil }
        while true {
            let n = read(fd, buffer.baseAddress!, buffer.count)
            if n < 0 {
                if errno == EINTR { continue }
                throw IOError(path: path, operation: "read", errno: errno)
            }
            consumedBefore += end
            position = 0
            end = n
            if n == 0 { atEOF = true; return nil }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            return buffer[0]
        }
    }

    private func malformed(_ reason: String) -> Malformed {
        Malformed(path: path, offset: consumedBefore + position, reason: reason)
    }

    private func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
