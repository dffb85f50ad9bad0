@testable import BevaraArchiveIO
import Testing

/// `isUTF8Text` skips printable ASCII eight bytes at a time; it must answer as the byte-by-byte
/// definition does, wherever the bytes that stop a run fall.
@Suite struct PlainTextSignatureTests {
    /// The definition: UTF-8 by RFC 3629, and no C0 control but tab, line feed, form feed and
    /// carriage return, and no DEL.
    static func reference(_ bytes: [UInt8], from: Int) -> Bool {
        var i = from
        while i < bytes.count {
            let lead = bytes[i]
            if lead < 0x80 {
                if lead < 0x20 || lead == 0x7F, ![0x09, 0x0A, 0x0C, 0x0D].contains(lead) { return false }
                i += 1
                continue
            }
            let count: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: count = 1
            case 0xE0: count = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: count = 2
            case 0xED: count = 2; high = 0x9F
            case 0xF0: count = 3; low = 0x90
            case 0xF1...0xF3: count = 3
            case 0xF4: count = 3; high = 0x8F
            default: return false
            }
            guard i + count < bytes.count, bytes[i + 1] >= low, bytes[i + 1] <= high else { return false }
            for k in 2...max(2, count) where k <= count { guard bytes[i + k] & 0xC0 == 0x80 else { return false } }
            i += count + 1
        }
        return true
    }

    @Test func answersAsTheByteByByteDefinition() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        // Mostly printable ASCII, with now and then a byte that stops a run: controls, DEL, the
        // allowed white space, and the bytes of Swedish letters, emoji and broken sequences.
        let specials: [[UInt8]] = [[0x00], [0x1F], [0x7F], [0x09], [0x0A], [0x0D], [0x0C], [0x20], [0x7E], Array("å".utf8),
                                   Array("Ö".utf8), Array("€".utf8), Array("😀".utf8), [0xC3], [0xE2, 0x82], [0x80], [0xFF],
                                   [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF]]
        var disagreements = 0
        for round in 0..<4000 {
            var bytes: [UInt8] = []
            let length = Int(next() % 70)
            while bytes.count < length {
                if next() % 9 == 0 {
                    bytes += specials[Int(next() % UInt64(specials.count))]
                } else {
                    bytes.append(UInt8(0x20 + next() % 95))
                }
            }
            let from = bytes.isEmpty ? 0 : Int(next() % UInt64(min(4, bytes.count)))
            let fast = bytes.withUnsafeBufferPointer { PlainTextSignature.isUTF8Text($0, from: from) }
            if fast != Self.reference(bytes, from: from) {
                disagreements += 1
                Issue.record("round \(round): \(bytes) from \(from)")
            }
        }
        #expect(disagreements == 0)
        let long = Array(String(repeating: "Diarienummer KS 2021/17, beslut ", count: 40).utf8)
        #expect(long.withUnsafeBufferPointer { PlainTextSignature.isUTF8Text($0, from: 0) })
        #expect(!(long + [0x01] + long).withUnsafeBufferPointer { PlainTextSignature.isUTF8Text($0, from: 0) })
        #expect(!(long + [0x7F]).withUnsafeBufferPointer { PlainTextSignature.isUTF8Text($0, from: 0) })
    }
}
