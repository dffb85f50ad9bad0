@testable import BevaraIndex
import Testing

/// An ERMS appendix path is refused when a segment is empty or `..`; printable-ASCII paths are
/// split by byte, others by character, and both must say what splitting by character says.
@Suite struct ERMSLogicalPathTests {
    static func byCharacters(_ path: String) -> Bool {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        return segments.contains("..") || segments.contains("")
    }

    @Test func segmentsAsSplittingByCharacterGivesThem() {
        let paths = ["representations/rep1/data/KS_2021_1/001-a.pdf", "data/a.txt", "a//b", "a/", "/a", "../a", "a/..", "a/../b",
                     "..a/b", "a/...", "a/.../b", ".", "./a", "a/./b", "", "/", "//", "..", "a b/c d.pdf", "ärende/ö.pdf",
                     "a/.\u{301}./b", "a/..\u{301}/b", "a/\u{301}/b", "å/../b", "a\r\n/b", "a/\t/b", "..\u{1F600}/x"]
        for path in paths {
            #expect(ERMSIndexHandler.hasEmptyOrParentSegment(path) == Self.byCharacters(path), "\(path.debugDescription)")
        }
        #expect(ERMSIndexHandler.hasEmptyOrParentSegment("a/../b"))
        #expect(!ERMSIndexHandler.hasEmptyOrParentSegment("representations/rep1/data/x.pdf"))
    }
}
