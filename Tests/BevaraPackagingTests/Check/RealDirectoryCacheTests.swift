@testable import BevaraPackaging
import Foundation
import Testing

@Suite struct RealDirectoryCacheTests {
    /// Files under real folders resolve inside the root; a folder that is a link to somewhere
    /// outside makes its files escape, at any depth and however often it is asked (the cache
    /// keeps the answer, and a folder's real path is built from its parent's).
    @Test func resolvesFoldersOnceAndRefusesLinkedFoldersOutside() throws {
        let base = NSTemporaryDirectory() + "realdir-\(UUID().uuidString)"
        let fm = FileManager.default
        try fm.createDirectory(atPath: base + "/export/filer/KS 1/sub", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: base + "/outside/deep", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: base + "/export/filer/escape", withDestinationPath: base + "/outside")
        try fm.createSymbolicLink(atPath: base + "/export/filer/inside", withDestinationPath: base + "/export/filer/KS 1")
        try fm.createSymbolicLink(atPath: base + "/export/filer/KS 1/sub/up", withDestinationPath: base + "/outside")
        defer { try? fm.removeItem(atPath: base) }
        let root = try #require(realpath(base + "/export/filer", nil).map { p in defer { free(p) }; return String(cString: p) })
        let cache = RealDirectoryCache(fileRoot: base + "/export/filer", realRoot: root, capacity: 2)
        #expect(cache.resolve("a.pdf") == root + "/a.pdf")
        #expect(cache.resolve("KS 1/b.pdf") == root + "/KS 1/b.pdf")
        #expect(cache.resolve("KS 1/sub/c.pdf") == root + "/KS 1/sub/c.pdf")
        #expect(cache.resolve("inside/d.pdf") == root + "/KS 1/d.pdf")
        for _ in 0..<3 { #expect(cache.resolve("escape/e.pdf") == nil) }
        #expect(cache.resolve("missing/f.pdf") == nil)
        // Folders below a link are resolved from the link's real path, wherever it leads.
        #expect(cache.resolve("inside/sub/g.pdf") == root + "/KS 1/sub/g.pdf")
        #expect(cache.resolve("escape/deep/h.pdf") == nil)
        #expect(cache.resolve("KS 1/sub/up/i.pdf") == nil)
        #expect(cache.resolve("KS 1/sub/up/deep/j.pdf") == nil)
        #expect(cache.resolve("KS 1/missing/deeper/k.pdf") == nil)
        // After the bounded cache was emptied, answers are the same.
        #expect(cache.resolve("KS 1/b.pdf") == root + "/KS 1/b.pdf")
    }
}
