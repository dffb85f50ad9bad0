@testable import BevaraStorage
import Foundation
import Testing

/// Files counted below folders, with a folder run's additions held in memory: every answer
/// matches a plain count, through runs of one folder, folder changes, removals and map spills.
@Suite struct FolderCountsTests {
    @Test func answersLikeAPlainCountThroughHeldRunsAndRemovals() throws {
        let directory = NSTemporaryDirectory() + "bevara-folders-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let counts = FolderCounts(ScratchMap(directory: directory, name: "dirs", bufferLimit: 2))
        var reference: [String: Int] = [:]
        var files: [String] = []
        var generator = SplitMix(seed: 11)
        let folders = ["a", "a/b", "a/b/c", "a/d", "e", "e/f/g"]
        func check() throws {
            for folder in folders + ["a/b/c/x", "z"] {
                #expect(try counts.hasFiles(folder) == (reference[folder, default: 0] > 0), "\(folder)")
            }
        }
        for step in 0 ..< 600 {
            if !files.isEmpty, generator.next() % 5 == 0 {
                let file = files.remove(at: Int(generator.next() % UInt64(files.count)))
                let above = OCFLVersionBuilder.directoryPrefixes(of: file)
                try counts.removeFile(in: above)
                for folder in above { reference[folder, default: 0] -= 1 }
            } else {
                // Runs of files in one folder, as an ingest adds them.
                let folder = folders[Int(generator.next() % UInt64(folders.count))]
                for n in 0 ..< Int(1 + generator.next() % 4) {
                    let file = "\(folder)/f\(step)-\(n)"
                    let above = OCFLVersionBuilder.directoryPrefixes(of: file)
                    try counts.addFile(in: above)
                    for folder in above { reference[folder, default: 0] += 1 }
                    files.append(file)
                }
            }
            try check()
        }
        try counts.flush()
        try check()
        try counts.addFile(in: [])  // a file at the root counts in no folder
        try check()
    }

    /// A path's folders are the UTF-8 before each `/`, also after a mark that joins the next
    /// character into one grapheme (U+0600, a prepended concatenation mark).
    @Test func directoryPrefixesSplitAtEverySlash() {
        #expect(OCFLVersionBuilder.directoryPrefixes(of: "a/b/c.txt") == ["a", "a/b"])
        #expect(OCFLVersionBuilder.directoryPrefixes(of: "c.txt").isEmpty)
        #expect(OCFLVersionBuilder.directoryPrefixes(of: "ärende 1/Åsa/ö.pdf") == ["ärende 1", "ärende 1/Åsa"])
        #expect(OCFLVersionBuilder.directoryPrefixes(of: "\u{0600}/x") == ["\u{0600}"])
        #expect(OCFLVersionBuilder.directoryPrefixes(of: "v1/content/") == ["v1", "v1/content"])
    }
}
