import BevaraArchiveIO
import BevaraModel
import BevaraPackaging
import Foundation
import Testing

/// Failure paths: a throwing FileCheck, files missing or outside the export, bad inputs.
@Suite struct SIPWriterErrorTests {
    struct Refused: Error, Equatable {
        let name: String
    }

    @Test func throwingFileCheckAbortsTheWrite() throws {
        let fx = try SIPFixture()
        let pkg = fx.root + "/" + SIPFixture.objid
        var seen = 0
        #expect(throws: Refused(name: "Situationsplan.png")) {
            _ = try SIPWriter(context: fx.context()).write(fx.contents(), to: .directory(pkg), check: { ref, _, _ in
                seen += 1
                if ref.originalName == "Situationsplan.png" { throw Refused(name: ref.originalName) }
            })
        }
        #expect(seen == 2)
        // Nothing after the refused file: no further content, no METS.
        let data = try FileManager.default.subpathsOfDirectory(atPath: pkg + "/representations/rep1/data")
        #expect(!data.contains { $0.hasSuffix("Utredning_sekretess.xml") })
        #expect(!FileManager.default.fileExists(atPath: pkg + "/METS.xml"))
        #expect(!FileManager.default.fileExists(atPath: pkg + "/representations/rep1/METS.xml"))
    }

    @Test func missingFileIsNamedByItsExportPath() throws {
        let fx = try SIPFixture()
        let ref = FileReference(path: "filer/saknas.pdf", source: SourceLocation(file: "filer.csv", line: 99))
        try fx.catalog.add(BevaraModel.Record(id: "KS 2022/1:1", caseNumber: Diarienummer("KS 2022/1"), direction: .incoming,
                                              title: "Borttappad", files: [ref], source: SourceLocation(file: "arenden.xml", line: 12)))
        #expect(throws: SIPError.fileMissing(path: "filer/saknas.pdf", source: ref.source)) {
            _ = try SIPWriter(context: fx.context()).write(fx.contents(), to: .directory(fx.root + "/pkg"))
        }
    }

    @Test(arguments: ["../utanfor.txt", "/etc/hostname", "filer/lank.txt", "filer/lankmapp/hemlig.txt"])
    func fileOutsideTheExportIsRefused(path: String) throws {
        let fx = try SIPFixture()
        // A file beside the export, and a symlink inside the export pointing at it; a folder
        // beside the export, and a linked folder inside the export pointing at that.
        try Data("hemligt\n".utf8).write(to: URL(fileURLWithPath: fx.root + "/utanfor.txt"))
        try FileManager.default.createSymbolicLink(atPath: fx.exportRoot + "/filer/lank.txt", withDestinationPath: fx.root + "/utanfor.txt")
        try FileManager.default.createDirectory(atPath: fx.root + "/utanformapp", withIntermediateDirectories: false)
        try Data("hemligt\n".utf8).write(to: URL(fileURLWithPath: fx.root + "/utanformapp/hemlig.txt"))
        try FileManager.default.createSymbolicLink(atPath: fx.exportRoot + "/filer/lankmapp", withDestinationPath: fx.root + "/utanformapp")
        let ref = FileReference(path: path, source: SourceLocation(file: "filer.csv", line: 42))
        try fx.catalog.add(BevaraModel.Record(id: "KS 2022/1:1", caseNumber: Diarienummer("KS 2022/1"), direction: .incoming,
                                              title: "Utanför", files: [ref], source: SourceLocation(file: "arenden.xml", line: 12)))
        let out = fx.root + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        #expect(throws: SIPError.fileOutsideExport(path: path, source: ref.source)) {
            _ = try SIPWriter(context: fx.context()).write(fx.contents(), to: .directory(out + "/pkg"))
        }
        // Nothing was written beside the package folder, and the outside file never got in.
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["pkg"])
        let packaged = try FileManager.default.subpathsOfDirectory(atPath: out + "/pkg")
        #expect(!packaged.contains { $0.contains("utanfor") || $0.contains("lank") })
    }

    /// A link inside the export to a file inside it is read through the link, as before the
    /// prefetch lanes resolved folders once (the preflight reports such links; the writer alone does not).
    @Test func linkToAFileInsideTheExportIsPackagedWithItsTargetsBytes() throws {
        let fx = try SIPFixture()
        try Data("inuti\n".utf8).write(to: URL(fileURLWithPath: fx.exportRoot + "/filer/mal.txt"))
        try FileManager.default.createSymbolicLink(atPath: fx.exportRoot + "/filer/pekare.txt", withDestinationPath: "mal.txt")
        let ref = FileReference(path: "filer/pekare.txt", source: SourceLocation(file: "filer.csv", line: 7))
        try fx.catalog.add(BevaraModel.Record(id: "KS 2022/1:1", caseNumber: Diarienummer("KS 2022/1"), direction: .incoming,
                                              title: "Länk", files: [ref], source: SourceLocation(file: "arenden.xml", line: 12)))
        var seen: FileFacts?
        _ = try SIPWriter(context: fx.context()).write(fx.contents(), to: .directory(fx.root + "/pkg"), check: { r, _, facts in
            if r.path == ref.path { seen = facts }
        })
        #expect(seen?.sha256 == FileDigest.sha256(of: Data("inuti\n".utf8)))
    }

    @Test func badInputsAreRefusedBeforeWriting() throws {
        let fx = try SIPFixture()
        let writer = SIPWriter(context: try fx.context())
        var contents = fx.contents(objid: "12-not-an-ncname")
        #expect(throws: SIPError.invalidObjectID("12-not-an-ncname")) {
            _ = try writer.write(contents, to: .directory(fx.root + "/a"))
        }
        contents = fx.contents()
        contents.documentation = []
        #expect(throws: SIPError.noDocumentation) { _ = try writer.write(contents, to: .directory(fx.root + "/b")) }
        contents.documentation = [(name: "saknas.pdf", sourcePath: fx.root + "/saknas.pdf", mime: nil)]
        #expect(throws: SIPError.documentationMissing(name: "saknas.pdf", path: fx.root + "/saknas.pdf")) {
            _ = try writer.write(contents, to: .directory(fx.root + "/c"))
        }
        #expect(!FileManager.default.fileExists(atPath: fx.root + "/a"))
        // A non-empty destination folder is never written into.
        try FileManager.default.createDirectory(atPath: fx.root + "/d", withIntermediateDirectories: false)
        try Data().write(to: URL(fileURLWithPath: fx.root + "/d/x"))
        #expect(throws: SIPError.destinationNotEmpty(fx.root + "/d")) {
            _ = try writer.write(fx.contents(), to: .directory(fx.root + "/d"))
        }
    }

    @Test func schemaLibraryNeedsEverySchema() throws {
        let dir = NSTemporaryDirectory() + "bevara-schemas-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: SIPTestPaths.schemas + "/mets.xsd", toPath: dir + "/mets.xsd")
        #expect(throws: SIPError.self) { _ = try SchemaLibrary(directory: dir) }
        do {
            _ = try SchemaLibrary(directory: dir)
        } catch SIPError.schemaLibraryIncomplete(_, let missing) {
            #expect(missing.count == 5 && missing.contains("ERMS_v3.xsd") && !missing.contains("mets.xsd"))
        }
        let found = SchemaLibrary.locate(environment: ["BEVARA_SCHEMAS": SIPTestPaths.schemas])
        #expect(found?.directory == SIPTestPaths.schemas)
        #expect(SchemaLibrary.locate(environment: ["BEVARA_SCHEMAS": dir]) == nil)
    }
}
