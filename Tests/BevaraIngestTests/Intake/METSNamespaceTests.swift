@testable import BevaraIngest
import Foundation
import Testing

/// The METS reader's namespaces: any prefix a producer chooses, default namespaces, declarations
/// that end with their element, content in other namespaces stepped over, undeclared prefixes.
@Suite struct METSNamespaceTests {
    static func read(_ xml: String) throws -> METSDocument {
        let dir = NSTemporaryDirectory() + "bevara-mets-ns-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(xml.utf8).write(to: URL(fileURLWithPath: dir + "/METS.xml"))
        return METSReader.read(absolutePath: dir + "/METS.xml", relativePath: "METS.xml")
    }

    /// What the rules see of a document: root, files with their hrefs, groups, metadata references.
    static func summary(_ d: METSDocument) -> String {
        let files = d.files.map { f in "\(f.id ?? "-") \(f.groupUse ?? "-") \(f.locators.map { "\($0.xlinkType ?? "-") \($0.href ?? "-")" })" }
        let refs = d.metadataReferences.map { "\($0.section) \($0.href ?? "-") \($0.xlinkType ?? "-")" }
        return "\(d.rootNamespace ?? "-") \(d.rootElement ?? "-") \(d.objid ?? "-") \(d.fileGroups.map { $0.use ?? "-" }) \(files) \(refs)"
    }

    static let plain = """
        <?xml version="1.0" encoding="UTF-8"?>
        <mets xmlns="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink" OBJID="o1">
          <dmdSec ID="d1"><mdRef LOCTYPE="URL" xlink:type="simple" xlink:href="metadata/d.xml" MDTYPE="OTHER"/></dmdSec>
          <fileSec><fileGrp USE="Representations/rep1"><file ID="f1"><FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="a.pdf"/></file></fileGrp></fileSec>
        </mets>
        """

    @Test func anyPrefixReadsAsTheDefaultNamespace() throws {
        let prefixed = """
            <?xml version="1.0" encoding="UTF-8"?>
            <m:mets xmlns:m="http://www.loc.gov/METS/" xmlns:xl="http://www.w3.org/1999/xlink" OBJID="o1">
              <m:dmdSec ID="d1"><m:mdRef LOCTYPE="URL" xl:type="simple" xl:href="metadata/d.xml" MDTYPE="OTHER"/></m:dmdSec>
              <m:fileSec><m:fileGrp USE="Representations/rep1"><m:file ID="f1"><m:FLocat LOCTYPE="URL" xl:type="simple" xl:href="a.pdf"/></m:file></m:fileGrp></m:fileSec>
            </m:mets>
            """
        let expected = Self.summary(try Self.read(Self.plain))
        #expect(expected.contains("a.pdf") && expected.contains("metadata/d.xml") && expected.hasPrefix("http://www.loc.gov/METS/ mets o1"))
        #expect(Self.summary(try Self.read(prefixed)) == expected)
    }

    @Test func declarationsEndWithTheirElement() throws {
        // Inside the first fileGrp `m` and the default namespace mean something else; after it, METS again.
        let scoped = """
            <?xml version="1.0" encoding="UTF-8"?>
            <m:mets xmlns:m="http://www.loc.gov/METS/" xmlns="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink" OBJID="o1">
              <dmdSec ID="d1"><mdWrap MDTYPE="OTHER"><xmlData>
                <m:file xmlns:m="urn:other" ID="fake"/><file xmlns="urn:other" ID="fake2"/>
              </xmlData></mdWrap><m:mdRef LOCTYPE="URL" xlink:type="simple" xlink:href="metadata/d.xml" MDTYPE="OTHER"/></dmdSec>
              <m:fileSec><fileGrp USE="Representations/rep1"><m:file ID="f1"><FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="a.pdf"/></m:file></fileGrp></m:fileSec>
            </m:mets>
            """
        let d = try Self.read(scoped)
        #expect(d.problem == nil)
        #expect(d.files.map(\.id) == ["f1"])
        #expect(Self.summary(d) == Self.summary(try Self.read(Self.plain)))
    }

    @Test func otherNamespacesAreSteppedOverAndUndeclaredPrefixesStop() throws {
        let other = Self.plain.replacingOccurrences(of: "xmlns=\"http://www.loc.gov/METS/\"", with: "xmlns=\"urn:not-mets\"")
        let d = try Self.read(other)
        #expect(d.rootNamespace == "urn:not-mets")
        #expect(d.files.isEmpty && d.objid == nil)
        let undeclared = Self.plain.replacingOccurrences(of: "<fileSec>", with: "<fileSec><q:x/>")
        let u = try Self.read(undeclared)
        #expect(u.problem?.rule == SIPRule.xmlMalformed)
        // An attribute with an undeclared prefix: its namespace is not the XLink one.
        let unbound = Self.plain.replacingOccurrences(of: "xlink:href=\"a.pdf\"", with: "xlink:href=\"a.pdf\" zz:href=\"b.pdf\"")
        #expect(try Self.read(unbound).problem?.rule == SIPRule.xmlMalformed)
    }
}
