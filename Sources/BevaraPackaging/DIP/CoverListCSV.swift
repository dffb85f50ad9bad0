/// `documentation/cover-list.csv`: the cover list's table for spreadsheets. UTF-8 with a byte
/// order mark (so Excel reads å ä ö), `;`-separated (Excel's separator in a Swedish locale), CRLF
/// line ends and RFC 4180 quoting. A record's files share one cell, one per line.
enum CoverListCSV {
    static let columns = ["Diarienummer", "Handling", "Datum", "Titel", "Utfall", "Lagrum", "Skäl", "Filer"]
    static let byteOrderMark = "\u{FEFF}"

    static func write(to path: String, rows: [CoverListRow]) throws {
        let out = try SpliceableOutput(path: path)
        try out.write(byteOrderMark + line(columns))
        for row in rows {
            try out.write(line([row.diarienummer, row.recordID, row.date ?? "", row.title, row.outcome.swedish,
                                row.legalReference ?? "", row.reason ?? "", row.files.joined(separator: "\n")]))
        }
        try out.close()
    }

    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ";") + "\r\n"
    }

    /// One field, quoted when it holds `;`, `"`, CR or LF (quotes doubled). A value a spreadsheet
    /// would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`,
    /// as OWASP advises against CSV injection: the file goes to a member of the public.
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        }
        guard value.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
