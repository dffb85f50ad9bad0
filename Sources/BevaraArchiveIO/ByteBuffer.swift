/// A growable run of bytes that text is assembled in, piece by piece: the lines an `XMLWriter`
/// builds and the buffers its outputs write from.
///
/// Why not `[UInt8]`: appending a buffer to an array goes through the generic
/// `append(contentsOf:)` (the prespecialised one in FoundationEssentials, ≈ 90 instructions
/// before the copy, callgrind), four to six times for each element of a METS, PREMIS or ERMS
/// file. Here an append is a capacity check and a copy. Not copyable, so the storage has one
/// owner and is freed with it.
public struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes held.
    public private(set) var count = 0

    public init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    public var isEmpty: Bool { count == 0 }

    @inline(__always)
    public mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        (base + count).initialize(to: byte)
        count += 1
    }

    @inline(__always)
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        guard n > 0, let source = bytes.baseAddress else { return }
        if n > capacity - count { grow(toHold: count + n) }
        (base + count).initialize(from: source, count: n)
        count += n
    }

    /// Appends `text`'s UTF-8: native and small strings lend their bytes as one buffer.
    @inline(__always)
    public mutating func append(utf8 text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { append($0) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { append($0) } }
    }

    /// Appends a literal's UTF-8 bytes.
    @inline(__always)
    public mutating func append(literal: StaticString) {
        append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Empties the buffer; its storage is kept.
    public mutating func removeAll() { count = 0 }

    /// The bytes held, valid only during `body`.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// The bytes held as text (they are UTF-8 by construction where this is used).
    public var text: String { withUnsafeBytes { String(decoding: $0, as: UTF8.self) } }

    private mutating func grow(toHold needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        larger.initialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = newCapacity
    }
}
