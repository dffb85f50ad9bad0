@testable import BevaraArchiveIO
import Foundation
import Testing

@Suite struct ArchiveWriterTests {
    func temp() throws -> String {
        let dir = NSTemporaryDirectory() + "archive-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func run(_ args: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The archive's entry names, read back with an independent tool (tar, Python's zipfile).
    func list(_ path: String, _ format: ArchiveWriter.Format) throws -> (Int32, String) {
        format == .tar
            ? try run(["tar", "tf", path])
            : try run(["python3", "-c", "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print('\\n'.join(z.namelist()))", path])
    }

    @Test(arguments: [ArchiveWriter.Format.tar, .zip])
    func writesNonASCIINamesAndStreamsContent(format: ArchiveWriter.Format) throws {
        ProcessSetup.useUTF8Locale()
        let dir = try temp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let source = dir + "/källa.txt"
        try "Prövning av bygglov\n".write(toFile: source, atomically: true, encoding: .utf8)
        let path = dir + "/out.\(format.rawValue)"
        let writer = try ArchiveWriter(path: path, format: format)
        try writer.addDirectory(named: "pkg")
        let digest = try writer.addFile(named: "pkg/Prüfbericht_ß åäö.txt", from: source)
        try writer.close()
        #expect(digest.sha256 == FileDigest.sha256(of: Data("Prövning av bygglov\n".utf8)))
        let listing = try list(path, format)
        #expect(listing.0 == 0, "\(listing.1)")
        #expect(listing.1.contains("pkg/Prüfbericht_ß åäö.txt"))
    }

    /// ASCII paths (set in the locale's form, see `setPathname`) come back exactly, also one too
    /// long for a ustar header (a pax path record), beside a non-ASCII one.
    @Test(arguments: [ArchiveWriter.Format.tar, .zip])
    func asciiPathsOfAnyLengthComeBackExactly(format: ArchiveWriter.Format) throws {
        ProcessSetup.useUTF8Locale()
        let dir = try temp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let source = dir + "/source.txt"
        try "x\n".write(toFile: source, atomically: true, encoding: .utf8)
        let long = "pkg/" + (1...12).map { "folder-\($0)-with-a-longer-name" }.joined(separator: "/") + "/file_name-001.pdf"
        #expect(long.utf8.count > 255)
        let names = ["pkg/a.txt", long, "pkg/Överklagande.pdf"]
        let path = dir + "/out.\(format.rawValue)"
        let writer = try ArchiveWriter(path: path, format: format)
        try writer.addDirectory(named: "pkg")
        for name in names { try writer.addFile(named: name, from: source) }
        try writer.close()
        let listing = try list(path, format)
        #expect(listing.0 == 0, "\(listing.1)")
        #expect(listing.1.split(separator: "\n").map(String.init) == ["pkg/"] + names)
    }

    /// The archive's SHA-256 comes from the bytes as they are written (not from reading the file
    /// back), across many blocks and an unpadded last block.
    @Test(arguments: [ArchiveWriter.Format.tar, .zip])
    func closeReturnsTheSHA256OfTheWrittenFile(format: ArchiveWriter.Format) throws {
        let dir = try temp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let source = dir + "/large.bin"
        var bytes = [UInt8](repeating: 0, count: 2_500_000 + 17)
        for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: i &* 2_654_435_761 >> 13) }
        try Data(bytes).write(to: URL(fileURLWithPath: source))
        let path = dir + "/out.\(format.rawValue)"
        let writer = try ArchiveWriter(path: path, format: format)
        try writer.addFile(named: "pkg/large.bin", from: source)
        try writer.addDirectory(named: "pkg/empty")
        let digest = try writer.close()
        #expect(digest == (try FileDigest.sha256(path: path)))
        #expect(try writer.close() == digest)
    }

    /// Past `HashingOutput.writebackStep` the output asks the kernel to start writing what came
    /// before, and drops the step before that from the page cache once it is on disk: the file and
    /// its digest are the same as without (a sparse source keeps this quick; three steps, so
    /// that more than one range is dropped).
    @Test func anArchiveLargerThanTheWritebackStepIsWholeAndHashed() throws {
        let dir = try temp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let source = dir + "/zeros.bin"
        let size = 3 * Int(HashingOutput.writebackStep) + 12_345
        #expect(FileManager.default.createFile(atPath: source, contents: Data("head".utf8)))
        #expect(truncate(source, off_t(size)) == 0)
        let path = dir + "/out.tar"
        let writer = try ArchiveWriter(path: path, format: .tar)
        let entry = try writer.addFile(named: "pkg/zeros.bin", from: source)
        let digest = try writer.close()
        #expect(entry.size == Int64(size))
        #expect(digest == (try FileDigest.sha256(path: path)))
        let extracted = try run(["sh", "-c", "tar xOf \"$0\" pkg/zeros.bin | sha256sum", path])
        #expect(extracted.0 == 0 && extracted.1.hasPrefix(entry.sha256), "\(extracted.1)")
    }

    /// The output hashes and writes on a thread of its own: the digest is of exactly the bytes
    /// given, in order, across chunk boundaries and in pieces of any size.
    @Test func theOutputHashesEveryByteInOrder() throws {
        let dir = try temp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/out.bin"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        try #require(fd >= 0)
        defer { close(fd) }
        let output = HashingOutput(fd: fd)
        var all: [UInt8] = []
        var seed: UInt64 = 7
        for size in [1, HashingOutput.chunkSize - 1, 2, 10_240, 3 * HashingOutput.chunkSize + 5, 0, HashingOutput.chunkSize * HashingOutput.chunkCount * 2 + 1] {
            let piece = (0 ..< size).map { _ -> UInt8 in seed = seed &* 6364136223846793005 &+ 1; return UInt8(truncatingIfNeeded: seed >> 33) }
            all += piece
            #expect(piece.withUnsafeBytes { output.write($0) })
        }
        let digest = output.finish()
        #expect(digest == FileDigest.sha256(of: all))
        #expect(output.finish() == digest)
        #expect(try FileDigest.sha256(path: path) == digest)
    }

    /// A write the file refuses (here: the device is full) stops the output: the next `write` or
    /// `finish` says so, with the errno, and no digest is given.
    @Test func aRefusedWriteIsReportedNotLost() throws {
        let fd = open("/dev/full", O_WRONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        let output = HashingOutput(fd: fd)
        let chunk = [UInt8](repeating: 1, count: HashingOutput.chunkSize)
        var accepted = 0
        while accepted < HashingOutput.chunkCount * 4, chunk.withUnsafeBytes({ output.write($0) }) { accepted += 1 }
        #expect(accepted < HashingOutput.chunkCount * 4)
        #expect(output.finish() == nil)
        #expect(output.failure == ENOSPC)
        #expect(!chunk.withUnsafeBytes { output.write($0) })
    }

    /// An archive dropped without `close` (an error on the way) ends its writer thread.
    @Test func anAbandonedArchiveEndsItsWriter() throws {
        let dir = try temp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for i in 0 ..< 20 {
            let writer = try ArchiveWriter(path: dir + "/\(i).tar", format: .tar)
            try writer.addFile(named: "pkg/a.txt", size: 3) { write in try [UInt8]("abc".utf8).withUnsafeBytes { try write($0) } }
        }
        // Threads are named in /proc (cut to 15 bytes); other tests may have a few writers running.
        let writers = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").filter { task in
            (try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8))?.hasPrefix("bevara.archive") == true
        }
        #expect(writers.count < 5, "writer threads left running: \(writers.count)")
    }

    @Test func refusesToOverwrite() throws {
        let dir = try temp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "x".write(toFile: dir + "/exists.tar", atomically: true, encoding: .utf8)
        #expect(throws: IOError.self) { try ArchiveWriter(path: dir + "/exists.tar", format: .tar) }
    }
}
