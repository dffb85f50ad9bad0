import BevaraArchiveIO
import Foundation
import Testing

@Suite struct ByteSearchTests {
    /// `firstIndex` (memmem) finds what a plain scan finds: first match at or after `from`.
    @Test func byteSearchMatchesAPlainScan() {
        var generator = SystemRandomNumberGenerator()
        func scan(_ needle: [UInt8], _ hay: [UInt8], _ from: Int) -> Int? {
            guard !needle.isEmpty, from >= 0, from + needle.count <= hay.count else { return nil }
            return (from...(hay.count - needle.count)).first { Array(hay[$0..<($0 + needle.count)]) == needle }
        }
        for _ in 0..<300 {
            let hay = (0..<Int.random(in: 0...64, using: &generator)).map { _ in UInt8.random(in: 0...2, using: &generator) }
            let needle = (0..<Int.random(in: 0...4, using: &generator)).map { _ in UInt8.random(in: 0...2, using: &generator) }
            let from = Int.random(in: 0...max(0, hay.count + 1), using: &generator)
            #expect(ByteSearch.firstIndex(of: needle, in: hay, from: from) == scan(needle, hay, from),
                    "needle \(needle) in \(hay) from \(from)")
        }
    }

    /// `contains` answers as Foundation's `String.contains` does, for ASCII and non-ASCII text.
    @Test(arguments: [
        "representations/rep1/data/a.pdf", "representations/rep1/data/", "representations/rep1/data", "/data/",
        "representations/rep1/datadata/a.pdf", "representations/rep1/d/data/a.pdf", "representations/rep1/dat/ata/a.pdf",
        "representations/å/data/ä.pdf", "", "/dat",
    ])
    func containsAsFoundation(text: String) {
        #expect(ByteSearch.contains(Array("/data/".utf8), in: text) == text.contains("/data/"))
    }
}
