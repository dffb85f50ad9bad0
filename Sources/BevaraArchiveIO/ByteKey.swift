/// Bytes as a dictionary key, compared byte for byte and hashed in one call.
///
/// Why: `[UInt8]`'s own `Hashable` feeds the hasher one byte at a time, a call each; a file
/// name looked up that way cost ≈ 15,000 instructions (callgrind, bench P2's folder lookups).
public struct ByteKey: Hashable, Sendable {
    public let bytes: [UInt8]

    @inlinable
    public init<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        self.bytes = Array(bytes)
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    @inlinable
    public static func == (a: ByteKey, b: ByteKey) -> Bool {
        a.bytes == b.bytes
    }
}
