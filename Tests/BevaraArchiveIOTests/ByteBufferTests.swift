import BevaraArchiveIO
import Testing

@Suite struct ByteBufferTests {
    @Test func appendsGrowPastTheCapacityAndKeepEveryByteInOrder() {
        var buffer = ByteBuffer(capacity: 16)
        var expected: [UInt8] = []
        for i in 0 ..< 1000 {
            let piece = Array("åtgärd \(i) <x/>".utf8)
            piece.withUnsafeBufferPointer { buffer.append($0) }
            buffer.append(UInt8(ascii: "\n"))
            expected += piece + [UInt8(ascii: "\n")]
        }
        let count = buffer.count
        let bytes = buffer.withUnsafeBytes { Array($0) }
        #expect(count == expected.count)
        #expect(bytes == expected)
    }

    @Test func stringsLiteralsAndEmptyPiecesAppendAsUTF8() {
        var buffer = ByteBuffer()
        buffer.append(literal: "<a ")
        buffer.append(utf8: "Ärende")
        buffer.append(utf8: "")
        buffer.append(UnsafeBufferPointer<UInt8>(start: nil, count: 0))
        buffer.append(utf8: String(repeating: "ö", count: 40))  // a native, not small, string
        let text = buffer.text
        #expect(text == "<a Ärende" + String(repeating: "ö", count: 40))
        buffer.removeAll()
        let empty = buffer.isEmpty
        #expect(empty)
        buffer.append(literal: "x")
        let after = buffer.text
        #expect(after == "x")
    }
}
