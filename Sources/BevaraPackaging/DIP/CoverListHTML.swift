import Foundation

/// `documentation/cover-list.html`: the requester's human-readable list of what was asked for and
/// what was released, in Swedish (domain.md §5.4). Every value is HTML-escaped; file names link
/// to the released copies in the package.
enum CoverListHTML {
    static let columns = CoverListCSV.columns

    static func write(to path: String, request: DisclosureRequest, rows: [CoverListRow]) throws {
        let out = try SpliceableOutput(path: path)
        let e = escape
        let date = DIPLayout.swedishDate(request.created)
        try out.write("""
            <!DOCTYPE html>
            <html lang="sv">
            <head>
            <meta charset="utf-8">
            <title>Utlämnande av allmänna handlingar – \(e(request.reference))</title>
            <style>
            body { font-family: sans-serif; margin: 2em; line-height: 1.4; }
            dl { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
            dt { font-weight: bold; }
            dd { margin: 0; }
            table { border-collapse: collapse; }
            th, td { border: 1px solid #888; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
            td.files a { display: block; }
            </style>
            </head>
            <body>
            <h1>Utlämnande av allmänna handlingar</h1>
            <dl>
            <dt>Begäran</dt><dd>\(e(request.reference))</dd>
            <dt>Datum</dt><dd>\(e(date))</dd>
            <dt>Myndighet</dt><dd>\(e(request.organisationName))</dd>
            <dt>Registrator</dt><dd>\(e(request.registrar))</dd>
            </dl>
            <h2>Handlingar</h2>
            <table>
            <thead>
            <tr>\(columns.map { "<th>\(e($0))</th>" }.joined())</tr>
            </thead>
            <tbody>

            """)
        for row in rows {
            var cells = [row.diarienummer, row.recordID, row.date ?? "", row.title, row.outcome.swedish,
                         row.legalReference ?? "", row.reason ?? ""].map { "<td>\(e($0))</td>" }
            let links = row.files.map { "<a href=\"\(e(href(for: $0)))\">\(e($0))</a>" }
            cells.append("<td class=\"files\">\(links.joined())</td>")
            try out.write("<tr>" + cells.joined() + "</tr>\n")
        }
        try out.write("</tbody>\n</table>\n")
        try out.write("<p>\(e(summary(rows)))</p>\n")
        if rows.contains(where: { $0.outcome != .released }) {
            try out.write("<h2>Om du vill överklaga</h2>\n<p>\(e(appealNote))</p>\n")
        }
        try out.write("""
            <p><small>Paketet är sammanställt av \(e(request.archiveName)) med Bevara \(e(request.softwareVersion)). \
            Filerna finns i mappen representations/rep1/data; deras kontrollsummor (SHA-256) står i METS.xml \
            och representations/rep1/METS.xml. Samma lista finns som cover-list.csv.</small></p>
            </body>
            </html>

            """)
        try out.close()
    }

    /// The requester's right to a written decision and to appeal it (domain.md §5.1 step 7).
    /// Shown when anything is withheld or masked: a masking is a refusal in part.
    static let appealNote = "Om du inte är nöjd med att en handling eller uppgifter i den inte lämnas ut kan du begära "
        + "att myndigheten prövar frågan och fattar ett skriftligt beslut (6 kap. 3 § offentlighets- och sekretesslagen). "
        + "Beslutet anger lagrum och hur du överklagar. Myndighetens beslut kan överklagas till kammarrätten "
        + "(6 kap. 8 § offentlighets- och sekretesslagen). Överklagandet skickas till myndigheten och ska ha kommit in "
        + "inom tre veckor från den dag du fick del av beslutet."

    /// A one-line count of the outcomes, e.g. "3 handlingar: 1 lämnas ut, 1 lämnas ut med maskning, 1 lämnas inte ut."
    static func summary(_ rows: [CoverListRow]) -> String {
        let counts = CoverListRow.Outcome.allCases.map { outcome in
            "\(rows.filter { $0.outcome == outcome }.count) \(outcome.swedish.lowercased())"
        }
        return "\(rows.count) \(rows.count == 1 ? "handling" : "handlingar"): " + counts.joined(separator: ", ") + "."
    }

    /// Relative link from `documentation/` to a released file, each segment percent-encoded.
    static func href(for packagePath: String) -> String {
        // RFC 3986 unreserved characters only: everything else, including å ä ö, is encoded.
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let encoded = packagePath.split(separator: "/", omittingEmptySubsequences: false)
            .map { String($0).addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
            .joined(separator: "/")
        return "../" + DIPLayout.dataDir + "/" + encoded
    }

    /// Escapes `& < > " '` and replaces control characters HTML forbids with U+FFFD.
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            case "\t", "\n": out.append(scalar)
            default:
                let v = scalar.value
                out.append(v < 0x20 || (0x7F...0x9F).contains(v) ? "\u{FFFD}" : scalar)
            }
        }
        return String(out)
    }
}
