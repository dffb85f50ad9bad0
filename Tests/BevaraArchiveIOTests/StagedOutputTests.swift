import BevaraArchiveIO
import Foundation
import Testing

@Suite struct StagedOutputTests {
    @Test func commitRenamesAndDiscardLeavesNothing() throws {
        let dir = NSTemporaryDirectory() + "staged-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try StagedOutput(finalPath: dir + "/pkg")
        try a.createDirectory()
        try "x".write(toFile: a.stagingPath + "/METS.xml", atomically: true, encoding: .utf8)
        #expect(!FileManager.default.fileExists(atPath: dir + "/pkg"))
        try a.commit()
        #expect(FileManager.default.fileExists(atPath: dir + "/pkg/METS.xml"))
        #expect(throws: IOError.self) { try StagedOutput(finalPath: dir + "/pkg") }

        let b = try StagedOutput(finalPath: dir + "/other")
        try b.createDirectory()
        b.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["pkg"])
    }

    @Test func removesLeftoversOfDeadRunsOnly() throws {
        let dir = NSTemporaryDirectory() + "staged-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // PID 2^22+1 is above Linux's pid_max default: no such process.
        let dead = dir + "/.bevara-partial-4194305-pkg.tar"
        let live = dir + "/.bevara-partial-\(getpid())-pkg.tar"
        try "half".write(toFile: dead, atomically: true, encoding: .utf8)
        try "mine".write(toFile: live, atomically: true, encoding: .utf8)
        let s = try StagedOutput(finalPath: dir + "/pkg.tar")
        #expect(s.removedLeftovers == [".bevara-partial-4194305-pkg.tar"])
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: live))
    }
}
