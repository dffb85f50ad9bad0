import Foundation

/// What the tokenizer found next in a CSV file.
enum CSVEvent: Equatable {
    /// A row with its fields and the 1-based line it starts on.
    case row([String], line: Int)
    /// A row that cannot be split into fields; it is skipped and reading goes on.
    case syntaxError(line: Int, message: String)
    /// Bytes that are not valid in the declared encoding; nothing more is read from the file.
    case encodingError(line: Int, byteOffset: Int64, message: String)
}

/// A streaming RFC 4180 CSV tokenizer over a strictly decoded file.
///
/// Our own small state machine rather than a package: no CSV package on the mirror reports byte
/// offsets for encoding errors, decodes strictly (windows-1252 included) and streams from disk at
/// once. Supports quoted fields with doubled quotes, delimiters and line breaks inside quotes,
/// CRLF, LF or CR line ends, and any single-character delimiter (`;`, `¤` …). Blank lines are
/// skipped. Memory holds one row.
struct CSVTokenizer {
    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    private var reader: ChunkedByteReader
    private let decoder: StrictDecoder
    private let displayPath: String
    private let delimiter: Unicode.Scalar
    private let quote: Unicode.Scalar?

    private var state = State.fieldStart
    private var fields: [String] = []
    /// The current field as UTF-8 bytes; re-encoded scalars are valid by construction.
    private var field: [UInt8] = []
    private var line = 1
    private var rowLine = 1
    private var rowActive = false
    private var rowHasContent = false
    private var rowProblem: String?
    private var quotedFieldLine = 1
    private var lastWasCR = false
    private var finished = false
    private var checkedStart = false
    /// Bytes that stand for themselves inside a field in every supported encoding: printable
    /// ASCII other than the delimiter and the quote. Runs of them are copied in one piece; each
    /// decoded and appended alone was most of the time spent reading a large table.
    private let plainBytes: [Bool]

    init(path: String, displayPath: String, encoding: CSVEncoding, delimiter: Unicode.Scalar, quote: Unicode.Scalar?) throws(ExportReadError) {
        reader = try ChunkedByteReader(path: path, displayPath: displayPath)
        decoder = StrictDecoder(encoding: encoding)
        self.displayPath = displayPath
        self.delimiter = delimiter
        self.quote = quote
        plainBytes = (0 ..< 256).map { b in
            b >= 0x20 && b < 0x7F && b != Int(delimiter.value) && b != Int(quote?.value ?? 0)
        }
    }

    /// The next row or problem; nil when the file is done (or after an encoding error).
    mutating func next() throws(ExportReadError) -> CSVEvent? {
        guard !finished else { return nil }
        if !checkedStart {
            checkedStart = true
            if let problem = try skipByteOrderMark() { return finish(problem) }
        }
        while true {
            // Inside a field, a run of plain bytes changes nothing but the field: no line, row or
            // state is touched by them (ASCII is itself in UTF-8, windows-1252 and ISO 8859-1).
            if state == .unquoted || state == .quoted, reader.appendRun(to: &field, plain: plainBytes) > 0 {
                lastWasCR = false
            }
            switch try decoder.next(from: &reader) {
            case .end:
                return finish(endOfFile())
            case .invalid(let offset, let bytes, let reason):
                let hex = bytes.map { String(format: "0x%02X", $0) }.joined(separator: " ")
                return finish(.encodingError(line: line, byteOffset: offset, message:
                    "\(displayPath) is not valid \(decoder.encoding.rawValue) at byte offset \(offset) (line \(line)): \(reason) (\(hex)); the rest of the file was not read"))
            case .scalar(let scalar, _):
                if let event = consume(scalar) { return event }
            }
        }
    }

    private mutating func finish(_ event: CSVEvent?) -> CSVEvent? {
        finished = true
        reader.close()
        return event
    }

    /// A UTF-8 BOM is skipped for UTF-8; in a file declared as a single-byte encoding it means the
    /// profile's encoding is wrong, which would otherwise only show as a garbled first header.
    private mutating func skipByteOrderMark() throws(ExportReadError) -> CSVEvent? {
        guard try reader.nextBytesEqual([0xEF, 0xBB, 0xBF]) else { return nil }
        if decoder.encoding == .utf8 {
            reader.skip(3)
            return nil
        }
        return .encodingError(line: 1, byteOffset: 0, message:
            "\(displayPath) starts with a UTF-8 byte order mark (bytes 0xEF 0xBB 0xBF at byte offset 0, line 1) but the profile declares \(decoder.encoding.rawValue); the file was not read")
    }

    private mutating func consume(_ c: Unicode.Scalar) -> CSVEvent? {
        if !rowActive {
            rowActive = true
            rowLine = line
        }
        // Line numbers count LF, CRLF and a lone CR once each, inside quotes too.
        let isNewline = c == "\n" || c == "\r"
        if c == "\n" {
            if !lastWasCR { line += 1 }
        } else if c == "\r" {
            line += 1
        }
        defer { lastWasCR = c == "\r" }

        switch state {
        case .fieldStart:
            if c == quote {
                state = .quoted
                quotedFieldLine = line
                rowHasContent = true
            } else if c == delimiter {
                endField()
                rowHasContent = true
            } else if isNewline {
                // After a delimiter the row ends with an empty last field; else the line is blank.
                if rowHasContent { endField() }
                return endRow()
            } else {
                append(c)
                state = .unquoted
                rowHasContent = true
            }
        case .unquoted:
            // A quote inside an unquoted field (`12" skärm`) is kept as a character, as most
            // exporters write it that way.
            if c == delimiter {
                endField()
            } else if isNewline {
                endField()
                return endRow()
            } else {
                append(c)
            }
        case .quoted:
            if c == quote {
                state = .quoteInQuoted
            } else {
                append(c)
            }
        case .quoteInQuoted:
            if c == quote {
                append(c)
                state = .quoted
            } else if c == delimiter {
                endField()
            } else if isNewline {
                endField()
                return endRow()
            } else {
                if rowProblem == nil {
                    rowProblem = "field \(fields.count + 1) has '\(Character(c))' after its closing quote (a quote inside a quoted field must be doubled)"
                }
                append(c)
                state = .unquoted
            }
        }
        return nil
    }

    @inline(__always)
    private mutating func append(_ c: Unicode.Scalar) {
        if c.isASCII {
            field.append(UInt8(c.value))
        } else {
            field.append(contentsOf: UTF8.encode(c)!)
        }
    }

    private mutating func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        state = .fieldStart
    }

    private mutating func endRow() -> CSVEvent? {
        defer {
            fields.removeAll(keepingCapacity: true)
            field.removeAll(keepingCapacity: true)
            state = .fieldStart
            rowActive = false
            rowHasContent = false
            rowProblem = nil
        }
        guard rowHasContent else { return nil }
        if let rowProblem { return .syntaxError(line: rowLine, message: "\(rowProblem); row skipped") }
        return .row(fields, line: rowLine)
    }

    private mutating func endOfFile() -> CSVEvent? {
        if state == .quoted {
            return .syntaxError(line: rowLine, message:
                "field \(fields.count + 1) opens a quote on line \(quotedFieldLine) that is never closed; everything from there to the end of the file is inside it and was not read")
        }
        guard rowHasContent else { return nil }
        endField()
        return endRow()
    }
}
