import BevaraArchiveIO
import BevaraPackaging
import Foundation
import Testing

/// The cover list as the requester opens it: hostile titles stay text in the HTML, separators and
/// quotes survive a CSV round trip, and Swedish letters arrive intact in both.
@Suite struct DIPCoverListTests {
    static let hostileTitle = "<script>alert(\"x\")</script> & Co's <b>"
    static let csvTitle = "Beslut; \"slutligt\" om förråd"

    /// Writes the fixture as a folder with its first row's title and reason replaced, then runs
    /// `body` with the fixture and the package's documentation folder (removed afterwards).
    private func written(title: String, reason: String? = nil, name: String,
                         _ body: (DIPFixture, String) throws -> Void) throws {
        let fx = try DIPFixture()
        defer { withExtendedLifetime(fx) {} }  // the fixture removes its folder when freed
        var rows = fx.rows
        rows[0].title = title
        rows[0].reason = reason
        fx.setRows(rows)
        _ = try fx.write(to: name)
        try withExtendedLifetime(fx) { try body(fx, fx.out + "/" + name + "/documentation") }
    }

    @Test func htmlEscapesTitlesAndRequestValues() throws {
        try written(title: Self.hostileTitle, reason: "a < b & c > d", name: "html") { _, docs in
            let html = try String(contentsOfFile: docs + "/cover-list.html", encoding: .utf8)
            #expect(!html.contains("<script"), "markup from a title must not reach the page")
            #expect(!html.contains("<b>"))
            #expect(html.contains("<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co&#39;s &lt;b&gt;</td>"))
            #expect(html.contains("<td>a &lt; b &amp; c &gt; d</td>"))
            // The request reference has parentheses and å/ö: escaped where needed, otherwise verbatim.
            #expect(html.contains("<dd>KS 2026/17 (Öberg)</dd>"))

            // A real HTML parser sees the title as text in one cell, and no script element at all.
            let parsed = try SIPTools.python("""
                import sys, html.parser
                class P(html.parser.HTMLParser):
                    def __init__(self):
                        super().__init__(); self.tags = []; self.cells = []; self.cur = None
                    def handle_starttag(self, tag, attrs):
                        self.tags.append(tag)
                        if tag == "td": self.cur = ""
                    def handle_endtag(self, tag):
                        if tag == "td": self.cells.append(self.cur); self.cur = None
                    def handle_data(self, data):
                        if self.cur is not None: self.cur += data
                p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
                print("script" in p.tags)
                print(sys.argv[2] in p.cells)
                """, [docs + "/cover-list.html", Self.hostileTitle])
            #expect(parsed.output == "False\nTrue\n", "\(parsed.output)")
        }
    }

    @Test func csvQuotesSeparatorsAndQuotesAndRoundTrips() throws {
        try written(title: Self.csvTitle, reason: "rad ett\nrad två", name: "csv") { fx, docs in
            let data = try #require(FileManager.default.contents(atPath: docs + "/cover-list.csv"))
            #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 byte order mark for Excel")
            let text = String(decoding: data.dropFirst(3), as: UTF8.self)
            #expect(text.hasPrefix("Diarienummer;Handling;Datum;Titel;Utfall;Lagrum;Skäl;Filer\r\n"))
            #expect(text.contains(";\"Beslut; \"\"slutligt\"\" om förråd\";"), "RFC 4180: quoted, inner quotes doubled")
            #expect(text.contains("\"rad ett\nrad två\""))

            // Python's csv module (RFC 4180 dialect with ';') reads back exactly what went in.
            let parsed = try SIPTools.python("""
                import sys, csv, json
                with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
                    print(json.dumps(list(csv.reader(f, delimiter=";")), ensure_ascii=False))
                """, [docs + "/cover-list.csv"])
            let table = try JSONDecoder().decode([[String]].self, from: Data(parsed.output.utf8))
            #expect(table.count == fx.rows.count + 1)
            #expect(table.allSatisfy { $0.count == 8 })
            let expected = fx.rows.map { row in
                [row.diarienummer, row.recordID, row.date ?? "", row.title, row.outcome.swedish, row.legalReference ?? "",
                 row.reason ?? "", row.files.joined(separator: "\n")]
            }
            #expect(Array(table.dropFirst()) == expected)
        }
    }

    @Test func csvDefusesSpreadsheetFormulas() throws {
        try written(title: "=HYPERLINK(\"http://example.invalid\";\"klicka\")", name: "formula") { _, docs in
            let text = String(decoding: try #require(FileManager.default.contents(atPath: docs + "/cover-list.csv")), as: UTF8.self)
            #expect(text.contains(";\"'=HYPERLINK(\"\"http://example.invalid\"\";\"\"klicka\"\")\";"))
            #expect(!text.contains(";\"=HYPERLINK"))
        }
    }

    @Test func swedishCharactersSurviveInHTMLAndCSV() throws {
        let title = "Överklagande av beslut om förråd på Åsbacka – ärende för Örjan Ängström"
        try written(title: title, reason: "Sekretess enligt 26 kap. (socialtjänst)", name: "svenska") { _, docs in
            let html = try String(contentsOfFile: docs + "/cover-list.html", encoding: .utf8)
            #expect(html.contains("<meta charset=\"utf-8\">"))
            #expect(html.contains("<td>\(title)</td>"))
            #expect(html.contains("<td>ÖFN 2021/5</td>"))
            #expect(html.contains("<dd>Vänersborgs kommun, Byggnadsnämnden</dd>"))
            #expect(html.contains("<dd>örjan.lindström</dd>"))
            #expect(html.contains("<h2>Om du vill överklaga</h2>"))
            let csvData = try #require(FileManager.default.contents(atPath: docs + "/cover-list.csv"))
            let csv = try #require(String(data: csvData.dropFirst(3), encoding: .utf8), "CSV is valid UTF-8")
            #expect(csv.contains(";\(title);"))
            #expect(csv.contains("ÖFN 2021/5;ÖFN 2021/5:1;2021-08;Överklagande;Lämnas ut;;;ÖFN_2021_5/001-Överklagande.txt\r\n"))
            // Precomposed letters, as typed: no decomposition on the way through.
            #expect(csv.unicodeScalars.contains("\u{00C5}") && !csv.unicodeScalars.contains("\u{030A}"))
        }
    }

    @Test func allReleasedOmitsTheAppealNote() throws {
        let fx = try DIPFixture()
        defer { withExtendedLifetime(fx) {} }  // the fixture removes its folder when freed
        fx.setRows(fx.rows.filter { $0.outcome == .released })
        _ = try fx.write(to: "allt")
        let html = try String(contentsOfFile: fx.out + "/allt/documentation/cover-list.html", encoding: .utf8)
        #expect(!html.contains("kammarrätten"))
        #expect(html.contains("2 handlingar: 2 lämnas ut, 0 lämnas ut med maskning, 0 lämnas inte ut."))
    }
}
