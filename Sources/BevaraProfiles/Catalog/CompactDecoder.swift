import Foundation

/// Decodes values written by `CompactEncoder` (format: `CompactTag`).
struct CompactDecoder {
    func decode<T: Decodable>(_ type: T.Type, from bytes: some ContiguousBytes) throws -> T {
        try bytes.withUnsafeBytes { raw in
            let source = CompactSource(raw)
            return try source.decodeValue(T.self, at: 0, end: raw.count).value
        }
    }
}

/// Why stored bytes could not be decoded (a bug or a damaged staging file, never user input).
struct CompactDecodingError: Error, CustomStringConvertible {
    let offset: Int
    let reason: String
    var description: String { "staging catalog value damaged at byte \(offset): \(reason)" }
}

/// The bytes being decoded and the reading primitives; valid only inside `CompactDecoder.decode`.
final class CompactSource {
    let raw: UnsafeRawBufferPointer

    init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }

    func fail(_ offset: Int, _ reason: String) -> CompactDecodingError { CompactDecodingError(offset: offset, reason: reason) }

    func tag(at offset: Int, end: Int) throws -> UInt8 {
        guard offset < end else { throw fail(offset, "value expected, end of container found") }
        return raw[offset]
    }

    func length(at offset: Int, end: Int) throws -> Int {
        guard offset + 4 <= end else { throw fail(offset, "truncated length") }
        let n = Int(raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian)
        guard offset + 4 + n <= end else { throw fail(offset, "length \(n) runs past the end") }
        return n
    }

    /// The offset just after the value at `offset`.
    func skip(at offset: Int, end: Int) throws -> Int {
        switch try tag(at: offset, end: end) {
        case CompactTag.null, CompactTag.no, CompactTag.yes: return offset + 1
        case CompactTag.int, CompactTag.double:
            guard offset + 9 <= end else { throw fail(offset, "truncated number") }
            return offset + 9
        case CompactTag.string, CompactTag.key, CompactTag.composite:
            return offset + 5 + (try length(at: offset + 1, end: end))
        case let t: throw fail(offset, "unknown tag \(t)")
        }
    }

    /// The string or key at `offset` and the offset after it.
    func string(at offset: Int, end: Int, tag expected: UInt8 = CompactTag.string) throws -> (value: String, next: Int) {
        guard try tag(at: offset, end: end) == expected else { throw fail(offset, "string expected") }
        let n = try length(at: offset + 1, end: end)
        let start = offset + 5
        return (String(decoding: UnsafeRawBufferPointer(rebasing: raw[start..<(start + n)]), as: UTF8.self), start + n)
    }

    /// True if the key at `offset` spells `name`.
    func keyEquals(at offset: Int, end: Int, _ name: String) throws -> Bool {
        guard try tag(at: offset, end: end) == CompactTag.key else { throw fail(offset, "key expected") }
        let n = try length(at: offset + 1, end: end)
        var name = name
        return name.withUTF8 { utf8 in
            utf8.count == n && (n == 0 || memcmp(utf8.baseAddress!, raw.baseAddress! + offset + 5, n) == 0)
        }
    }

    func int64(at offset: Int, end: Int) throws -> Int64 {
        guard try tag(at: offset, end: end) == CompactTag.int, offset + 9 <= end else { throw fail(offset, "integer expected") }
        return Int64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 1, as: Int64.self))
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type, at offset: Int, end: Int) throws -> T {
        let v = try int64(at: offset, end: end)
        if T.isSigned || T.bitWidth < 64 {
            guard let exact = T(exactly: v) else { throw fail(offset, "\(v) does not fit \(T.self)") }
            return exact
        }
        return T(truncatingIfNeeded: UInt64(bitPattern: v))
    }

    func double(at offset: Int, end: Int) throws -> Double {
        guard try tag(at: offset, end: end) == CompactTag.double, offset + 9 <= end else { throw fail(offset, "number expected") }
        return Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 1, as: UInt64.self)))
    }

    func bool(at offset: Int, end: Int) throws -> Bool {
        switch try tag(at: offset, end: end) {
        case CompactTag.yes: return true
        case CompactTag.no: return false
        default: throw fail(offset, "boolean expected")
        }
    }

    /// Any value, primitive or composite, and the offset after it.
    func decodeValue<T: Decodable>(_ type: T.Type, at offset: Int, end: Int) throws -> (value: T, next: Int) {
        let t = try tag(at: offset, end: end)
        if t == CompactTag.composite {
            let n = try length(at: offset + 1, end: end)
            let body = offset + 5
            let value = try T(from: CompactValueDecoder(source: self, start: body, end: body + n))
            return (value, body + n)
        }
        let next = try skip(at: offset, end: end)
        if T.self == String.self { return (try string(at: offset, end: end).value as! T, next) }
        if T.self == Int.self { return (try integer(Int.self, at: offset, end: end) as! T, next) }
        if T.self == Int64.self { return (try int64(at: offset, end: end) as! T, next) }
        if T.self == Bool.self { return (try bool(at: offset, end: end) as! T, next) }
        if T.self == Double.self { return (try double(at: offset, end: end) as! T, next) }
        throw fail(offset, "\(T.self) expected, found a plain value")
    }
}

