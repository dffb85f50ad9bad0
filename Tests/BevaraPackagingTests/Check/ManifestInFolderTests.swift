@testable import BevaraPackaging
import BevaraProfiles
import Testing

/// The per-folder manifest lookup answers exactly what a query per path answers.
@Suite struct ManifestInFolderTests {
    @Test func answersAsAQueryPerPath() throws {
        let catalog = try ExportCatalog()
        var listed = ["a.txt", "ks-2021-1/a.txt", "ks-2021-1/b.txt", "ks-2021-10/a.txt", "ks-2021-1/under/a.txt",
                      "Ö/å.txt", "ks-2021-1.txt"]
        // A crowded folder: more entries than one range query may bring.
        listed += (0 ... ManifestInFolder.folderLimit).map { "många/\($0).pdf" }
        for (line, path) in listed.enumerated() {
            try catalog.addManifestEntry(path: path, sha256: String(repeating: "a", count: 63) + "\(line % 10)", line: line + 1)
        }
        var lookup = ManifestInFolder(catalog: catalog)
        let asked = listed + ["b.txt", "ks-2021-1/c.txt", "ks-2021-1/under", "ks-2021-10/b.txt", "Ö/a.txt", "många/x.pdf",
                              "ks-2021-1/under/a.txt", "ks-2021-1/a.txt", "saknas/a.txt", "ks-2021-1"]
        for path in asked {
            let expected = try catalog.manifestEntry(path: path)
            let got = try lookup.entry(path)
            #expect(got?.sha256 == expected?.sha256 && got?.line == expected?.line, "\(path)")
        }
    }
}
