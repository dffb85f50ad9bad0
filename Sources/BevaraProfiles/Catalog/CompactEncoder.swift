import Foundation

/// Tags of the staging catalog's binary value format (`CompactEncoder`, `CompactDecoder`).
///
/// A value is one tag byte and its payload:
/// nil, false, true; an integer (8 bytes, little-endian); a double (its 8-byte bit pattern);
/// a string or key (UInt32 length + UTF-8); or a composite: UInt32 body length, then a kind
/// byte (keyed, unkeyed, single) and the items. A keyed body is key, value, key, value…
/// Lengths make every value skippable in O(1), so a keyed container finds a key out of order
/// without decoding what lies before it.
enum CompactTag {
    static let null: UInt8 = 0, no: UInt8 = 1, yes: UInt8 = 2, int: UInt8 = 3, double: UInt8 = 4
    static let string: UInt8 = 5, key: UInt8 = 6, composite: UInt8 = 7
    static let keyed: UInt8 = 8, unkeyed: UInt8 = 9, single: UInt8 = 10
}

/// Encodes `Codable` values into the compact binary form the staging catalog stores.
///
/// Why not JSON: the catalog stores every case, record, party and file reference once and
/// decodes them up to three times per `bevara package`; Foundation's JSON coders were a fifth of
/// the time on exports of many small files (bench/RESULTS.md, P2). This form keeps the keys (so
/// synthesized `Codable` of enums with payloads works) but needs no parsing or number formatting.
/// It is a private staging format: written and read by the same build, never archived.
struct CompactEncoder {
    func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let sink = CompactSink()
        try sink.encodeValue(value, depth: 0)
        sink.closeImplicit(deeperThan: 0)
        return sink.bytes
    }
}

/// The growing output and the nested containers still open (`nestedContainer` and
/// `superEncoder` do not say when they are done; they are closed when their parent writes
/// again or finishes).
final class CompactSink {
    var bytes: [UInt8] = []
    /// (depth of the container's items, offset of its length field) for implicitly closed composites.
    private var open: [(depth: Int, lengthAt: Int)] = []

    init() { bytes.reserveCapacity(256) }

    func closeImplicit(deeperThan depth: Int) {
        while let last = open.last, last.depth > depth {
            open.removeLast()
            patchLength(at: last.lengthAt)
        }
    }

    /// Starts a composite; returns the offset of its length field.
    func beginComposite() -> Int {
        bytes.append(CompactTag.composite)
        let at = bytes.count
        bytes.append(contentsOf: [0, 0, 0, 0])
        return at
    }