/// The `Decoder` of one composite value: its body is `start ..< end` (kind byte first).
struct CompactValueDecoder: Decoder {
    let source: CompactSource
    let start: Int
    let end: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    private func items(_ kind: UInt8) throws -> Int {
        guard start < end, source.raw[start] == kind else { throw source.fail(start, "container of another kind expected") }
        return start + 1
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(CompactKeyedDecoder<Key>(source: source, start: try items(CompactTag.keyed), end: end))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        CompactUnkeyedDecoder(source: source, position: try items(CompactTag.unkeyed), end: end)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        CompactSingleDecoder(source: source, offset: try items(CompactTag.single), end: end)
    }
}

/// Keyed items in the order they were written; a key asked in that order is found at once,
/// any other by a scan that skips values without decoding them. A class: the protocol's
/// methods are not mutating, and the cursor moves.
final class CompactKeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let source: CompactSource
    let start: Int
    let end: Int
    /// Where the next key in written order is expected.
    private var cursor: Int
    var codingPath: [any CodingKey] { [] }

    init(source: CompactSource, start: Int, end: Int) {
        self.source = source
        self.start = start
        self.end = end
        cursor = start
    }

    /// The offset of the value of `key`, or nil if absent; moves the cursor past it.
    private func find(_ key: Key) throws -> Int? {
        let name = key.stringValue
        if cursor < end, try source.keyEquals(at: cursor, end: end, name) {
            let value = try source.skip(at: cursor, end: end)
            cursor = try source.skip(at: value, end: end)
            return value
        }
        var at = start
        while at < end {
            let value = try source.skip(at: at, end: end)
            let next = try source.skip(at: value, end: end)
            if try source.keyEquals(at: at, end: end, name) {
                cursor = next
                return value
            }
            at = next
        }
        return nil
    }

    private func required(_ key: Key) throws -> Int {
        guard let at = try find(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "no value for '\(key.stringValue)'"))
        }
        return at
    }

    var allKeys: [Key] {
        var keys: [Key] = []
        var at = start
        while at < end, let (name, value) = try? source.string(at: at, end: end, tag: CompactTag.key),
              let next = try? source.skip(at: value, end: end) {
            if let key = Key(stringValue: name) { keys.append(key) }
            at = next
        }
        return keys
    }

    func contains(_ key: Key) -> Bool {
        let saved = cursor
        defer { cursor = saved }
        return (try? find(key)) != nil
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let at = try find(key) else { return true }
        return try source.tag(at: at, end: end) == CompactTag.null
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try source.bool(at: try required(key), end: end) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try source.string(at: try required(key), end: end).value
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try source.double(at: try required(key), end: end) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        Float(try source.double(at: try required(key), end: end))
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try source.integer(Int.self, at: try required(key), end: end) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try source.integer(Int8.self, at: try required(key), end: end) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try source.integer(Int16.self, at: try required(key), end: end) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try source.integer(Int32.self, at: try required(key), end: end) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try source.int64(at: try required(key), end: end) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try source.integer(UInt.self, at: try required(key), end: end) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try source.integer(UInt8.self, at: try required(key), end: end) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try source.integer(UInt16.self, at: try required(key), end: end) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try source.integer(UInt32.self, at: try required(key), end: end) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try source.integer(UInt64.self, at: try required(key), end: end) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try source.decodeValue(T.self, at: try required(key), end: end).value
    }

    // One lookup per optional instead of the default's three (contains, decodeNil, decode).
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let at = try find(key), try source.tag(at: at, end: end) != CompactTag.null else { return nil }
        return try source.string(at: at, end: end).value
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let at = try find(key), try source.tag(at: at, end: end) != CompactTag.null else { return nil }
        return try source.integer(Int.self, at: at, end: end)
    }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
        guard let at = try find(key), try source.tag(at: at, end: end) != CompactTag.null else { return nil }
        return try source.int64(at: at, end: end)
    }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let at = try find(key), try source.tag(at: at, end: end) != CompactTag.null else { return nil }
        return try source.bool(at: at, end: end)
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let at = try find(key), try source.tag(at: at, end: end) != CompactTag.null else { return nil }
        return try source.decodeValue(T.self, at: at, end: end).value
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type,
                                                         forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try composite(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try composite(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { try composite(Key(stringValue: "super")!) }
    func superDecoder(forKey key: Key) throws -> any Decoder { try composite(key) }

    private func composite(_ key: Key) throws -> CompactValueDecoder {
        let at = try required(key)
        guard try source.tag(at: at, end: end) == CompactTag.composite else { throw source.fail(at, "container expected") }
        let n = try source.length(at: at + 1, end: end)
        return CompactValueDecoder(source: source, start: at + 5, end: at + 5 + n)
    }
}

struct CompactUnkeyedDecoder: UnkeyedDecodingContainer {
    let source: CompactSource
    private(set) var position: Int
    let end: Int
    var codingPath: [any CodingKey] { [] }
    private(set) var currentIndex = 0

    init(source: CompactSource, position: Int, end: Int) {
        self.source = source
        self.position = position
        self.end = end
    }

    var count: Int? { nil }
    var isAtEnd: Bool { position >= end }

    /// The offset of the next item; moves past it.
    private mutating func next() throws -> Int {
        let at = position
        position = try source.skip(at: at, end: end)
        currentIndex += 1
        return at
    }

    mutating func decodeNil() throws -> Bool {
        guard try source.tag(at: position, end: end) == CompactTag.null else { return false }
        _ = try next()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try source.bool(at: try next(), end: end) }
    mutating func decode(_ type: String.Type) throws -> String { try source.string(at: try next(), end: end).value }
    mutating func decode(_ type: Double.Type) throws -> Double { try source.double(at: try next(), end: end) }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(try source.double(at: try next(), end: end)) }
    mutating func decode(_ type: Int.Type) throws -> Int { try source.integer(Int.self, at: try next(), end: end) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try source.integer(Int8.self, at: try next(), end: end) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try source.integer(Int16.self, at: try next(), end: end) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try source.integer(Int32.self, at: try next(), end: end) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try source.int64(at: try next(), end: end) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try source.integer(UInt.self, at: try next(), end: end) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try source.integer(UInt8.self, at: try next(), end: end) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try source.integer(UInt16.self, at: try next(), end: end) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try source.integer(UInt32.self, at: try next(), end: end) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try source.integer(UInt64.self, at: try next(), end: end) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try source.decodeValue(T.self, at: try next(), end: end).value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try composite().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try composite().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try composite() }

    private mutating func composite() throws -> CompactValueDecoder {
        let at = try next()
        guard try source.tag(at: at, end: end) == CompactTag.composite else { throw source.fail(at, "container expected") }
        let n = try source.length(at: at + 1, end: end)
        return CompactValueDecoder(source: source, start: at + 5, end: at + 5 + n)
    }
}

