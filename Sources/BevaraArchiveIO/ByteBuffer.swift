/// A growable run of bytes that text is assembled in, piece by piece: the lines an `XMLWriter`
/// builds and the buffers its outputs write from.
///
/// Why not `[UInt8]`: appending a buffer to an array goes through the generic
/// `append(contentsOf:)` (the prespecialised one in FoundationEssentials, ≈ 90 instructions
/// before the copy, callgrind), four to six times for each element of a METS, PREMIS or ERMS
/// file. Here an append is a capacity check and a copy. Not copyable, so the storage has one
/// owner and is freed with it.
///
/// The appends are `@inlinable`, for their callers in other modules (BevaraXML,
/// BevaraPackaging). The compiler still calls most of them, but their own instructions in a
/// 9,950-file package fell from ≈ 220 M to ≈ 183 M (callgrind).
public struct ByteBuffer: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline var used = 0

    /// Bytes held.
    public var count: Int { used }

    public init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    public var isEmpty: Bool { used == 0 }

    @inlinable
    public mutating func append(_ byte: UInt8) {
        if used == capacity { grow(toHold: used + 1) }
        (base + used).initialize(to: byte)
        used += 1
    }

    @inlinable
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        guard n > 0, let source = bytes.baseAddress else { return }
        if n > capacity - used { grow(toHold: used + n) }
        (base + used).initialize(from: source, count: n)
        used += n
    }

    /// Appends `text`'s UTF-8: native and small strings lend their bytes as one buffer.
    @inlinable
    public mutating func append(utf8 text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { append($0) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { append($0) } }
    }

    /// Appends a literal's UTF-8 bytes.
    @inlinable
    public mutating func append(literal: StaticString) {
        append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Empties the buffer; its storage is kept.
    @inlinable
    public mutating func removeAll() { used = 0 }

    /// The bytes held, valid only during `body`.
    @inlinable
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try body(UnsafeBufferPointer(start: base, count: used))
    }

    /// The bytes held as text (they are UTF-8 by construction where this is used).
    public var text: String { withUnsafeBytes { String(decoding: $0, as: UTF8.self) } }

    @usableFromInline
    mutating func grow(toHold needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        larger.initialize(from: base, count: used)
        base.deallocate()
        base = larger
        capacity = newCapacity
    }
}
