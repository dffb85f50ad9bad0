/// The file formats the generator can make, each a real, valid file identified by its content.
public enum FixtureFileKind: String, CaseIterable, Sendable, Codable, Hashable {
    case pdf, txt, xml, jpeg, docx, png

    /// The file-name extension used for this format.
    public var fileExtension: String {
        switch self {
        case .pdf: return "pdf"
        case .txt: return "txt"
        case .xml: return "xml"
        case .jpeg: return "jpg"
        case .docx: return "docx"
        case .png: return "png"
        }
    }

    /// The MIME type libmagic reports for files of this kind (after Bevara's `text/xml` →
    /// `application/xml` refinement); also what FGS `Bilaga/@Mimetyp` declares.
    public var mimeType: String {
        switch self {
        case .pdf: return "application/pdf"
        case .txt: return "text/plain"
        case .xml: return "application/xml"
        case .jpeg: return "image/jpeg"
        case .docx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .png: return "image/png"
        }
    }

    /// The smallest size the generator plans for a file of this kind. Every document the
    /// generator writes fits under it, so a planned size at or above this floor is hit exactly.
    public var minimumPlannedSize: Int64 {
        switch self {
        case .pdf: return 2_560
        case .txt: return 1_024
        case .xml: return 1_536
        case .jpeg: return 3_072
        case .docx: return 4_096
        case .png: return 1_024
        }
    }
}