    func patchLength(at offset: Int) {
        let length = UInt32(bytes.count - offset - 4)
        bytes[offset] = UInt8(truncatingIfNeeded: length)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: length >> 8)
        bytes[offset + 2] = UInt8(truncatingIfNeeded: length >> 16)
        bytes[offset + 3] = UInt8(truncatingIfNeeded: length >> 24)
    }

    /// A composite opened by `nestedContainer`/`superEncoder`, closed implicitly later.
    func beginImplicit(itemsAt depth: Int, kind: UInt8?) {
        let at = beginComposite()
        if let kind { bytes.append(kind) }
        open.append((depth, at))
    }

    // The containers a keyed or unkeyed container nests, after its key or item marker: a
    // composite closed implicitly later, whose items sit one level deeper than `depth`.

    func nestedKeyed<Key: CodingKey>(in depth: Int) -> KeyedEncodingContainer<Key> {
        beginImplicit(itemsAt: depth + 1, kind: CompactTag.keyed)
        return KeyedEncodingContainer(CompactKeyedEncoder<Key>(sink: self, depth: depth + 1))
    }

    func nestedUnkeyed(in depth: Int) -> any UnkeyedEncodingContainer {
        beginImplicit(itemsAt: depth + 1, kind: CompactTag.unkeyed)
        return CompactUnkeyedEncoder(sink: self, depth: depth + 1)
    }

    func nestedSuperEncoder(in depth: Int) -> any Encoder {
        beginImplicit(itemsAt: depth + 1, kind: nil)
        return CompactValueEncoder(sink: self, depth: depth + 1, compositeStart: bytes.count)
    }

    /// Writes the kind byte of a composite if this is the first container asked of it.
    func markKind(_ kind: UInt8, compositeStart: Int) {
        if bytes.count == compositeStart { bytes.append(kind) }
    }

    func writeLength(_ n: Int) {
        let v = UInt32(n)
        bytes.append(UInt8(truncatingIfNeeded: v))
        bytes.append(UInt8(truncatingIfNeeded: v >> 8))
        bytes.append(UInt8(truncatingIfNeeded: v >> 16))
        bytes.append(UInt8(truncatingIfNeeded: v >> 24))
    }

    func writeString(_ value: String, tag: UInt8 = CompactTag.string) {
        bytes.append(tag)
        var s = value
        s.withUTF8 { utf8 in
            writeLength(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    func writeInt(_ value: Int64) {
        bytes.append(CompactTag.int)
        let u = UInt64(bitPattern: value)
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: u >> UInt64(shift))) }
    }

    func writeDouble(_ value: Double) {
        bytes.append(CompactTag.double)
        let u = value.bitPattern
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: u >> UInt64(shift))) }
    }

    func writeBool(_ value: Bool) { bytes.append(value ? CompactTag.yes : CompactTag.no) }
    func writeNil() { bytes.append(CompactTag.null) }

    /// Any value: primitives inline, everything else as a composite whose items sit at `depth + 1`.
    func encodeValue<T: Encodable>(_ value: T, depth: Int) throws {
        closeImplicit(deeperThan: depth)
        // By exact type: a cast would also unwrap an Optional, which must stay a composite.
        if T.self == String.self { writeString(value as! String); return }
        if T.self == Int.self { writeInt(Int64(value as! Int)); return }
        if T.self == Int64.self { writeInt(value as! Int64); return }
        if T.self == Bool.self { writeBool(value as! Bool); return }
        if T.self == Double.self { writeDouble(value as! Double); return }
        let at = beginComposite()
        try value.encode(to: CompactValueEncoder(sink: self, depth: depth + 1, compositeStart: at + 4))
        closeImplicit(deeperThan: depth + 1)
        patchLength(at: at)
    }
}

/// The `Encoder` handed to one composite value.
struct CompactValueEncoder: Encoder {
    let sink: CompactSink
    let depth: Int
    let compositeStart: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        sink.markKind(CompactTag.keyed, compositeStart: compositeStart)
        return KeyedEncodingContainer(CompactKeyedEncoder<Key>(sink: sink, depth: depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.markKind(CompactTag.unkeyed, compositeStart: compositeStart)
        return CompactUnkeyedEncoder(sink: sink, depth: depth)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        sink.markKind(CompactTag.single, compositeStart: compositeStart)
        return CompactSingleEncoder(sink: sink, depth: depth)
    }
}

struct CompactKeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: CompactSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    private func key(_ key: Key) {
        sink.closeImplicit(deeperThan: depth)
        sink.writeString(key.stringValue, tag: CompactTag.key)
    }

