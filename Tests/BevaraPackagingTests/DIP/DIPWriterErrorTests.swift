import BevaraArchiveIO
import BevaraPackaging
import Foundation
import Testing

/// Refusals: a file that changed after it was verified, and inputs that would release something
/// the cover list does not account for. Each leaves nothing at the output path.
@Suite struct DIPWriterErrorTests {
    @Test(arguments: ["svar", "svar.zip"])
    func sourceChangedAfterVerificationIsRefusedAndNothingIsLeft(name: String) throws {
        let fx = try DIPFixture()
        let changed = fx.files[2]
        // Same size, one byte different: only the hash can tell.
        var data = try #require(FileManager.default.contents(atPath: changed.sourcePath))
        data[data.count / 2] ^= 0x01
        try data.write(to: URL(fileURLWithPath: changed.sourcePath))

        #expect {
            _ = try fx.write(to: name)
        } throws: { error in
            guard case DIPError.checksumMismatch(let path, let source, let expected, let actual, let expectedSize, let actualSize) = error
            else { return false }
            return path == changed.packagePath && source == changed.sourcePath && expected == changed.sha256
                && actual == FileDigest.sha256(of: data) && expectedSize == actualSize
                && "\(error)".contains(changed.packagePath)
        }
        #expect(fx.outListing().isEmpty, "left behind: \(fx.outListing())")
    }

    @Test func sizeChangeIsRefused() throws {
        let fx = try DIPFixture()
        let changed = fx.files[0]
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: changed.sourcePath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("extra".utf8))
        try handle.close()
        #expect(throws: DIPError.self) { _ = try fx.write(to: "svar") }
        #expect(fx.outListing().isEmpty)
    }

    @Test func missingSourceIsNamed() throws {
        let fx = try DIPFixture()
        try FileManager.default.removeItem(atPath: fx.files[1].sourcePath)
        #expect {
            _ = try fx.write(to: "svar.zip")
        } throws: { error in
            guard case DIPError.sourceUnreadable(let path, _, _) = error else { return false }
            return path == fx.files[1].packagePath
        }
        #expect(fx.outListing().isEmpty)
    }

    @Test func existingOutputIsNeverOverwritten() throws {
        let fx = try DIPFixture()
        _ = try fx.write(to: "svar")
        let before = try FileDigest.sha256(path: fx.out + "/svar/METS.xml")
        #expect(throws: IOError.self) { _ = try fx.write(to: "svar") }
        #expect(try FileDigest.sha256(path: fx.out + "/svar/METS.xml") == before)
        #expect(fx.outListing() == ["svar"])
    }

    @Test func coverListMustAccountForEveryFile() throws {
        let fx = try DIPFixture()
        let files = fx.files, rows = fx.rows
        let request = DIPFixture.request
        let schemas = try SchemaLibrary(directory: SIPTestPaths.schemas)
        func attempt(_ files: [DIPFile], _ rows: [CoverListRow]) -> DIPError? {
            do {
                _ = try DIPWriter.write(request: request, files: files, cover: rows, to: fx.out + "/x", objid: DIPFixture.objid, schemas: schemas)
                return nil
            } catch { return error as? DIPError }
        }

        var withheldWithFile = rows
        withheldWithFile[1].files = [files[0].packagePath]
        #expect(attempt(files, withheldWithFile) == .withheldRowHasFiles(recordID: rows[1].recordID, files: [files[0].packagePath]))

        var unlisted = rows
        unlisted[3].files = []
        #expect(attempt(files, unlisted) == .fileNotInCoverList(packagePath: files[3].packagePath))

        var unknown = rows
        unknown[0].files.append("KS_2021_123/999-saknas.pdf")
        #expect(attempt(files, unknown) == .coverListFileUnknown(recordID: rows[0].recordID, packagePath: "KS_2021_123/999-saknas.pdf"))

        var wrongRecord = rows
        wrongRecord[0].files.append(files[2].packagePath)
        wrongRecord[2].files = []
        #expect(attempt(files, wrongRecord) == .fileRecordMismatch(packagePath: files[2].packagePath, fileRecordID: files[2].recordID,
                                                                   rowRecordID: rows[0].recordID))

        var escaping = files
        escaping[0].packagePath = "../utanför.pdf"
        var escapingRows = rows
        escapingRows[0].files = [escaping[0].packagePath, files[1].packagePath]
        #expect(attempt(escaping, escapingRows) == .invalidPackagePath("../utanför.pdf", problem: SafePath.Problem.parentReference.rawValue))

        var twice = files
        twice[1].packagePath = files[0].packagePath.uppercased()
        var twiceRows = rows
        twiceRows[0].files = [files[0].packagePath, twice[1].packagePath]
        #expect(attempt(twice, twiceRows) == .duplicatePackagePath(twice[1].packagePath))

        #expect(attempt(files, []) == .noCoverRows)
        #expect(fx.outListing().isEmpty)
    }
}
