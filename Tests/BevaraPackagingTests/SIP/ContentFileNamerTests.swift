import BevaraArchiveIO
@testable import BevaraPackaging
import Foundation
import Testing

/// The remembered slugs must give exactly the names the layout gives, also after the bounded
/// cache has been cleared.
@Suite struct ContentFileNamerTests {
    @Test func namesMatchTheLayoutForRepeatedAndManyNames() {
        var namer = ContentFileNamer()
        let repeated = ["Beslut.pdf", "Utredning (sekretess).xml", "Bilaga 1 – Foto skada.jpg", "Åsikt från Öxnered.docx", ".hidden", ""]
        for round in 0..<3 {
            for (i, name) in repeated.enumerated() {
                #expect(namer.name(index: i + round, originalName: name)
                        == PackageLayout.contentFileName(index: i + round, originalName: name))
            }
        }
        for i in 0..<(ContentFileNamer.capacity + 10) {
            let name = "Skrivelse \(i % (ContentFileNamer.capacity + 3)).pdf"
            #expect(namer.name(index: 1000 + i, originalName: name) == PackageLayout.contentFileName(index: 1000 + i, originalName: name))
        }
    }

    /// The slug skips Foundation's `_.` → `.` replacing when the slug has no `_.`; the result is
    /// the same as always replacing, byte for byte.
    @Test(arguments: ["Beslut.pdf", "Utredning (sekretess).xml", "a (b).c (d).e", "Bilaga 1 – Anteckning.txt", "_.x", "x_", "x_.",
                      "(1).", "..._...", "Åsikt från Öxnered.docx", "", ".hidden", "a__.b", "namn med . punkt (2).PDF"])
    func slugAsIfAlwaysReplaced(name: String) {
        let always = SafePath.slug(name).replacingOccurrences(of: "_.", with: ".")
        #expect(Array(PackageLayout.contentFileSlug(name).utf8) == Array(always.utf8))
    }
    @Test func slugDropsUnderscoreBeforeDot() {
        #expect(PackageLayout.contentFileSlug("Utredning (sekretess).xml") == "Utredning_sekretess.xml")
    }
}
