import BevaraArchiveIO
@testable import BevaraIngest
import BevaraPackaging
import Foundation
import Testing

/// Storing walks the package and the METS file list from scratch files instead of arrays: the
/// walk must meet files in the order the sorted array had, and the list must read back as the
/// array sorted by path did (out-of-order files merged in, equal paths in their old order).
@Suite struct PackageListingTests {
    @Test func folderWalkIsFullPathOrder() throws {
        let root = try ScratchFileTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let names = ["a", "a.txt", "a-b/x", "a/b", "a/b.txt", "a/b/c", "B", "METS.xml", "submission/METS.xml",
                     "représentations/é.pdf", "representations/rep1/data/KS_1/001.pdf", "representations/rep1/data/KS_10/1",
                     "representations/rep1/data/KS_1.txt", "z/ä/ö", "z/a/o", ".hidden", "z0"]
        for name in names where !names.contains(where: { $0.hasPrefix(name + "/") }) {
            let path = root + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(name.utf8).write(to: URL(fileURLWithPath: path))
        }
        // What PackageTree.files(under:) returned before: every regular file, sorted by path.
        var expected: [String] = []
        let walker = FileManager.default.enumerator(atPath: root)!
        while let relative = walker.nextObject() as? String {
            var info = stat()
            if lstat(root + "/" + relative, &info) == 0, info.st_mode & S_IFMT == S_IFREG { expected.append(relative) }
        }
        expected.sort()
        let listing = try PackageTree.list(under: root, to: FileManager.default.temporaryDirectory.path + "/listing-\(UUID().uuidString)")
        defer { unlink(listing.path) }
        var walked: [String] = []
        var bytes: Int64 = 0
        try listing.forEach { walked.append($0.relativePath); bytes += $0.size }
        #expect(walked == expected)
        #expect(listing.files == expected.count && bytes == listing.bytes)
        #expect(bytes == Int64(expected.reduce(0) { $0 + $1.utf8.count }))
    }

    @Test func fileListReadsBackAsTheSortedArray() throws {
        let dir = try ScratchFileTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func file(_ path: String, _ n: Int) -> AIPFile {
            AIPFile(path: path, size: Int64(n), sha256: String(repeating: "\(n % 10)", count: 64), mime: "text/plain")
        }
        let writer = try AIPFileListWriter(path: dir + "/files")
        var array: [AIPFile] = []
        // The old order of appends: carried-forward PREMIS, the SIP's files (its METS.xml as
        // submission/METS.xml, here a duplicate path too), then Bevara's record and PREMIS.
        for (n, path) in ["metadata/preservation/bevara-ingest-v1.xml", "metadata/preservation/bevara-ingest-v2.xml"].enumerated() {
            writer.appendAside(file(path, n), rank: .beforeSIP)
            array.append(file(path, n))
        }
        let sip = ["METS.xml", "documentation/a.txt", "metadata/preservation/premis.xml", "representations/rep1/data/b.pdf",
                   "representations/rep1/data/c.pdf", "schemas/x.xsd", "submission/METS.xml", "zz.txt"]
        for (n, path) in sip.enumerated() {
            let logical = path == "METS.xml" ? "submission/METS.xml" : path
            let f = file(logical, 10 + n)
            if logical == path { try writer.appendSIPFile(f) } else { writer.appendAside(f, rank: .sipOutOfOrder) }
            array.append(f)
        }
        try writer.appendSIPFile(file("documentation/late.txt", 30))  // out of order: kept aside
        array.append(file("documentation/late.txt", 30))
        for (n, path) in ["metadata/other/bevara-aip.json", "metadata/preservation/bevara-ingest-v3.xml"].enumerated() {
            writer.appendAside(file(path, 40 + n), rank: .afterSIP)
            array.append(file(path, 40 + n))
        }
        let list = try writer.finish()
        var read: [AIPFile] = []
        try list.forEachFile { read.append($0) }
        #expect(read == array.sorted { $0.path < $1.path })
        var again: [AIPFile] = []
        try list.forEachFile { again.append($0) }
        #expect(again == read, "every walk reads the same list")
    }
}
