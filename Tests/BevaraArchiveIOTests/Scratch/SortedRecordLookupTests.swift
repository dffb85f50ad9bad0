import BevaraArchiveIO
import Foundation
import Testing

/// The forward-pass lookup in both key orders: `String`'s, where NFC and NFD spellings of a name
/// are one key, and UTF-8 bytes, where only identical bytes are.
@Suite struct SortedRecordLookupTests {
    private let nfc = "d/l\u{E5}da.txt", nfd = "d/la\u{30A}da.txt"

    private func file(_ keys: [String], order: KeyOrder) throws -> (dir: String, reader: RecordFileReader) {
        let dir = try RecordFileTests.scratch()
        let writer = try RecordFileWriter(path: dir + "/r")
        for key in keys.sorted(by: order.precedes) { try writer.append(key, "v:" + key) }
        try writer.close()
        return (dir, try RecordFileReader(path: dir + "/r"))
    }

    @Test func byteOrderMatchesOnlyTheSameBytes() throws {
        let (dir, reader) = try file(["a.pdf", nfc, "e.pdf"], order: .utf8Bytes)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lookup = SortedRecordLookup(reader, fields: 2, order: .utf8Bytes)
        #expect(try lookup.record(for: "a.pdf")?.first == "v:a.pdf")
        #expect(try lookup.record(for: "b.pdf") == nil)
        #expect(try lookup.record(for: nfd) == nil)  // its bytes sort before the NFC spelling's
        #expect(try lookup.record(for: nfc)?.first == "v:" + nfc)
        #expect(try lookup.record(for: "e.pdf")?.first == "v:e.pdf")
        #expect(try lookup.record(for: "f.pdf") == nil)
    }

    @Test func stringOrderTakesEitherSpelling() throws {
        let (dir, reader) = try file(["a.pdf", nfc, "e.pdf"], order: .string)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lookup = SortedRecordLookup(reader, fields: 2)
        #expect(try lookup.record(for: "a.pdf")?.first == "v:a.pdf")
        #expect(try lookup.record(for: nfd)?.first == "v:" + nfc)
        #expect(try lookup.record(for: "e.pdf")?.first == "v:e.pdf")
    }

    @Test func byteOrderIsMemcmpOrder() {
        let keys = ["", "a", "ab", "b", "a/b", "a0", "ä", "z", "\u{7F}", nfc, nfd]
        for a in keys {
            for b in keys {
                let c = KeyOrder.utf8Bytes.compare(a, b)
                let expected = Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) ? -1 : (Array(a.utf8) == Array(b.utf8) ? 0 : 1)
                #expect(c.signum() == expected, "\(a) \(b)")
            }
        }
    }
}
