/// The two small checksums PNG needs: CRC-32 (ISO 3309, per chunk) and Adler-32 (the zlib
/// stream trailer). Neither is a cryptographic hash.
enum PNGChecksums {
    static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// Continues a CRC-32 (start with 0xFFFFFFFF, finish by inverting).
    static func crcUpdate(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var c = crc
        for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c
    }

    /// Continues an Adler-32 (start with 1).
    static func adlerUpdate(_ adler: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var a = adler & 0xFFFF
        var b = adler >> 16
        var i = 0
        let n = bytes.count
        while i < n {
            let end = min(n, i + 5_552)   // largest run before the sums can overflow 32 bits
            while i < end {
                a &+= UInt32(bytes[i])
                b &+= a
                i += 1
            }
            a %= 65_521
            b %= 65_521
        }
        return (b << 16) | a
    }
}
