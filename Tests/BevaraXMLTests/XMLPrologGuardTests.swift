import BevaraArchiveIO
import BevaraXML
import Foundation
import Testing

@Suite struct XMLPrologGuardTests {
    private func verdict(_ text: String) -> XMLPrologGuard.Verdict {
        XMLPrologGuard.check(bytes: Array(text.utf8))
    }

    @Test func aRootElementAfterTheDeclarationCommentsAndInstructionsIsClean() {
        #expect(verdict("<?xml version=\"1.0\"?>\n<!-- a -- comment -->\n<?pi x?>\n<mets/>") == .clean)
        #expect(verdict("<mets><!DOCTYPE not-in-the-prolog></mets>") == .clean)
    }

    @Test func aDoctypeOrDeclarationIsRefusedWithItsLine() {
        #expect(verdict("<?xml version=\"1.0\"?>\n\n<!DOCTYPE x [<!ENTITY a \"b\">]>\n<x/>") == .declaration(line: 3))
        #expect(verdict("<!-x>") == .declaration(line: 1))
        #expect(verdict("<!-- c -->\n<!ENTITY e \"v\">") == .declaration(line: 2))
    }

    @Test func aCommentThatHidesMarkupDoesNotEndEarly() {
        // "->" inside a comment and a "?" inside an instruction do not end them.
        #expect(verdict("<!-- <!DOCTYPE x> - -> --><r/>") == .clean)
        #expect(verdict("<?pi a ? b <!DOCTYPE ?><!DOCTYPE y><r/>") == .declaration(line: 1))
    }

    @Test func utf16MarkupIsSeenThroughItsZeroBytes() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "<!DOCTYPE x><x/>".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(XMLPrologGuard.check(bytes: bytes) == .declaration(line: 1))
    }

    @Test func aFileWithoutAnElementOrBeyondTheLimitHasNoRoot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prolog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.xml").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data("<?xml version=\"1.0\"?>\n".utf8)))
        #expect(try XMLPrologGuard.check(path: empty) == .noRootElement)

        let long = folder.appendingPathComponent("long.xml").path
        let comment = "<!--" + String(repeating: "x", count: 200_000) + "-->\n<!DOCTYPE late><r/>"
        #expect(FileManager.default.createFile(atPath: long, contents: Data(comment.utf8)))
        #expect(try XMLPrologGuard.check(path: long, limit: 64 * 1024) == .noRootElement)
        #expect(try XMLPrologGuard.check(path: long) == .declaration(line: 2))
    }

    @Test func aMissingFileIsAnIOErrorNamingIt() {
        #expect {
            _ = try XMLPrologGuard.check(path: "/nonexistent/bevara-prolog.xml")
        } throws: { error in
            (error as? IOError)?.path == "/nonexistent/bevara-prolog.xml"
        }
    }
}
