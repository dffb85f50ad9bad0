@testable import BevaraPackaging
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
}
