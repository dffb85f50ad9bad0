@testable import BevaraArchiveIO
import Foundation
import Testing

@Suite struct SafePathTests {
    @Test func refusesTraversalAndAbsolutePaths() {
        #expect(SafePath.validateRelative("a/b.pdf") == nil)
        #expect(SafePath.validateRelative("../x") == .parentReference)
        #expect(SafePath.validateRelative("a/../../x") == .parentReference)
        #expect(SafePath.validateRelative("/etc/passwd") == .absolute)
        #expect(SafePath.validateRelative("C:/x") == .absolute)
        #expect(SafePath.validateRelative("a\\b") == .backslash)
        #expect(SafePath.validateRelative("a//b") == .emptySegment)
        #expect(SafePath.validateRelative("a/./b") == .emptySegment)
        #expect(SafePath.validateRelative("a\u{01}b") == .controlCharacter)
        #expect(SafePath.validateRelative("") == .empty)
    }

    @Test func resolveStaysInsideRoot() throws {
        let root = NSTemporaryDirectory() + "safepath-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/in", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "x".write(toFile: root + "/in/a.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/in/link", withDestinationPath: "/etc")
        #expect(SafePath.resolve("a.txt", under: root + "/in") != nil)
        #expect(SafePath.resolve("link/passwd", under: root + "/in") == nil)
        #expect(SafePath.resolve("missing.txt", under: root + "/in") == nil)
    }

    /// The slug by scalars, as it was written first: `slug` now works on bytes and must agree.
    static func slugByScalars(_ name: String, maxLength: Int = 100) -> String {
        let folded = SlugFolding.fold(name)
        var out = ""
        var lastUnderscore = false
        for scalar in folded.unicodeScalars {
            let v = scalar.value
            let ok = (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
                || scalar == "." || scalar == "-"
            if ok {
                out.unicodeScalars.append(scalar)
                lastUnderscore = false
            } else if !lastUnderscore {
                out.append("_")
                lastUnderscore = true
            }
        }
        while out.hasPrefix(".") || out.hasPrefix("_") { out.removeFirst() }
        while out.hasSuffix("_") || out.hasSuffix(".") { out.removeLast() }
        if out.count > maxLength {
            let ext = (out as NSString).pathExtension
            let keep = max(1, maxLength - ext.count - 1)
            out = String(out.prefix(keep)) + (ext.isEmpty ? "" : "." + ext)
        }
        return out.isEmpty ? "file" : out
    }

    @Test func slugByBytesAgreesWithSlugByScalars() {
        let names = ["Ansökan om bygglov – Åsa Ödqvist.pdf", "../../etc", "???", "", ".", "..", "_x_", "a..b", "-a-", "A@B[C]`d{e}",
                     "émigré naïve café.docx", "e\u{301}t\u{E9}.txt", "Ελληνικά.pdf", "日本語 ファイル.txt", "😀😀 glad.png",
                     "tab\there", "new\nline", "Protokoll 2021-05-31 §77.pdf", "ZZZ.zz", "x" + String(repeating: "å", count: 150) + ".pdf",
                     String(repeating: "a", count: 120), String(repeating: "ä", count: 60) + "." + String(repeating: "b", count: 60),
                     "ﬁle ligature.txt", "Ｆｕｌｌ ｗｉｄｔｈ.pdf", "ß straße.odt", "a\u{0}b"]
        for name in names {
            for max in [100, 10, 3] {
                #expect(SafePath.slug(name, maxLength: max) == Self.slugByScalars(name, maxLength: max), "\(name.debugDescription) \(max)")
            }
        }
    }

    @Test func slugFoldsSwedishAndKeepsExtension() {
        #expect(SafePath.slug("Ansökan om bygglov – Åsa Ödqvist.pdf") == "Ansokan_om_bygglov_Asa_Odqvist.pdf")
        #expect(SafePath.slug("../../etc") == "etc")
        #expect(SafePath.slug("???") == "file")
        #expect(SafePath.slug(String(repeating: "å", count: 300) + ".txt").count <= 100)
    }

    @Test func portabilityWarnings() {
        #expect(SafePath.portabilityProblems(ofName: "ok.pdf").isEmpty)
        #expect(!SafePath.portabilityProblems(ofName: "a:b?.pdf").isEmpty)
        #expect(!SafePath.portabilityProblems(ofName: "CON.txt").isEmpty)
        #expect(!SafePath.portabilityProblems(ofName: "noextension").isEmpty)
        #expect(!SafePath.portabilityProblems(ofName: "Sm\u{6F}\u{308}rg.txt").isEmpty)  // decomposed ö
    }

    /// The table path of the slug folding gives exactly Foundation's folding.
    @Test func slugFoldingTableAgreesWithFoundation() {
        for value in 0..<128 {
            let text = String(Unicode.Scalar(UInt8(value)))
            #expect(SlugFolding.foundation(text) == text, "ASCII \(value) folds to itself")
        }
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Unicode.Scalar] = SlugFolding.tableScalars + Array("aAzZ09 ._-()^`~'\"/:".unicodeScalars)
        for _ in 0..<2000 {
            var name = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...24, using: &generator) { name.append(alphabet.randomElement(using: &generator)!) }
            let text = String(name)
            #expect(SlugFolding.fold(text) == SlugFolding.foundation(text), "\(text)")
        }
        // Outside the table: Foundation itself (a decomposed å, Greek, a fullwidth letter).
        for text in ["Ansa\u{30A}kan.pdf", "Beslut \u{3B1}.txt", "\u{FF21}rende.docx", "Åsa – Öberg §3.pdf"] {
            #expect(SlugFolding.fold(text) == SlugFolding.foundation(text), "\(text)")
        }
        #expect(SafePath.slug("Ansökan från Åsa – del 1.pdf") == "Ansokan_fran_Asa_del_1.pdf")
    }
}

