import Foundation

/// A baseline greyscale JPEG with a JFIF 1.01 header, encoded here: level shift, 8×8 DCT,
/// quantisation with the standard luminance table (quality 75), and Huffman coding with the
/// standard luminance tables of ITU-T T.81 Annex K.
///
/// The picture is a small "scanned letter": a light page with darker bars for lines of text,
/// varied by the seed. The document title goes in a COM segment; padding to a planned size is
/// further COM segments of random bytes (decoders skip them by their length).
enum JPEGFile {
    static let width = 96
    static let height = 64

    static func write(_ doc: FixtureDocument, seed: UInt64, size: Int64?, to path: String) throws -> Int64 {
        var rng = SeededRandom(seed: seed, stream: 0x6A70)
        let scan = encodeScan(pixels: picture(rng: &rng))
        var title = Array(("Bevara fixture: " + doc.title).utf8.prefix(60_000))
        let natural = Int64(2 + 18 + (4 + title.count) + tablesAndFrame.count + scan.count + 2)
        // Padding: whole COM segments (4 bytes of marker and length plus up to 65 533 bytes);
        // a remainder under 4 bytes is added to the title comment as spaces.
        var padding: [Int] = []
        if let size, size > natural {
            var left = size - natural
            while left >= 4 {
                let payload = Int(min(left - 4, 65_533))
                padding.append(payload)
                left -= Int64(4 + payload)
            }
            title += Array(repeating: 0x20, count: Int(left))
        }

        let out = try OutputFile(path: path, bufferSize: 64 * 1024)
        try out.write([0xFF, 0xD8])                                   // SOI
        try out.write([0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00,  // APP0 "JFIF\0"
                       0x01, 0x01, 0x01, 0x00, 0x96, 0x00, 0x96, 0x00, 0x00])   // 1.01, 150 dpi, no thumbnail
        try out.write(segment(0xFE, title))                          // COM with the title
        if !padding.isEmpty {
            let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_537, alignment: 16)
            defer { chunk.deallocate() }
            for payload in padding {
                chunk[0] = 0xFF
                chunk[1] = 0xFE
                chunk[2] = UInt8((payload + 2) >> 8)
                chunk[3] = UInt8((payload + 2) & 0xFF)
                rng.fill(UnsafeMutableRawBufferPointer(rebasing: chunk[4..<(4 + payload)]))
                try out.write(UnsafeRawBufferPointer(rebasing: chunk[0..<(4 + payload)]))
            }
        }
        try out.write(tablesAndFrame)
        try out.write(scan)
        try out.write([0xFF, 0xD9])                                   // EOI
        try out.close()
        return out.count
    }

    /// A marker segment: FF, marker, 16-bit length (payload + 2), payload.
    static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        let length = payload.count + 2
        return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
    }

    /// The light page with darker text bars, row-major, one byte per pixel.
    static func picture(rng: inout SeededRandom) -> [UInt8] {
        var pixels = [UInt8](repeating: 0, count: width * height)
        let paper = 228 + rng.below(20)
        for y in 0..<height {
            let isTextLine = y >= 8 && y < height - 6 && (y / 3) % 3 == 0
            let lineStart = 8 + rng.below(4)
            let lineEnd = width - 8 - rng.below(30)
            for x in 0..<width {
                var v = paper - rng.below(8)
                if isTextLine && x >= lineStart && x < lineEnd && rng.below(5) != 0 { v = 40 + rng.below(50) }
                if x < 2 || y < 2 { v = paper - 30 }
                pixels[y * width + x] = UInt8(v)
            }
        }
        return pixels
    }

    // MARK: tables (ITU-T T.81 Annex K)

    static let zigzag: [Int] = [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    ]

    /// Table K.1, natural order.
    static let baseLuminance: [Int] = [
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
        14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    ]

    /// Quality 75 with the IJG scaling (scale = 200 - 2 × quality).
    static let quantTable: [Int] = baseLuminance.map { max(1, min(255, ($0 * 50 + 50) / 100)) }

    static let dcBits: [UInt8] = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]
    static let dcValues: [UInt8] = Array(0...11)
    static let acBits: [UInt8] = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7D]
    static let acValues: [UInt8] = [
        0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07,
        0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xA1, 0x08, 0x23, 0x42, 0xB1, 0xC1, 0x15, 0x52, 0xD1, 0xF0,
        0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0A, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x25, 0x26, 0x27, 0x28,
        0x29, 0x2A, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3A, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49,
        0x4A, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5A, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69,
        0x6A, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89,
        0x8A, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7,
        0xA8, 0xA9, 0xAA, 0xB2, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBA, 0xC2, 0xC3, 0xC4, 0xC5,
        0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0xDA, 0xE1, 0xE2,
        0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8,
        0xF9, 0xFA,
    ]

    /// Canonical Huffman codes (code, length) indexed by symbol, from BITS and HUFFVAL.
    static func huffmanCodes(bits: [UInt8], values: [UInt8]) -> [(code: UInt32, length: Int)] {
        var table = [(code: UInt32, length: Int)](repeating: (0, 0), count: 256)
        var code: UInt32 = 0
        var k = 0
        for length in 1...16 {
            for _ in 0..<Int(bits[length - 1]) {
                table[Int(values[k])] = (code, length)
                code += 1
                k += 1
            }
            code <<= 1
        }
        return table
    }

    static let dcCodes = huffmanCodes(bits: dcBits, values: dcValues)
    static let acCodes = huffmanCodes(bits: acBits, values: acValues)

    /// DQT, SOF0, DHT (DC and AC) and SOS: everything between the comments and the scan data.
    static let tablesAndFrame: [UInt8] = {
        var bytes: [UInt8] = []
        bytes += segment(0xDB, [0x00] + zigzag.map { UInt8(quantTable[$0]) })
        bytes += segment(0xC0, [8, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF),
                                1, 1, 0x11, 0])
        bytes += segment(0xC4, [0x00] + dcBits + dcValues)
        bytes += segment(0xC4, [0x10] + acBits + acValues)
        bytes += segment(0xDA, [1, 1, 0x00, 0, 63, 0])
        return bytes
    }()

    /// cos((2x + 1)uπ / 16) · C(u) / 2 at [u * 8 + x].
    static let cosines: [Double] = (0..<64).map { i in
        let u = i / 8, x = i % 8
        let cu = u == 0 ? 1.0 / 2.0.squareRoot() : 1.0
        return cu / 2 * cos(Double(2 * x + 1) * Double(u) * Double.pi / 16)
    }

    /// Entropy-coded scan data for `pixels` (width × height, both multiples of 8).
    static func encodeScan(pixels: [UInt8]) -> [UInt8] {
        var writer = BitWriter()
        writer.bytes.reserveCapacity(width * height)
        var previousDC = 0
        // Scratch space as raw buffers: this loop runs for every JPEG the generator writes, and
        // bounds-checked array indexing was most of its cost.
        let block = UnsafeMutableBufferPointer<Double>.allocate(capacity: 64)
        let temp = UnsafeMutableBufferPointer<Double>.allocate(capacity: 64)
        let quantised = UnsafeMutableBufferPointer<Int>.allocate(capacity: 64)
        defer { block.deallocate(); temp.deallocate(); quantised.deallocate() }
        let divisors = Self.divisors
        cosines.withUnsafeBufferPointer { c in divisors.withUnsafeBufferPointer { d in pixels.withUnsafeBufferPointer { p in
            for by in stride(from: 0, to: height, by: 8) {
                for bx in stride(from: 0, to: width, by: 8) {
                    for y in 0..<8 {
                        for x in 0..<8 { block[y * 8 + x] = Double(p[(by + y) * width + bx + x]) - 128 }
                    }
                    // Separable 2-D DCT: rows, then columns.
                    for y in 0..<8 {
                        for u in 0..<8 {
                            var s = 0.0
                            for x in 0..<8 { s += c[u * 8 + x] * block[y * 8 + x] }
                            temp[y * 8 + u] = s
                        }
                    }
                    for v in 0..<8 {
                        for u in 0..<8 {
                            var s = 0.0
                            for y in 0..<8 { s += c[v * 8 + y] * temp[y * 8 + u] }
                            let index = v * 8 + u
                            quantised[index] = Int((s / d[index]).rounded())
                        }
                    }
                    let dc = quantised[0]
                    writer.writeValue(dc - previousDC, codes: dcCodes, run: 0)
                    previousDC = dc
                    var run = 0
                    for k in 1..<64 {
                        let value = quantised[zigzag[k]]
                        if value == 0 {
                            run += 1
                            continue
                        }
                        while run > 15 {
                            writer.write(acCodes[0xF0])
                            run -= 16
                        }
                        writer.writeValue(value, codes: acCodes, run: run)
                        run = 0
                    }
                    if run > 0 { writer.write(acCodes[0x00]) }
                }
            }
        } } }
        writer.finish()
        return writer.bytes
    }

    static let divisors: [Double] = quantTable.map(Double.init)

    /// Packs Huffman codes and value bits MSB first, stuffing a zero byte after every 0xFF.
    struct BitWriter {
        var bytes: [UInt8] = []
        private var accumulator: UInt32 = 0
        private var count = 0

        mutating func write(bits: UInt32, length: Int) {
            guard length > 0 else { return }
            accumulator = (accumulator << UInt32(length)) | (bits & ((1 << UInt32(length)) - 1))
            count += length
            while count >= 8 {
                let byte = UInt8((accumulator >> UInt32(count - 8)) & 0xFF)
                bytes.append(byte)
                if byte == 0xFF { bytes.append(0x00) }
                count -= 8
            }
            accumulator &= (1 << UInt32(count)) - 1
        }

        mutating func write(_ code: (code: UInt32, length: Int)) {
            write(bits: code.code, length: code.length)
        }

        /// Symbol (run, category) then the value's bits (one's complement when negative).
        mutating func writeValue(_ value: Int, codes: [(code: UInt32, length: Int)], run: Int) {
            let magnitude = abs(value)
            var category = 0
            while (1 << category) <= magnitude { category += 1 }
            write(codes[(run << 4) | category])
            let bits = value < 0 ? value + (1 << category) - 1 : value
            write(bits: UInt32(bits), length: category)
        }

        /// Pads the last byte with 1-bits.
        mutating func finish() {
            if count > 0 { write(bits: 0x7F, length: 8 - count) }
        }
    }
}
