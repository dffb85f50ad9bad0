import BevaraArchiveIO
import Foundation
import Testing

@Suite struct FileDigestTests {
    /// `hex` gives what Bevara writes as a SHA-256, and `isLowerHexSHA256` accepts exactly that form.
    @Test func hexAndItsCheckAgree() {
        let digest = FileDigest.sha256(of: Data("abc".utf8))
        #expect(digest == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(FileDigest.hex([0x00, 0x0F, 0xA0, 0xFF]) == "000fa0ff")
        #expect(FileDigest.isLowerHexSHA256(digest))
        #expect(FileDigest.isLowerHexSHA256(digest[...]))
        for bad in [digest.uppercased(), String(digest.dropLast()), digest + "0", String(digest.dropLast()) + "g",
                    String(digest.dropLast()) + "\u{FF10}", ""] {
            #expect(!FileDigest.isLowerHexSHA256(bad), "\(bad)")
        }
    }

    /// Ranges of several files stream as one file: same digest and bytes as the concatenation,
    /// empty ranges skipped, and a file shorter than its range is an error naming it.
    @Test func rangesStreamAsOneFile() throws {
        let folder = NSTemporaryDirectory() + "bevara-ranges-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let a = folder + "/a", b = folder + "/b"
        let aBytes = Array("<doc>\n  <head/>\n</doc>\n".utf8)
        // Larger than a chunk, so a range is read in pieces.
        let bBytes = (0 ..< FileDigest.chunkSize + 1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(aBytes).write(to: URL(fileURLWithPath: a))
        try Data(bBytes).write(to: URL(fileURLWithPath: b))
        let ranges = [FileRange(path: a, offset: 0, length: 6), FileRange(path: b, offset: 0, length: Int64(bBytes.count)),
                      FileRange(path: a, offset: 6, length: 0), FileRange(path: a, offset: 6, length: Int64(aBytes.count - 6))]
        var streamed: [UInt8] = []
        let result = try FileDigest.stream(ranges: ranges, headBytes: 10) { streamed.append(contentsOf: $0) }
        let expected = Array(aBytes[0 ..< 6]) + bBytes + Array(aBytes[6...])
        #expect(streamed == expected)
        #expect(result.size == Int64(expected.count))
        #expect(result.sha256 == FileDigest.sha256(of: expected))
        #expect(result.head == Array(expected.prefix(10)))
        #expect(try FileDigest.regularFileSize(b) == Int64(bBytes.count))

        let tooLong = [FileRange(path: a, offset: 4, length: Int64(aBytes.count))]
        #expect { _ = try FileDigest.stream(ranges: tooLong) } throws: { error in
            guard let error = error as? IOError else { return false }
            return error.path == a && error.reason.contains("ends at byte \(aBytes.count)")
        }
        #expect(throws: IOError.self) { _ = try FileDigest.stream(ranges: [FileRange(path: folder + "/missing", offset: 0, length: 1)]) }
        #expect(throws: IOError.self) { _ = try FileDigest.regularFileSize(folder) }
    }

    /// A small file comes back whole with its digest and head; one above the limit is left to
    /// the streaming read (nil); an empty file is empty; a symlink is refused.
    @Test func readSmallReadsWholeFilesWithinTheLimit() throws {
        let folder = NSTemporaryDirectory() + "bevara-small-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bytes = (0 ..< 70_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        let file = folder + "/f.bin", empty = folder + "/empty", link = folder + "/link"
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        try Data().write(to: URL(fileURLWithPath: empty))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)

        let small = try #require(try FileDigest.readSmall(path: file, limit: 70_000))
        #expect(small.bytes == bytes)
        #expect(small.digest.size == 70_000)
        #expect(small.digest.sha256 == FileDigest.sha256(of: bytes))
        #expect(small.digest.head == Array(bytes.prefix(65_536)))
        #expect(try FileDigest.readSmall(path: file, limit: 69_999) == nil)
        let none = try #require(try FileDigest.readSmall(path: empty, limit: 10))
        #expect(none.bytes.isEmpty && none.digest.sha256 == FileDigest.sha256(of: [UInt8]()))
        #expect(throws: IOError.self) { _ = try FileDigest.readSmall(path: link, limit: 100_000) }
    }
}
