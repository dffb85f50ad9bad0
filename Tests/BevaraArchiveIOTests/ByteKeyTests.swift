import BevaraArchiveIO
import Testing

struct ByteKeyTests {
    @Test func equalBytesAreOneKeyAndOthersAreNot() {
        // "å" precomposed and decomposed are equal Strings but different bytes: paths are compared
        // byte for byte, as SQLite compares them.
        let names = ["a.pdf", "å.pdf", "a\u{30A}.pdf", "", "a.pdf\u{0}", "b.pdf"]
        var table: [ByteKey: Int] = [:]
        for (i, name) in names.enumerated() { table[ByteKey(name.utf8)] = i }
        #expect(table.count == names.count)
        for (i, name) in names.enumerated() {
            #expect(table[ByteKey(Array(name.utf8))] == i, "\(name)")
            #expect(table[ByteKey(name.utf8.dropLast(0))] == i)
        }
        #expect(table[ByteKey("c.pdf".utf8)] == nil)
        #expect(ByteKey([1, 2]) != ByteKey([1, 2, 0]))
        #expect(ByteKey([1, 2]).hashValue == ByteKey([1, 2]).hashValue)
    }
}
