@testable import BevaraIngest
import Testing

/// Shortcuts taken on a path's bytes before its characters are walked answer as the walk does.
@Suite struct PathShortcutTests {
    @Test func representationMETSByBytesAndCharacters() {
        let cases: [(String, String?)] = [
            ("representations/rep1/METS.xml", "rep1"), ("representations/rep 2/METS.xml", "rep 2"),
            ("representations/rép/METS.xml", "rép"), ("representations//METS.xml", nil), ("representations/METS.xml", nil),
            ("representations/rep1/data/METS.xml", nil), ("representations/rep1/METS.XML", nil), ("METS.xml", nil),
            ("representations/rep1/data/a.pdf", nil), ("x/representations/rep1/METS.xml", nil), ("representations/rep1/METS.xml/", nil),
            ("representations/r\u{301}/METS.xml", "r\u{301}"), ("", nil),
        ]
        for (path, name) in cases { #expect(RepresentationDiscovery.representationName(ofMETS: path) == name, "\(path)") }
    }

    @Test func hrefSchemesByBytesAndCharacters() {
        func isURL(_ href: String) -> Bool {
            if case .unsafe(let why) = HrefResolver.resolve(href, base: "", root: "/nonexistent") { return why.contains("is a URL") }
            return false
        }
        #expect(isURL("http://example.org/a.pdf"))
        #expect(isURL("file:///etc/passwd"))
        #expect(isURL("svn+ssh://host/x"))
        #expect(!isURL("representations/rep1/data/a.pdf"))
        #expect(!isURL("c:/x"))  // one letter: a drive, refused elsewhere as unsafe, not as a URL
        #expect(!isURL("a b/x:y.pdf"))
        if case .path(let p) = HrefResolver.resolve("./data/a.pdf", base: "representations/rep1", root: "/nonexistent") {
            #expect(p == "representations/rep1/data/a.pdf")
        } else {
            Issue.record("a plain relative href resolves")
        }
    }
}