    mutating func encodeNil(forKey k: Key) throws { key(k); sink.writeNil() }
    mutating func encode(_ value: Bool, forKey k: Key) throws { key(k); sink.writeBool(value) }
    mutating func encode(_ value: String, forKey k: Key) throws { key(k); sink.writeString(value) }
    mutating func encode(_ value: Double, forKey k: Key) throws { key(k); sink.writeDouble(value) }
    mutating func encode(_ value: Float, forKey k: Key) throws { key(k); sink.writeDouble(Double(value)) }
    mutating func encode(_ value: Int, forKey k: Key) throws { key(k); sink.writeInt(Int64(value)) }
    mutating func encode(_ value: Int8, forKey k: Key) throws { key(k); sink.writeInt(Int64(value)) }
    mutating func encode(_ value: Int16, forKey k: Key) throws { key(k); sink.writeInt(Int64(value)) }
    mutating func encode(_ value: Int32, forKey k: Key) throws { key(k); sink.writeInt(Int64(value)) }
    mutating func encode(_ value: Int64, forKey k: Key) throws { key(k); sink.writeInt(value) }
    mutating func encode(_ value: UInt, forKey k: Key) throws { key(k); sink.writeInt(Int64(bitPattern: UInt64(value))) }
    mutating func encode(_ value: UInt8, forKey k: Key) throws { key(k); sink.writeInt(Int64(value)) }
    mutating func encode(_ value: UInt16, forKey k: Key) throws { key(k); sink.writeInt(Int64(value)) }
    mutating func encode(_ value: UInt32, forKey k: Key) throws { key(k); sink.writeInt(Int64(value)) }
    mutating func encode(_ value: UInt64, forKey k: Key) throws { key(k); sink.writeInt(Int64(bitPattern: value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey k: Key) throws {
        key(k)
        try sink.encodeValue(value, depth: depth)
    }

    // Absent optionals are written as nil so that decoding finds every key in order.
    mutating func encodeIfPresent(_ value: String?, forKey k: Key) throws {
        if let value { try encode(value, forKey: k) } else { try encodeNil(forKey: k) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey k: Key) throws {
        if let value { try encode(value, forKey: k) } else { try encodeNil(forKey: k) }
    }
    mutating func encodeIfPresent(_ value: Int64?, forKey k: Key) throws {
        if let value { try encode(value, forKey: k) } else { try encodeNil(forKey: k) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey k: Key) throws {
        if let value { try encode(value, forKey: k) } else { try encodeNil(forKey: k) }
    }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey k: Key) throws {
        if let value { try encode(value, forKey: k) } else { try encodeNil(forKey: k) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                         forKey k: Key) -> KeyedEncodingContainer<NestedKey> {
        key(k)
        return sink.nestedKeyed(in: depth)
    }

    mutating func nestedUnkeyedContainer(forKey k: Key) -> any UnkeyedEncodingContainer {
        key(k)
        return sink.nestedUnkeyed(in: depth)
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(forKey: Key(stringValue: "super")!)
    }

    mutating func superEncoder(forKey k: Key) -> any Encoder {
        key(k)
        return sink.nestedSuperEncoder(in: depth)
    }
}

struct CompactUnkeyedEncoder: UnkeyedEncodingContainer {
    let sink: CompactSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(sink: CompactSink, depth: Int) {
        self.sink = sink
        self.depth = depth
    }

    private mutating func item() {
        sink.closeImplicit(deeperThan: depth)
        count += 1
    }

    mutating func encodeNil() throws { item(); sink.writeNil() }
    mutating func encode(_ value: Bool) throws { item(); sink.writeBool(value) }
    mutating func encode(_ value: String) throws { item(); sink.writeString(value) }
    mutating func encode(_ value: Double) throws { item(); sink.writeDouble(value) }
    mutating func encode(_ value: Int) throws { item(); sink.writeInt(Int64(value)) }
    mutating func encode(_ value: Int64) throws { item(); sink.writeInt(value) }
    mutating func encode(_ value: UInt8) throws { item(); sink.writeInt(Int64(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        item()
        try sink.encodeValue(value, depth: depth)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        item()
        return sink.nestedKeyed(in: depth)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        item()
        return sink.nestedUnkeyed(in: depth)
    }

    mutating func superEncoder() -> any Encoder {
        item()
        return sink.nestedSuperEncoder(in: depth)
    }
}

struct CompactSingleEncoder: SingleValueEncodingContainer {
    let sink: CompactSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { sink.writeNil() }
    mutating func encode(_ value: Bool) throws { sink.writeBool(value) }
    mutating func encode(_ value: String) throws { sink.writeString(value) }
    mutating func encode(_ value: Double) throws { sink.writeDouble(value) }
    mutating func encode(_ value: Float) throws { sink.writeDouble(Double(value)) }
    mutating func encode(_ value: Int) throws { sink.writeInt(Int64(value)) }
    mutating func encode(_ value: Int8) throws { sink.writeInt(Int64(value)) }
    mutating func encode(_ value: Int16) throws { sink.writeInt(Int64(value)) }
    mutating func encode(_ value: Int32) throws { sink.writeInt(Int64(value)) }
    mutating func encode(_ value: Int64) throws { sink.writeInt(value) }
    mutating func encode(_ value: UInt) throws { sink.writeInt(Int64(bitPattern: UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { sink.writeInt(Int64(value)) }
    mutating func encode(_ value: UInt16) throws { sink.writeInt(Int64(value)) }
    mutating func encode(_ value: UInt32) throws { sink.writeInt(Int64(value)) }
    mutating func encode(_ value: UInt64) throws { sink.writeInt(Int64(bitPattern: value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try sink.encodeValue(value, depth: depth) }
}
