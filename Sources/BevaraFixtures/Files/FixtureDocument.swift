/// The text of one generated document: what a PDF page, a DOCX body, a text or XML file says.
///
/// PDF and DOCX files carry this text as real, extractable text (a PDF content stream with a
/// standard font, `w:t` runs in DOCX), so full-text extraction can be tested against it.
public struct FixtureDocument: Sendable, Hashable {
    /// A line above the title, e.g. "Vänersborgs kommun – Kommunstyrelsen".
    public var heading: String
    /// The document title (also the PDF/DOCX title property).
    public var title: String
    /// Body paragraphs.
    public var paragraphs: [String]
    /// `yyyy-MM-dd`, shown under the title and used for embedded dates.
    public var date: String?

    public init(heading: String, title: String, paragraphs: [String], date: String? = nil) {
        self.heading = heading
        self.title = title
        self.paragraphs = paragraphs
        self.date = date
    }

    /// All text lines in reading order: heading, title, date, paragraphs.
    var lines: [String] {
        [heading, title] + (date.map { ["Datum: \($0)"] } ?? []) + paragraphs
    }
}
