/// The byte layout of record files (`RecordFileWriter`, `RecordFileReader`, `SortedRun` blocks):
/// each field a little-endian `UInt32` byte count (`UInt32.max` for nil) and its UTF-8. A record
/// is its fields one after the other; the reader says how many it expects.
/// Not a storage format: written and read by the same process, then deleted.
public enum RecordLayout {
    /// The length word of an absent field.
    static let absent = UInt32.max

    /// Appends `field` to `buffer`.
    public static func encode(_ field: String?, into buffer: inout [UInt8]) {
        guard var field else { appendLength(absent, to: &buffer); return }
        field.withUTF8 { bytes in
            appendLength(UInt32(bytes.count), to: &buffer)
            buffer.append(contentsOf: bytes)
        }
    }

    /// The field at `position` in `bytes` (advancing it past the field). Throws, naming `path`
    /// (the file the bytes came from), when the field runs past the end of `bytes`.
    public static func decode(_ bytes: [UInt8], _ position: inout Int, path: String) throws -> String? {
        guard let n = length(bytes, at: position) else { throw cutShort(path) }
        position += 4
        if n == absent { return nil }
        guard position + Int(n) <= bytes.count else { throw cutShort(path) }
        defer { position += Int(n) }
        return String(decoding: bytes[position..<(position + Int(n))], as: UTF8.self)
    }

    /// The bytes the field at `position` takes (length word included), or nil when not even the
    /// length word is there.
    static func size(_ bytes: [UInt8], at position: Int) -> Int? {
        guard let n = length(bytes, at: position) else { return nil }
        return n == absent ? 4 : 4 + Int(n)
    }

    static func cutShort(_ path: String) -> IOError {
        IOError(path: path, operation: "read", reason: "record cut short")
    }

    private static func length(_ bytes: [UInt8], at position: Int) -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        return UInt32(bytes[position]) | UInt32(bytes[position + 1]) << 8
            | UInt32(bytes[position + 2]) << 16 | UInt32(bytes[position + 3]) << 24
    }

    private static func appendLength(_ n: UInt32, to buffer: inout [UInt8]) {
        buffer.append(UInt8(n & 0xFF)); buffer.append(UInt8((n >> 8) & 0xFF))
        buffer.append(UInt8((n >> 16) & 0xFF)); buffer.append(UInt8(n >> 24))
    }
}
