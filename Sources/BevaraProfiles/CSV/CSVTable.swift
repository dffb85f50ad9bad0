import BevaraModel
import Foundation

/// The CSV dialect a profile declares, checked once before any file is read.
struct CSVDialect {
    let encoding: CSVEncoding
    let delimiter: Unicode.Scalar
    let quote: Unicode.Scalar?
    let nullTokens: NullTokens
    let listSeparator: String?

    init(_ section: CSVSection, profile: String) throws(ExportReadError) {
        guard let encoding = CSVEncoding(profileName: section.encoding) else {
            throw ExportReadError.invalidProfile(profile: profile, reason:
                "csv.encoding '\(section.encoding)' is not supported (use utf-8, windows-1252 or iso-8859-1)")
        }
        self.encoding = encoding
        let delimiterScalars = Array(section.delimiter.unicodeScalars)
        guard delimiterScalars.count == 1, let delimiter = delimiterScalars.first, delimiter != "\n", delimiter != "\r" else {
            throw ExportReadError.invalidProfile(profile: profile, reason:
                "csv.delimiter '\(section.delimiter)' must be exactly one character other than a line break")
        }
        self.delimiter = delimiter
        // No `quote` key means the RFC 4180 double quote; an empty string turns quoting off.
        let quoteText = section.quote ?? "\""
        let quoteScalars = Array(quoteText.unicodeScalars)
        guard quoteScalars.count <= 1, quoteScalars.first != delimiter else {
            throw ExportReadError.invalidProfile(profile: profile, reason:
                "csv.quote '\(quoteText)' must be one character (or empty for none) and differ from the delimiter")
        }
        quote = quoteScalars.first
        nullTokens = NullTokens(section.nullTokens ?? [""])
        listSeparator = section.listSeparator.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// The values a profile's CSV dialect reads as "no value" (`csv.nullTokens`).
struct NullTokens {
    private let tokens: Set<String>
    /// No value longer than this (in UTF-8 bytes) can equal a token, so longer ones (most) skip
    /// hashing: a `Set` lookup hashes the whole value. Strings compare by canonical equivalence,
    /// so a token has longer spellings: an ASCII character's only other spellings are single
    /// characters of at most 3 bytes (U+212A KELVIN SIGN for K, U+037E for ';', U+1FEF for '`'),
    /// so 3 × the longest all-ASCII token; no bound for other tokens.
    private let longestSpelling: Int

    init(_ tokens: [String]) {
        self.tokens = Set(tokens)
        longestSpelling = self.tokens.allSatisfy(\.isASCII)
            ? 3 * (self.tokens.map(\.utf8.count).max() ?? 0) : Int.max
    }

    func contains(_ value: String) -> Bool { value.utf8.count <= longestSpelling && tokens.contains(value) }
}

/// A model field that a table's `columns` may map (README "Profiles"). The raw value is the
/// field's position, so a row finds its column by index (`CSVColumns`).
enum CSVField: Int, CaseIterable {
    case diarienummer, systemID, title, status, opened, closed, classificationCode, classificationText, unit, officer,
         secrecy, legalReference, extraID
    case id, caseNumber, runningNumber, type, direction, date, sender, recipient, secrecyExplanation
    case recordID, name, identityNumber, organisation, address, role, protectedIdentity
    case path, originalName, checksum

    private static let names = allCases.map { String(describing: $0) }

    /// The name profiles use for the field.
    var name: String { Self.names[rawValue] }

    /// The field a profile names; nil for a name that is no field.
    init?(named name: String) {
        guard let i = Self.names.firstIndex(of: name) else { return nil }
        self = Self.allCases[i]
    }
}

/// The columns a table's fields map to: found by the field's position, not by hashing its
/// name (a `Dictionary` keyed by name cost ≈ 300 instructions a lookup, about 16 a row).
struct CSVColumns {
    private var byField = [(index: Int, header: String)?](repeating: nil, count: CSVField.allCases.count)

    subscript(field: CSVField) -> (index: Int, header: String)? {
        get { byField[field.rawValue] }
        set { byField[field.rawValue] = newValue }
    }
}

/// One data row of a table, read by model field.
struct CSVRow {
    let location: SourceLocation
    fileprivate let values: [String]
    fileprivate let columns: CSVColumns
    fileprivate let nullTokens: NullTokens

    /// The value of a model field, trimmed; nil when the field is not mapped, empty or a null token.
    subscript(field: CSVField) -> String? {
        guard let column = columns[field] else { return nil }
        let value = values[column.index].trimmedWhitespace()
        if value.isEmpty || nullTokens.contains(value) { return nil }
        return value
    }

    /// The column header of a field, for messages.
    func header(_ field: CSVField) -> String { columns[field]?.header ?? field.name }
}

/// Streams one table of a CSV export: checks the header against the profile's column map, checks
/// every row's field count and looks for double-encoded text, then hands rows to the caller.
struct CSVTableReader {
    /// `cases`, `records`, `parties` or `files`.
    let name: String
    let table: TablesSection.Table
    let dialect: CSVDialect

    /// Mojibake: UTF-8 bytes of å ä ö Å Ä Ö é read a second time as windows-1252.
    static let mojibake: [(pattern: String, meant: String)] = [
        ("Ã¥", "å"), ("Ã¤", "ä"), ("Ã¶", "ö"), ("Ã…", "Å"), ("Ã„", "Ä"), ("Ã–", "Ö"), ("Ã©", "é"),
    ]

    func read(exportRoot: String, findings: FindingCollector, body: (CSVRow) throws -> Void) throws {
        let file = table.file
        var tokenizer = try CSVTokenizer(path: exportRoot + "/" + file, displayPath: file, encoding: dialect.encoding,
                                         delimiter: dialect.delimiter, quote: dialect.quote)
        // The header is the first row; a file whose header cannot be read has no usable rows.
        var header: [String]?
        var headerLine = 1
        while header == nil {
            guard let event = try tokenizer.next() else {
                findings.error("csv.syntax", SourceLocation(file: file, line: 1),
                               "\(file) has no header row; the \(name) table was not read")
                return
            }
            switch event {
            case .row(let fields, let line):
                header = fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                headerLine = line
            case .syntaxError(let line, let message):
                findings.error("csv.syntax", SourceLocation(file: file, line: line),
                               "\(file) header row: \(message.replacingOccurrences(of: "; row skipped", with: "")); the \(name) table was not read")
                return
            case .encodingError(let line, _, let message):
                findings.error("csv.encoding", SourceLocation(file: file, line: line), message)
                return
            }
        }
        guard let header, let columns = mapColumns(header, line: headerLine, findings: findings) else { return }

        while let event = try tokenizer.next() {
            switch event {
            case .row(let fields, let line):
                let location = SourceLocation(file: file, line: line)
                guard fields.count == header.count else {
                    findings.error("csv.syntax", location,
                                   "row has \(fields.count) fields but the header has \(header.count); row skipped")
                    continue
                }
                checkMojibake(fields, header: header, location: location, findings: findings)
                try body(CSVRow(location: location, values: fields, columns: columns, nullTokens: dialect.nullTokens))
            case .syntaxError(let line, let message):
                findings.error("csv.syntax", SourceLocation(file: file, line: line), message)
            case .encodingError(let line, _, let message):
                findings.error("csv.encoding", SourceLocation(file: file, line: line), message)
            }
        }
    }

    /// Field → column; nil (after reporting every missing header) when a mapped column is absent.
    /// The profile's field names were checked before any file was read (`GenericCSVReader`).
    private func mapColumns(_ header: [String], line: Int, findings: FindingCollector) -> CSVColumns? {
        var position: [String: Int] = [:]
        for (i, name) in header.enumerated() where position[name] == nil { position[name] = i }
        var columns = CSVColumns()
        var missing = false
        for (field, name) in table.columns.sorted(by: { $0.key < $1.key }) {
            if let i = position[name] {
                if let known = CSVField(named: field) { columns[known] = (i, name) }
            } else {
                missing = true
                findings.error("csv.missing-column", SourceLocation(file: table.file, line: line),
                               "\(table.file) has no column '\(name)' (field '\(field)' in tables.\(self.name) maps to it); the \(self.name) table was not read")
            }
        }
        return missing ? nil : columns
    }

    /// True if `value` holds U+00C3 (Ã), whose UTF-8 is C3 83: a byte scan, as Swedish text is full
    /// of other C3 sequences (å ä ö) and a scalar walk per field was measurable.
    ///
    /// Scans the string's buffer (fields are native strings): iterating the `UTF8View` by index
    /// cost ≈ 10 instructions a byte, 1 % of a 9,950-file package (callgrind).
    static func containsCapitalATilde(_ value: String) -> Bool {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard bytes.count > 1 else { return false }
            for i in 1 ..< bytes.count where bytes[i] == 0x83 && bytes[i - 1] == 0xC3 { return true }
            return false
        }
        if let found = value.utf8.withContiguousStorageIfAvailable(scan) { return found }
        return Array(value.utf8).withUnsafeBufferPointer(scan)
    }

    private func checkMojibake(_ fields: [String], header: [String], location: SourceLocation, findings: FindingCollector) {
        for (i, value) in fields.enumerated() where Self.containsCapitalATilde(value) {
            guard let hit = Self.mojibake.first(where: { value.contains($0.pattern) }) else { continue }
            let hint = dialect.encoding == .utf8
                ? "typical of UTF-8 text encoded twice"
                : "typical of UTF-8 text; the file may be UTF-8 although the profile declares \(dialect.encoding.rawValue)"
            findings.warning("csv.mojibake", location,
                             "column \(i + 1) (\(header[i])) contains '\(hit.pattern)' where '\(hit.meant)' was probably meant, \(hint)")
        }
    }
}