struct CompactSingleDecoder: SingleValueDecodingContainer {
    let source: CompactSource
    let offset: Int
    let end: Int
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { offset >= end || source.raw[offset] == CompactTag.null }
    func decode(_ type: Bool.Type) throws -> Bool { try source.bool(at: offset, end: end) }
    func decode(_ type: String.Type) throws -> String { try source.string(at: offset, end: end).value }
    func decode(_ type: Double.Type) throws -> Double { try source.double(at: offset, end: end) }
    func decode(_ type: Float.Type) throws -> Float { Float(try source.double(at: offset, end: end)) }
    func decode(_ type: Int.Type) throws -> Int { try source.integer(Int.self, at: offset, end: end) }
    func decode(_ type: Int8.Type) throws -> Int8 { try source.integer(Int8.self, at: offset, end: end) }
    func decode(_ type: Int16.Type) throws -> Int16 { try source.integer(Int16.self, at: offset, end: end) }
    func decode(_ type: Int32.Type) throws -> Int32 { try source.integer(Int32.self, at: offset, end: end) }
    func decode(_ type: Int64.Type) throws -> Int64 { try source.int64(at: offset, end: end) }
    func decode(_ type: UInt.Type) throws -> UInt { try source.integer(UInt.self, at: offset, end: end) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try source.integer(UInt8.self, at: offset, end: end) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try source.integer(UInt16.self, at: offset, end: end) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try source.integer(UInt32.self, at: offset, end: end) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try source.integer(UInt64.self, at: offset, end: end) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try source.decodeValue(T.self, at: offset, end: end).value }
}
