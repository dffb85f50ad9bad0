import Foundation

/// The staging catalog's binary form of the model values (`CatalogCodable`), written and read
/// field by field in a fixed order.
///
/// Why by hand: the catalog encodes every case, record, party and file reference once and decodes
/// them up to three times per `bevara package`. Through `Codable` (keyed containers, existential
/// boxes, a key per field) that was a sixth of packaging CPU on exports of many small files
/// (bench P2); this form has no keys and no type metadata to look up. It is a private staging
/// format, written and read by the same build and never archived, so it needs no version.
///
/// Layout: integers as zig-zag LEB128 varints; strings as a varint byte count and UTF-8; an
/// optional as a byte 0 (absent) or 1 and the value; an array as a varint count and the items.
protocol CatalogCodable {
    func write(to out: inout CatalogWriter)
    init(from input: inout CatalogReader) throws
}

/// A value the catalog holds that does not read back: the database file was changed or damaged.
struct CatalogDecodingError: Error, CustomStringConvertible {
    let offset: Int
    let reason: String
    var description: String { "damaged value in the staging catalog at byte \(offset): \(reason)" }
}

struct CatalogWriter {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(256) }

    static func encode<T: CatalogCodable>(_ value: T) -> [UInt8] {
        var out = CatalogWriter()
        value.write(to: &out)
        return out.bytes
    }

    mutating func int(_ value: Int) {
        // Zig-zag, so small negative numbers stay short too.
        var v = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var s = value
        s.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional<T>(_ value: T?, _ write: (inout CatalogWriter, T) -> Void) {
        guard let value else { bytes.append(0); return }
        bytes.append(1)
        write(&self, value)
    }

    mutating func string(_ value: String?) { optional(value) { $0.string($1) } }
    mutating func int(_ value: Int?) { optional(value) { $0.int($1) } }
    mutating func value<T: CatalogCodable>(_ value: T) { value.write(to: &self) }
    mutating func value<T: CatalogCodable>(_ value: T?) { optional(value) { $1.write(to: &$0) } }

    mutating func array<T: CatalogCodable>(_ values: [T]) {
        int(values.count)
        for v in values { v.write(to: &self) }
    }
}

struct CatalogReader {
    private let base: UnsafeRawBufferPointer
    private var at = 0

    init(_ bytes: UnsafeRawBufferPointer) { base = bytes }

    /// Where the next read starts, for error messages.
    var offset: Int { at }

    /// Decodes a whole stored value; bytes left over mean it was not the type asked for.
    static func decode<T: CatalogCodable>(_ type: T.Type, from data: Data) throws -> T {
        try data.withUnsafeBytes { try decode(type, from: $0) }
    }

    /// Decodes a whole stored value from bytes read in place (a `RawRow` blob).
    static func decode<T: CatalogCodable>(_ type: T.Type, from raw: UnsafeRawBufferPointer) throws -> T {
        var input = CatalogReader(raw)
        let value = try T(from: &input)
        guard input.at == raw.count else { throw CatalogDecodingError(offset: input.at, reason: "bytes left over after \(T.self)") }
        return value
    }

    /// Decodes the start of a stored value (the rest is not read).
    static func decodePrefix<T>(of raw: UnsafeRawBufferPointer, _ body: (inout CatalogReader) throws -> T) throws -> T {
        var input = CatalogReader(raw)
        return try body(&input)
    }

    private mutating func byte() throws -> UInt8 {
        guard at < base.count else { throw CatalogDecodingError(offset: at, reason: "value ends early") }
        defer { at += 1 }
        return base[at]
    }

    mutating func int() throws -> Int {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw CatalogDecodingError(offset: at - 1, reason: "integer too long") }
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
    }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        case let b: throw CatalogDecodingError(offset: at - 1, reason: "\(b) is not a truth value")
        }
    }

    mutating func string() throws -> String {
        let n = try int()
        guard n >= 0, n <= base.count - at else { throw CatalogDecodingError(offset: at, reason: "string of \(n) bytes runs past the end") }
        defer { at += n }
        return String(decoding: UnsafeRawBufferPointer(rebasing: base[at ..< at + n]), as: UTF8.self)
    }

    mutating func optional<T>(_ read: (inout CatalogReader) throws -> T) throws -> T? {
        try bool() ? read(&self) : nil
    }

    mutating func optionalString() throws -> String? { try optional { try $0.string() } }
    mutating func optionalInt() throws -> Int? { try optional { try $0.int() } }
    mutating func value<T: CatalogCodable>(_ type: T.Type = T.self) throws -> T { try T(from: &self) }
    mutating func optionalValue<T: CatalogCodable>(_ type: T.Type = T.self) throws -> T? { try optional { try T(from: &$0) } }

    mutating func array<T: CatalogCodable>(_ type: T.Type = T.self) throws -> [T] {
        let n = try int()
        // Every item takes at least one byte: a count beyond what is left is damage, not a reason to reserve.
        guard n >= 0, n <= base.count - at else { throw CatalogDecodingError(offset: at, reason: "\(n) items cannot fit") }
        var items: [T] = []
        items.reserveCapacity(n)
        for _ in 0 ..< n { items.append(try T(from: &self)) }
        return items
    }

    /// A `RawRepresentable` enum stored as its raw string.
    mutating func rawValue<T: RawRepresentable>(_ type: T.Type = T.self) throws -> T where T.RawValue == String {
        let start = at
        let raw = try string()
        guard let value = T(rawValue: raw) else { throw CatalogDecodingError(offset: start, reason: "'\(raw)' is not a \(T.self)") }
        return value
    }
}