/// The byte-wise path and name checks for plain text say exactly what the character-wise ones say.
@Suite struct SafePathPlainTextTests {
    static let alphabet: [Unicode.Scalar] = Array("ab./\\\\:~ *?\"<>|CONULPT1".unicodeScalars)
        + ["å", "Ö", "é", "ß", "\u{2013}", "\u{2014}", "\u{AD}", "\u{301}", "\u{30A}", "\r", "\n", "\t", "\u{7F}", "\u{85}", "\u{FF21}", "\u{1F600}"]

    static func random(_ generator: inout SystemRandomNumberGenerator, plainOnly: Bool) -> String {
        var text = String.UnicodeScalarView()
        let pool = plainOnly ? alphabet.filter { SafePath.isPlainText(String($0)) } : alphabet
        for _ in 0..<Int.random(in: 0...12, using: &generator) { text.append(pool.randomElement(using: &generator)!) }
        return String(text)
    }

    @Test func validateRelativeAgreesWithTheCharacterWiseRules() {
        var generator = SystemRandomNumberGenerator()
        var plain = 0
        for i in 0..<20_000 {
            let path = Self.random(&generator, plainOnly: i % 2 == 0)
            if SafePath.isPlainText(path) { plain += 1 }
            #expect(SafePath.validateRelative(path) == SafePath.validateRelativeGeneral(path), "\(path.unicodeScalars.map { $0.value })")
        }
        for path in ["..", ".", "a/../b", "a//b", "./a", "a/.", "C:x", "é:/x", String(repeating: "é", count: 128) + "/x",
                     String(repeating: "a", count: 256), "~/x", "/x", "a\\b", "a–b/c—d.pdf"] {
            #expect(SafePath.validateRelative(path) == SafePath.validateRelativeGeneral(path), "\(path)")
        }
        #expect(plain > 9_000)
    }

    @Test func portabilityProblemsAgreeWithTheCharacterWiseRules() {
        var generator = SystemRandomNumberGenerator()
        for i in 0..<20_000 {
            let name = Self.random(&generator, plainOnly: i % 2 == 0)
            #expect(SafePath.portabilityProblems(ofName: name) == SafePath.portabilityProblemsGeneral(ofName: name), "\(name.unicodeScalars.map { $0.value })")
        }
        for name in [".CON.txt", "..NUL", "...", "CON", "com1.pdf", "lpt9", "aux.", " x.pdf", "x ", "Beslut.pdf", "ß.pdf",
                     "Ansökan: del 1?.txt", "a\u{301}.pdf", "nul.tar.gz", ".bashrc"] {
            #expect(SafePath.portabilityProblems(ofName: name) == SafePath.portabilityProblemsGeneral(ofName: name), "\(name)")
        }
    }
}
