import BevaraIngest
import Foundation
import Testing

/// Unpacking writes small files on two lanes while the archive is read on: the result must be
/// the archive's bytes exactly, whatever the sizes and the format, and a refusal or a failed
/// write must leave nothing behind, even with many files still in flight.
@Suite struct ExtractionLanesTests {
    /// Deterministic bytes for file `index` of `size` bytes.
    static func content(_ index: Int, size: Int) -> [UInt8] {
        var state = UInt64(index &* 2_654_435_761 &+ 1)
        return (0..<size).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    /// Sizes around the lanes' limit (256 KiB) and the read chunk (1 MiB), empty files, and many
    /// small ones spread over folders.
    static func files() -> [(name: String, bytes: [UInt8])] {
        let sizes = [0, 1, 100, 4_096, 65_536, 256 << 10, (256 << 10) + 1, (1 << 20) + 3, 7]
        var files: [(String, [UInt8])] = []
        for i in 0..<240 {
            let size = i < sizes.count ? sizes[i] : (i * 977) % 20_000
            files.append(("pkg/data/folder-\(i % 17)/sub-\(i % 3)/file-\(i).bin", content(i, size: size)))
        }
        return files
    }

    @Test(arguments: [TestArchive.Format.tar, .tarGzip, .zipStored, .zipDeflate])
    func manyFilesExtractByteForByte(_ format: TestArchive.Format) throws {
        let work = try IntakeFixtures.temporaryFolder("lanes")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let files = Self.files()
        let archive = try TestArchive(path: work + "/package", format: format)
        try archive.file("pkg/METS.xml", "<mets/>")
        for file in files {
            try archive.bytes(file.name, file.bytes)
        }
        try archive.close()

        let package = try PackageIntake.open(work + "/package", stagingDirectory: work + "/staging")
        defer { package.cleanUp() }
        #expect(package.layout == .singleFolder("pkg"))
        let written = IntakeFixtures.listing(package.contentDirectory).filter { $0.hasSuffix(".bin") || $0.hasSuffix(".xml") }
        #expect(Set(written) == Set(files.map(\.name) + ["pkg/METS.xml"]))
        for file in files {
            let data = FileManager.default.contents(atPath: package.contentDirectory + "/" + file.name)
            #expect(data.map { [UInt8]($0) } == file.bytes, "\(file.name) (\(file.bytes.count) bytes)")
        }
    }

    @Test func refusalAfterManyQueuedFilesLeavesNothing() throws {
        let work = try IntakeFixtures.temporaryFolder("lanes-refused")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let archive = try TestArchive(path: work + "/package", format: .tar)
        for i in 0..<600 {
            try archive.bytes("pkg/data/f\(i % 20)/file-\(i).bin", Self.content(i, size: 3_000 + i))
        }
        try archive.file("pkg/../../escaped.txt", "owned")
        try archive.close()

        do {
            _ = try PackageIntake.open(work + "/package", stagingDirectory: work + "/staging")
            Issue.record("the archive was accepted")
        } catch IntakeError.refused(let findings) {
            #expect(findings.map(\.ruleID) == ["PATH-UNSAFE"])
        }
        // The lanes were idle before the staging subfolder was removed: nothing reappears.
        #expect(IntakeFixtures.listing(work + "/staging").isEmpty)
        Thread.sleep(forTimeInterval: 0.2)
        #expect(IntakeFixtures.listing(work + "/staging").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: work + "/escaped.txt"))
    }

    @Test func aFileALaneCannotCreateIsNamedAndNothingIsLeft() throws {
        // A staging path so long that a top-level file name of 250 bytes takes the full path
        // past PATH_MAX: the reading thread needs no folder for it, so the lane's open fails.
        let work = try IntakeFixtures.temporaryFolder("lanes-fail")
        defer { try? FileManager.default.removeItem(atPath: work) }
        var staging = work
        while staging.utf8.count < 3_700 { staging += "/" + String(repeating: "s", count: 200) }
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        let longName = String(repeating: "n", count: 246) + ".bin"
        let archive = try TestArchive(path: work + "/package", format: .tar)
        for i in 0..<50 {
            try archive.bytes("file-\(i).bin", Self.content(i, size: 2_000))
        }
        try archive.bytes(longName, Self.content(99, size: 10))
        for i in 50..<100 {
            try archive.bytes("file-\(i).bin", Self.content(i, size: 2_000))
        }
        try archive.close()

        do {
            _ = try PackageIntake.open(work + "/package", stagingDirectory: staging)
            Issue.record("the archive was extracted although a file could not be created")
        } catch IntakeError.unreadable(let path, let reason) {
            #expect(path == work + "/package")
            #expect(reason.contains("cannot create"))
            #expect(reason.contains(longName))
        }
        #expect(IntakeFixtures.listing(staging).isEmpty)
    }
}
