@testable import BevaraProfiles
import Foundation
import Testing

@Suite struct CSVTokenizerTests {
    func events(_ bytes: [UInt8], encoding: CSVEncoding = .utf8, delimiter: Unicode.Scalar = ";") throws -> [CSVEvent] {
        let export = try TempExport()
        try export.write("t.csv", bytes: bytes)
        var tokenizer = try CSVTokenizer(path: export.path + "/t.csv", displayPath: "t.csv", encoding: encoding,
                                         delimiter: delimiter, quote: "\"")
        var result: [CSVEvent] = []
        while let event = try tokenizer.next() { result.append(event) }
        return result
    }

    func events(_ text: String, delimiter: Unicode.Scalar = ";") throws -> [CSVEvent] {
        try events(Array(text.utf8), delimiter: delimiter)
    }

    @Test func quotedFieldsHoldDelimitersNewlinesAndDoubledQuotes() throws {
        let csv = "a;b;c\n\"x;y\";\"two\nlines\";\"say \"\"hej\"\"\"\nplain;\"\";last\n"
        #expect(try events(csv) == [
            .row(["a", "b", "c"], line: 1),
            .row(["x;y", "two\nlines", "say \"hej\""], line: 2),
            .row(["plain", "", "last"], line: 4),
        ])
    }

    @Test func crlfAndBlankLinesAndMissingFinalNewline() throws {
        #expect(try events("a;b\r\n1;2\r\n\r\n3;\r\n4;5") == [
            .row(["a", "b"], line: 1), .row(["1", "2"], line: 2), .row(["3", ""], line: 4), .row(["4", "5"], line: 5),
        ])
    }

    /// Runs of plain ASCII are copied in one piece; what stops a run (a delimiter, a quote, a line
    /// break, a tab, a non-ASCII character, the end of a 64 KiB chunk) is handled as before.
    @Test func plainRunsStopWhereTheyMust() throws {
        let long = String(repeating: "abcdefghij", count: 7_000)  // 70,000 bytes: crosses a chunk
        let csv = "a;b\nKS 2021/1;Åsa Ödqvist och Bo\n\"x;y \"\"q\"\" \r\nz\";tab\there\n" + long + ";\"" + long + "\"\nsista;\"rad\"x\n"
        #expect(try events(csv) == [
            .row(["a", "b"], line: 1),
            .row(["KS 2021/1", "Åsa Ödqvist och Bo"], line: 2),
            .row(["x;y \"q\" \r\nz", "tab\there"], line: 3),
            .row([long, long], line: 5),
            .syntaxError(line: 6, message: "field 2 has 'x' after its closing quote (a quote inside a quoted field must be doubled); row skipped"),
        ])
        // windows-1252: bytes 0x80–0x9F are letters there, never part of a plain run.
        let cp1252: [UInt8] = Array("namn;pris\n".utf8) + [0x80, 0x20, 0x41, 0x3B, 0x39, 0x96, 0x31, 0x0A]
        #expect(try events(cp1252, encoding: .windows1252) == [.row(["namn", "pris"], line: 1), .row(["€ A", "9–1"], line: 2)])
    }

    @Test func multiByteDelimiter() throws {
        // `¤` is two bytes in UTF-8; free text keeps its semicolons.
        #expect(try events("Dnr¤Rubrik\nKS 2021/1¤Möte; protokoll\n", delimiter: "¤") == [
            .row(["Dnr", "Rubrik"], line: 1), .row(["KS 2021/1", "Möte; protokoll"], line: 2),
        ])
    }

    @Test func skipsUTF8ByteOrderMark() throws {
        #expect(try events([0xEF, 0xBB, 0xBF] + Array("Namn\nÅsa\n".utf8)) == [.row(["Namn"], line: 1), .row(["Åsa"], line: 2)])
    }

    @Test func byteOrderMarkInASingleByteFileIsAnEncodingError() throws {
        let result = try events([0xEF, 0xBB, 0xBF] + Array("Namn\n".utf8), encoding: .windows1252)
        #expect(result == [.encodingError(line: 1, byteOffset: 0, message:
            "t.csv starts with a UTF-8 byte order mark (bytes 0xEF 0xBB 0xBF at byte offset 0, line 1) but the profile declares windows-1252; the file was not read")])
    }

    @Test func decodesWindows1252AndLatin1() throws {
        let bytes: [UInt8] = Array("Namn;Belopp\n".utf8) + [0xC5, 0x73, 0x61, 0x3B, 0x80, 0x31, 0x0A]  // "Åsa;€1"
        #expect(try events(bytes, encoding: .windows1252) == [.row(["Namn", "Belopp"], line: 1), .row(["Åsa", "€1"], line: 2)])
        #expect(try events(bytes, encoding: .latin1) == [.row(["Namn", "Belopp"], line: 1), .row(["Åsa", "\u{80}1"], line: 2)])
    }

    @Test func undefinedWindows1252ByteIsAnError() throws {
        let bytes: [UInt8] = Array("a\nb".utf8) + [0x81] + Array("\n".utf8)
        #expect(try events(bytes, encoding: .windows1252) == [
            .row(["a"], line: 1),
            .encodingError(line: 2, byteOffset: 3, message:
                "t.csv is not valid windows-1252 at byte offset 3 (line 2): a byte that windows-1252 does not define (0x81); the rest of the file was not read"),
        ])
    }

    @Test func invalidUTF8StopsTheFileWithOffsetAndLine() throws {
        // Overlong encoding of "/" (0xC0 0xAF) and a sequence cut off at the end of the file.
        #expect(try events(Array("a\n".utf8) + [0xC0, 0xAF]) == [
            .row(["a"], line: 1),
            .encodingError(line: 2, byteOffset: 2, message:
                "t.csv is not valid UTF-8 at byte offset 2 (line 2): a byte that cannot start a UTF-8 character (0xC0); the rest of the file was not read"),
        ])
        #expect(try events(Array("a\nb".utf8) + [0xE2, 0x82]) == [
            .row(["a"], line: 1),
            .encodingError(line: 2, byteOffset: 3, message:
                "t.csv is not valid UTF-8 at byte offset 3 (line 2): a UTF-8 sequence cut off by the end of the file (0xE2 0x82); the rest of the file was not read"),
        ])
        // A UTF-16 surrogate encoded in UTF-8 (0xED 0xA0 0x80) is not valid UTF-8.
        #expect(try events([0xED, 0xA0, 0x80]).first == .encodingError(line: 1, byteOffset: 0, message:
            "t.csv is not valid UTF-8 at byte offset 0 (line 1): an invalid UTF-8 sequence (0xED 0xA0); the rest of the file was not read"))
    }

    @Test func characterSplitAcrossReadChunksDecodes() throws {
        // Put "ö" (0xC3 0xB6) across the 64 KiB chunk boundary.
        let filler = String(repeating: "x", count: ChunkedByteReader.chunkSize - 3)
        let text = "h\n" + filler + "ö\n"
        let result = try events(text)
        #expect(result == [.row(["h"], line: 1), .row([filler + "ö"], line: 2)])
    }

    @Test func syntaxErrorsSkipTheRowWithItsLine() throws {
        let csv = "a;b\n1;2\n\"bad\"x;3\n4;5\n\"never closed;6\n7;8\n"
        #expect(try events(csv) == [
            .row(["a", "b"], line: 1),
            .row(["1", "2"], line: 2),
            .syntaxError(line: 3, message: "field 1 has 'x' after its closing quote (a quote inside a quoted field must be doubled); row skipped"),
            .row(["4", "5"], line: 4),
            .syntaxError(line: 5, message: "field 1 opens a quote on line 5 that is never closed; everything from there to the end of the file is inside it and was not read"),
        ])
    }
}
