import BevaraModel
@testable import BevaraProfiles
import Foundation
import Testing

/// Hostile and broken XML: DTD declarations are refused, malformed documents reported with a line.
@Suite struct FGSSecurityTests {
    static let oneCase = """
          <ArkivobjektListaArenden>
            <ArkivobjektArende><ArkivobjektID>KS 2021/1</ArkivobjektID><Arendemening>Ett</Arendemening></ArkivobjektArende>
          </ArkivobjektListaArenden>
        """

    @Test func billionLaughsIsRefused() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE Leveransobjekt [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            ]>
            <Leveransobjekt>
            \(Self.oneCase.replacingOccurrences(of: ">Ett<", with: ">&lol3;<"))
            </Leveransobjekt>
            """
        let result = try readFGS(xml)
        #expect(result.counts.cases == 0)
        #expect(result.ruleIDs == ["xml.forbidden-dtd"])
        let finding = try #require(result.findings.findings.first)
        #expect(finding.severity == .error)
        #expect(finding.location == SourceLocation(file: "arendehantering.xml", line: 3))
        #expect(finding.message == "arendehantering.xml contains a DTD declaration (<!ENTITY …>); DTD declarations are refused because entities can expand without bound (billion laughs) or read other files (XXE). Deliver the document without a DOCTYPE; nothing from it was read")
    }

    @Test func externalEntityIsRefusedAndNothingIsRead() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE Leveransobjekt [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <Leveransobjekt>
            \(Self.oneCase.replacingOccurrences(of: ">Ett<", with: ">&xxe;<"))
            </Leveransobjekt>
            """
        let result = try readFGS(xml)
        #expect(result.counts.cases == 0)
        #expect(result.ruleIDs == ["xml.forbidden-dtd"])
        #expect(result.findings.findings.first?.location.line == 2)
    }

    @Test func parameterEntityIsRefusedNotCalledMalformed() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE Leveransobjekt [ <!ENTITY % remote SYSTEM "http://example.invalid/x.dtd"> %remote; ]>
            <Leveransobjekt>
            \(Self.oneCase)
            </Leveransobjekt>
            """
        let result = try readFGS(xml)
        #expect(result.counts.cases == 0)
        #expect(result.ruleIDs == ["xml.forbidden-dtd"])
    }

    @Test func elementDeclarationIsRefused() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE Leveransobjekt [ <!ELEMENT Leveransobjekt ANY> ]>
            <Leveransobjekt>
            \(Self.oneCase)
            </Leveransobjekt>
            """
        let result = try readFGS(xml)
        #expect(result.counts.cases == 0)
        #expect(result.ruleIDs == ["xml.forbidden-dtd"])
        #expect(result.findings.findings.first?.message.contains("<!ELEMENT") == true)
    }

    @Test func doctypeWithoutDeclarationsIsAccepted() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE Leveransobjekt>
            <Leveransobjekt>
            \(Self.oneCase)
            </Leveransobjekt>
            """
        let result = try readFGS(xml)
        #expect(result.findings.findings.isEmpty, "\(result.findings.findings)")
        #expect(result.case("KS 2021/1")?.title == "Ett")
    }

    @Test func malformedXMLIsReportedWithLineAndColumnAfterEarlierCasesAreRead() throws {
        let xml = """
            <?xml version="1.0"?>
            <Leveransobjekt>
              <ArkivobjektListaArenden>
                <ArkivobjektArende><ArkivobjektID>KS 2021/1</ArkivobjektID><Arendemening>Ett</Arendemening></ArkivobjektArende>
                <ArkivobjektArende>
                  <ArkivobjektID>KS 2021/2</ArkivobjektID>
                  <Arendemening>Två</Arendemeningen>
                </ArkivobjektArende>
                <ArkivobjektArende><ArkivobjektID>KS 2021/3</ArkivobjektID><Arendemening>Tre</Arendemening></ArkivobjektArende>
              </ArkivobjektListaArenden>
            </Leveransobjekt>
            """
        let result = try readFGS(xml)
        #expect(result.cases.map(\.0.diarienummer.verbatim) == ["KS 2021/1"])
        #expect(result.ruleIDs == ["xml.malformed"])
        let finding = try #require(result.findings.findings.first)
        #expect(finding.location == SourceLocation(file: "arendehantering.xml", line: 7))
        #expect(finding.message.hasPrefix("arendehantering.xml is not well-formed XML at line 7, column "))
        #expect(finding.message.hasSuffix(": an end tag does not match its start tag; cases completed before this point were read, the rest of the document was not"))
    }

    @Test func truncatedDocumentIsMalformed() throws {
        let xml = """
            <?xml version="1.0"?>
            <Leveransobjekt>
              <ArkivobjektListaArenden>
                <ArkivobjektArende><ArkivobjektID>KS 2021/1</ArkivobjektID>
            """
        let result = try readFGS(xml)
        #expect(result.counts.cases == 0)
        #expect(result.ruleIDs == ["xml.malformed"])
        #expect(result.findings.findings.first?.message ==
            "arendehantering.xml is not well-formed XML at line 4, column 64: the document ends before its elements are closed; nothing from it was read")
    }

    @Test func invalidUTF8IsMalformed() throws {
        let export = try TempExport()
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Leveransobjekt><ArkivobjektListaArenden>\n<ArkivobjektArende><ArkivobjektID>KS 1</ArkivobjektID><Arendemening>"
        try export.write("arendehantering.xml", bytes: Array(head.utf8) + [0xC5, 0x73, 0x61] + Array("</Arendemening></ArkivobjektArende></ArkivobjektListaArenden></Leveransobjekt>\n".utf8))
        let result = try readExport(export, profile: try repoProfile("fgs-arendehantering"))
        #expect(result.counts.cases == 0)
        #expect(result.ruleIDs == ["xml.malformed"])
        #expect(result.findings.findings.first?.location.line == 3)
    }
}
