@testable import BevaraPackaging
import BevaraModel
import BevaraProfiles
import Testing

/// The per-folder lookups answer exactly what a query per path answers: files in the file root,
/// folders sharing a name prefix, nested folders, folders asked again, a folder over the limit.
@Suite struct FolderLookupTests {
    let asked = ["b.txt", "ks-2021-1/c.txt", "ks-2021-1/under", "ks-2021-10/b.txt", "Ö/a.txt", "många/x.pdf",
                 "ks-2021-1/under/a.txt", "ks-2021-1/a.txt", "saknas/a.txt", "ks-2021-1"]

    func paths() -> [String] {
        ["a.txt", "ks-2021-1/a.txt", "ks-2021-1/b.txt", "ks-2021-10/a.txt", "ks-2021-1/under/a.txt", "Ö/å.txt", "ks-2021-1.txt"]
            + (0 ... FolderLookup<Void>.folderLimit).map { "många/\($0).pdf" }  // more than one range query may bring
    }

    @Test func manifestAnswersAsAQueryPerPath() throws {
        let catalog = try ExportCatalog()
        let listed = paths()
        for (line, path) in listed.enumerated() {
            try catalog.addManifestEntry(path: path, sha256: String(repeating: "a", count: 63) + "\(line % 10)", line: line + 1)
        }
        var lookup = FolderLookup.manifest(in: catalog)
        for path in listed + asked {
            let expected = try catalog.manifestEntry(path: path)
            let got = try lookup.answer(path)
            #expect(got?.sha256 == expected?.sha256 && got?.line == expected?.line, "\(path)")
        }
    }

    @Test func referencesAnswerAsAQueryPerPath() throws {
        let catalog = try ExportCatalog()
        let listed = paths()
        for (i, path) in listed.enumerated() {
            try catalog.add(file: FileReference(path: path, source: SourceLocation(file: "filer.csv", line: i + 2)), recordID: "r\(i)")
        }
        var lookup = FolderLookup.referenced(in: catalog)
        for path in listed + asked {
            #expect((try lookup.answer(path) != nil) == (try catalog.isReferenced(path: path)), "\(path)")
        }
    }
}
