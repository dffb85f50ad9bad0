@testable import BevaraIngest
import Foundation
import Testing

/// Which stored paths the indexer reads as ERMS and as content: the byte-level name check answers
/// as `NSString.lastPathComponent` + `lowercased()` did.
@Suite struct AIPIndexerPathTests {
    private static func reference(_ path: String) -> Bool {
        (path as NSString).lastPathComponent.lowercased() == "erms.xml"
            && (path.hasPrefix("representations/") || path.hasPrefix("metadata/descriptive/"))
    }

    @Test(arguments: [
        "representations/rep1/data/erms.xml", "representations/rep1/data/ERMS.XML", "metadata/descriptive/Erms.Xml",
        "metadata/descriptive/erms.xml/", "representations/rep1/erms.xml.bak", "representations/rep1/data/xerms.xml",
        "representations/rep1/data/erms\u{0E}xml", "representations/rep1/data/erms.xmL", "metadata/descriptive/ermsäxml",
        "metadata/other/erms.xml", "erms.xml", "representations/erms.xml", "representations/rep1/data/a.pdf",
        "representations/rep1/data/KS_2016_1/erms.xml", "metadata/descriptive/erms.xml//", "representations/rep1/data/\u{212A}erms.xml",
        // The `/data/` search (bytes, not Foundation): at the end, cut short, repeated, after a partial match.
        "representations/rep1/data/", "representations/rep1/data", "representations/rep1/datadata/a.pdf",
        "representations/rep1/d/data/a.pdf", "representations/rep1/dat/ata/a.pdf", "representations/rep1/Data/a.pdf",
        "representations/data/", "representations//data/x", "representations/å/data/ä.pdf",
    ])
    func ermsAsFoundationNamesIt(path: String) {
        #expect(AIPIndexer.isERMS(path) == Self.reference(path))
        #expect(AIPIndexer.isContent(path) == (path.hasPrefix("representations/") && path.contains("/data/") && !Self.reference(path)))
    }
}
