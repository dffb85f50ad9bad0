import BevaraModel
@testable import BevaraProfiles
import Foundation
import Testing

/// A Leveransobjekt around `cases`, in `namespace` ("" for none), one element per line.
func fgsDocument(namespace: String = "http://xml.ra.se/e-arkiv/FGS-ERMS", _ cases: String) -> String {
    let xmlns = namespace.isEmpty ? "" : " xmlns=\"\(namespace)\""
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Leveransobjekt\(xmlns)>
          <ArkivobjektListaArenden>
        \(cases)
          </ArkivobjektListaArenden>
        </Leveransobjekt>

        """
}

func readFGS(_ xml: String) throws -> ReadResult {
    let export = try TempExport()
    try export.write("arendehantering.xml", xml)
    return try readExport(export, profile: try repoProfile("fgs-arendehantering"))
}

/// The FGS Ärendehantering 1.0 profile end to end.
@Suite struct FGSReaderTests {
    static let fullCase = """
            <ArkivobjektArende Systemidentifierare="2b1c0f6e-8d0a-4a51-9d7e-3f2b0a9c1d11">
              <ArkivobjektID>BMN 2021/123</ArkivobjektID>
              <ExtraID ExtraIDTyp="Äldre diarienummerformat">BMN 2021-000123</ExtraID>
              <Avslutat>2022-03-01</Avslutat>
              <Gallring Gallras="false"/>
              <Agent><Roll>Registrator</Roll><Namn>Rolf Reg</Namn><Enhetsnamn>Kansliet</Enhetsnamn></Agent>
              <Agent><Roll>Handläggare</Roll><Namn>Märta Åberg</Namn><Enhetsnamn>Bygg- och miljöenheten</Enhetsnamn></Agent>
              <Klass>2.4.1 Bygglov</Klass>
              <Restriktion Typ="Integritet"><ForklarandeText>Personuppgifter</ForklarandeText></Restriktion>
              <Motpart>
                <Namn>Sören Näslund</Namn>
                <Postadress>Storgatan 1</Postadress><Postnummer>451 30</Postnummer><Postort>Uddevalla</Postort>
                <IDnummer Typ="1">196504121234</IDnummer>
                <SkyddadIdentitet>true</SkyddadIdentitet>
              </Motpart>
              <Skapad>2021-05-12</Skapad>
              <StatusArande>Stängt</StatusArande>
              <Arendemening>Bygglov för nybyggnad &amp; rivning</Arendemening>
              <ArkivobjektListaHandlingar>
                <ArkivobjektHandling Systemidentifierare="6f3e-1">
                  <ArkivobjektID>BMN 2021/123:1</ArkivobjektID>
                  <Handlingstyp>Ansökan</Handlingstyp>
                  <Avsandare><Namn>Sören Näslund</Namn><SkyddadIdentitet>1</SkyddadIdentitet></Avsandare>
                  <Inkommen>2021-05-10</Inkommen>
                  <Lopnummer>1</Lopnummer>
                  <Rubrik>Ansökan om bygglov</Rubrik>
                  <Skapad>2021-05-11T09:15:00</Skapad>
                  <StatusHandling>Inkommen</StatusHandling>
                  <Restriktion Typ="Sekretess">
                    <ForklarandeText>Skyddad adress</ForklarandeText>
                    <Lagrum>OSL 21 kap. 3 §</Lagrum>
                    <RestriktionsDatum>2091-05-10</RestriktionsDatum>
                  </Restriktion>
                  <Bilaga Namn="Ansökan bygglov.pdf" Lank="content\\BMN_2021_123\\1_ansokan.pdf" Storlek="184220"
                          Mimetyp="application/pdf" Checksumma="ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789" ChecksummaMetod="SHA256"/>
                  <Bilaga Namn="Karta.png" Lank="content/BMN_2021_123/1_karta.png"/>
                </ArkivobjektHandling>
                <ArkivobjektHandling>
                  <ArkivobjektID>BMN 2021/123:2</ArkivobjektID>
                  <Beskrivning>Beslut om bygglov</Beskrivning>
                  <Expedierad>2022-03-02</Expedierad>
                  <Mottagare><Namn>Sören Näslund</Namn><Organisation>Näslunds Bygg AB</Organisation></Mottagare>
                  <Mottagare><Namn>Lantmäteriet</Namn><IDnummer>2021004888</IDnummer></Mottagare>
                  <StatusHandling>Expedierad</StatusHandling>
                  <Upprattad>2022-03-01</Upprattad>
                </ArkivobjektHandling>
              </ArkivobjektListaHandlingar>
            </ArkivobjektArende>
        """

    @Test func readsCaseRecordsPartiesSecrecyAndFiles() throws {
        let result = try readFGS(fgsDocument(Self.fullCase))
        #expect(result.findings.findings.isEmpty, "\(result.findings.findings)")
        // Parties: the case's Motpart, the application's Avsandare and the decision's two Mottagare.
        #expect(result.counts == ExportCatalog.Counts(cases: 1, records: 2, parties: 4, fileReferences: 2))
        let c = try #require(result.case("BMN 2021/123"))
        #expect(c.systemID == "2b1c0f6e-8d0a-4a51-9d7e-3f2b0a9c1d11")
        #expect(c.extraIDs == [ExtraID(type: "Äldre diarienummerformat", value: "BMN 2021-000123")])
        #expect(c.title == "Bygglov för nybyggnad & rivning")
        #expect(c.status == .closed)
        #expect(c.opened == PartialDate(year: 2021, month: 5, day: 12, original: "2021-05-12"))
        #expect(c.closed == PartialDate(year: 2022, month: 3, day: 1, original: "2022-03-01"))
        #expect(c.classification == Classification(code: "2.4.1", text: "Bygglov"))
        #expect(c.officer == "Märta Åberg" && c.unit == "Bygg- och miljöenheten")
        #expect(c.secrecy == [SecrecyMarking(kind: .integrity, explanation: "Personuppgifter")])
        #expect(c.source == SourceLocation(file: "arendehantering.xml", line: 4, element: "ArkivobjektArende[1]"))

        // The protected-identity counterpart is carried through with number and address.
        let counterpart = try #require(c.parties.first)
        #expect(c.parties.count == 1)
        #expect(counterpart.name == "Sören Näslund" && counterpart.role == .counterpart)
        #expect(counterpart.protectedIdentity)
        #expect(counterpart.identityNumber?.canonical == "196504121234" && counterpart.identityNumber?.isValid == true)
        #expect(counterpart.address == "Storgatan 1, 451 30 Uddevalla")
        #expect(counterpart.source == SourceLocation(file: "arendehantering.xml", line: 13, element: "ArkivobjektArende[1]/Motpart"))

        let records = result.records("BMN 2021/123")
        #expect(records.map(\.id) == ["BMN 2021/123:1", "BMN 2021/123:2"])
        #expect(records.allSatisfy { $0.caseNumber.verbatim == "BMN 2021/123" })
        let application = records[0]
        #expect(application.systemID == "6f3e-1" && application.type == "Ansökan" && application.runningNumber == 1)
        #expect(application.title == "Ansökan om bygglov" && application.direction == .incoming)
        #expect(application.date == PartialDate(year: 2021, month: 5, day: 10, original: "2021-05-10"))
        #expect(application.parties.map(\.name) == ["Sören Näslund"])
        #expect(application.parties[0].role == .sender && application.parties[0].protectedIdentity)
        #expect(application.secrecy == [SecrecyMarking(kind: .secrecy, legalReference: "OSL 21 kap. 3 §", explanation: "Skyddad adress",
                                                       expires: PartialDate(year: 2091, month: 5, day: 10, original: "2091-05-10"))])
        #expect(application.source == SourceLocation(file: "arendehantering.xml", line: 23, element: "ArkivobjektArende[1]/ArkivobjektHandling[1]"))
        let pdf = application.files[0]
        #expect(pdf.path == "content/BMN_2021_123/1_ansokan.pdf" && pdf.originalName == "Ansökan bygglov.pdf")
        #expect(pdf.declaredSize == 184220 && pdf.declaredMime == "application/pdf")
        #expect(pdf.declaredChecksum == Checksum(algorithm: .sha256, value: "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"))
        #expect(pdf.source == SourceLocation(file: "arendehantering.xml", line: 38, element: "ArkivobjektArende[1]/ArkivobjektHandling[1]/Bilaga[1]"))
        #expect(application.files[1].path == "content/BMN_2021_123/1_karta.png" && application.files[1].declaredChecksum == nil)

        // No Rubrik: Beskrivning is the title; outgoing: the dispatch date is the main date.
        let decision = records[1]
        #expect(decision.title == "Beslut om bygglov" && decision.direction == .outgoing && decision.systemID == nil)
        #expect(decision.date == PartialDate(year: 2022, month: 3, day: 2, original: "2022-03-02"))
        #expect(decision.parties.map(\.name) == ["Sören Näslund", "Lantmäteriet"])
        #expect(decision.parties.map(\.role) == [.recipient, .recipient])
        #expect(decision.parties[0].organisation == "Näslunds Bygg AB")
        #expect(decision.parties[1].identityNumber?.kind == .organisationsnummer)
    }

    static let smallCase = """
            <ArkivobjektArende>
              <ArkivobjektID>KS 2019-123</ArkivobjektID>
              <Klass>513, Parkeringstillstånd</Klass>
              <StatusArande>Öppet</StatusArande>
              <Arendemening>Parkeringstillstånd</Arendemening>
            </ArkivobjektArende>
        """

    @Test(arguments: ["http://xml.ra.se/e-arkiv/FGS-ERMS", "eARDERMS", ""])
    func acceptsTheProfilesNamespaces(namespace: String) throws {
        let result = try readFGS(fgsDocument(namespace: namespace, Self.smallCase))
        #expect(result.findings.findings.isEmpty, "\(result.findings.findings)")
        let c = try #require(result.case("KS 2019-123"))
        #expect(c.status == .open && c.title == "Parkeringstillstånd")
        // Ciceron's "code, text" Klass.
        #expect(c.classification == Classification(code: "513", text: "Parkeringstillstånd"))
    }

    @Test func otherNamespaceIsReportedOnceAndVendorXMLIsNot() throws {
        let vendor = Self.smallCase.replacingOccurrences(of: "<Arendemening>", with: """
            <TillkommandeXMLdata><ca:ArendeInfo xmlns:ca="Cambio"><ca:Personnummer>x</ca:Personnummer></ca:ArendeInfo><ca:ArkivobjektArende xmlns:ca="Cambio"><ca:ArkivobjektID>not FGS</ca:ArkivobjektID><ca:Arendemening>vendor</ca:Arendemening></ca:ArkivobjektArende></TillkommandeXMLdata>
            <Arendemening>
            """)
        let withVendorXML = try readFGS(fgsDocument(vendor))
        #expect(withVendorXML.findings.findings.isEmpty, "\(withVendorXML.findings.findings)")
        // Vendor elements are not read as FGS even where local names match.
        #expect(withVendorXML.cases.map(\.0.diarienummer.verbatim) == ["KS 2019-123"])
        #expect(withVendorXML.case("KS 2019-123")?.title == "Parkeringstillstånd")

        let result = try readFGS(fgsDocument(namespace: "urn:example:fgs", Self.smallCase + "\n" + Self.smallCase))
        #expect(result.counts.cases == 2)
        let namespace = result.rules("xml.namespace")
        #expect(namespace.count == 1)
        #expect(namespace.first?.location == SourceLocation(file: "arendehantering.xml", line: 2, element: "Leveransobjekt"))
        #expect(namespace.first?.message == "element Leveransobjekt is in namespace 'urn:example:fgs', which the profile does not accept (fgs.namespaces: no namespace, eARDERMS, http://xml.ra.se/e-arkiv/FGS-ERMS); elements were read by their local names")
    }

    @Test func missingMandatoryElementsAreReportedWithTheirElementPath() throws {
        let cases = """
                <ArkivobjektArende>
                  <ArkivobjektID>KS 2021/1</ArkivobjektID>
                  <ArkivobjektListaHandlingar>
                    <ArkivobjektHandling><ArkivobjektID>KS 2021/1:1</ArkivobjektID></ArkivobjektHandling>
                  </ArkivobjektListaHandlingar>
                </ArkivobjektArende>
                <ArkivobjektArende>
                  <ArkivobjektID>KS 2021/2</ArkivobjektID>
                  <Arendemening>Rätt</Arendemening>
                  <ArkivobjektListaHandlingar>
                    <ArkivobjektHandling><Rubrik>Utan id</Rubrik></ArkivobjektHandling>
                    <ArkivobjektHandling><ArkivobjektID>KS 2021/2:2</ArkivobjektID><Rubrik>Bra</Rubrik></ArkivobjektHandling>
                  </ArkivobjektListaHandlingar>
                </ArkivobjektArende>
            """
        let result = try readFGS(fgsDocument(cases))
        #expect(result.cases.map(\.0.diarienummer.verbatim) == ["KS 2021/2"])
        #expect(result.records("KS 2021/2").map(\.id) == ["KS 2021/2:2"])
        let missing = result.rules("metadata.missing")
        #expect(missing.map(\.location) == [
            SourceLocation(file: "arendehantering.xml", line: 7, element: "ArkivobjektArende[1]/ArkivobjektHandling[1]"),
            SourceLocation(file: "arendehantering.xml", line: 4, element: "ArkivobjektArende[1]"),
            SourceLocation(file: "arendehantering.xml", line: 14, element: "ArkivobjektArende[2]/ArkivobjektHandling[1]"),
        ])
        #expect(missing.map(\.message) == [
            "ArkivobjektHandling has no Rubrik or Beskrivning; the record was not read",
            "ArkivobjektArende has no Arendemening; the case was not read",
            "ArkivobjektHandling has no ArkivobjektID; the record was not read",
        ])
    }

    @Test func invalidDatesAndUnmappedValuesNameTheElement() throws {
        let cases = """
                <ArkivobjektArende>
                  <ArkivobjektID>KS 2021/1</ArkivobjektID>
                  <Skapad>2021-13-01</Skapad>
                  <StatusArande>Pågår</StatusArande>
                  <Arendemening>Ärende</Arendemening>
                  <ArkivobjektListaHandlingar>
                    <ArkivobjektHandling>
                      <ArkivobjektID>KS 2021/1:1</ArkivobjektID><Rubrik>R</Rubrik>
                      <Inkommen>2021-05-10+02:00</Inkommen>
                      <StatusHandling>Okänd</StatusHandling>
                    </ArkivobjektHandling>
                  </ArkivobjektListaHandlingar>
                </ArkivobjektArende>
            """
        let result = try readFGS(fgsDocument(cases))
        let c = try #require(result.case("KS 2021/1"))
        #expect(c.opened == nil && c.status == .unknown("Pågår"))
        #expect(result.records("KS 2021/1").first?.date == nil && result.records("KS 2021/1").first?.direction == .unknown)
        #expect(result.rules("date.invalid").map(\.location) == [
            SourceLocation(file: "arendehantering.xml", line: 6, element: "ArkivobjektArende[1]/Skapad"),
            SourceLocation(file: "arendehantering.xml", line: 12, element: "ArkivobjektArende[1]/ArkivobjektHandling[1]/Inkommen"),
        ])
        #expect(result.rules("date.invalid").map(\.message) == [
            "Skapad '2021-13-01' is not a valid date: month 13 is out of range",
            "Inkommen '2021-05-10+02:00' is not a valid date: matches none of the accepted formats (yyyy-MM-dd'T'HH:mm:ss, yyyy-MM-dd, yyyy-MM, yyyy)",
        ])
        #expect(result.rules("value.unmapped").map(\.message) == [
            "StatusArande 'Pågår' is not in the profile's values.status map; kept as unknown status 'Pågår'",
            "StatusHandling 'Okänd' is not in the profile's values.direction map; the record's direction is unknown",
        ])
        #expect(result.rules("value.unmapped").map(\.location.element) == [
            "ArkivobjektArende[1]/StatusArande", "ArkivobjektArende[1]/ArkivobjektHandling[1]/StatusHandling",
        ])
    }

    @Test func caseLevelAttachmentsAndIdentityNumbersAreReported() throws {
        let cases = """
                <ArkivobjektArende>
                  <ArkivobjektID>KS 2021/1</ArkivobjektID>
                  <Motpart><Namn>Reserv</Namn><IDnummer Typ="3">19650412TF01</IDnummer></Motpart>
                  <Motpart><Namn>Fel</Namn><IDnummer Typ="1">196504121238</IDnummer></Motpart>
                  <Motpart><Organisation>Bara org</Organisation></Motpart>
                  <Arendemening>Ärende</Arendemening>
                  <Bilaga Namn="Akt.pdf" Lank="akt.pdf"/>
                </ArkivobjektArende>
            """
        let result = try readFGS(fgsDocument(cases))
        let c = try #require(result.case("KS 2021/1"))
        #expect(c.parties.map(\.name) == ["Reserv", "Fel"])
        #expect(c.parties[0].identityNumber?.raw == "19650412TF01")
        #expect(result.rules("party.identity-number").map(\.message) == [
            "Motpart IDnummer '19650412-****' (masked in this report, not in the export) is not a valid personnummer or organisationsnummer: its check digit is wrong; kept as delivered",
        ])
        #expect(result.rules("metadata.missing").map(\.message) == ["Motpart has no Namn; the party was left out"])
        #expect(result.rules("metadata.missing").first?.location == SourceLocation(file: "arendehantering.xml", line: 8, element: "ArkivobjektArende[1]/Motpart"))
        let attachment = try #require(result.rules("fgs.unsupported").first)
        #expect(attachment.severity == .warning)
        #expect(attachment.location == SourceLocation(file: "arendehantering.xml", line: 10, element: "ArkivobjektArende[1]/Bilaga"))
        #expect(attachment.message == "Bilaga 'akt.pdf' is attached to the case, not to a record; Bevara reads files of records only, so it is not packaged")
    }

    @Test func maskedNumberOfAProtectedPartyIsNotAWarning() throws {
        let cases = """
                <ArkivobjektArende>
                  <ArkivobjektID>KS 2022/455</ArkivobjektID>
                  <Motpart><Namn>Kerstin Wästberg</Namn><IDnummer Typ="1">19710707-****</IDnummer><SkyddadIdentitet>true</SkyddadIdentitet></Motpart>
                  <Motpart><Namn>Oskyddad</Namn><IDnummer Typ="1">19650412-****</IDnummer><SkyddadIdentitet>false</SkyddadIdentitet></Motpart>
                  <Arendemening>Begäran om allmän handling</Arendemening>
                </ArkivobjektArende>
            """
        let result = try readFGS(fgsDocument(cases))
        let c = try #require(result.case("KS 2022/455"))
        #expect(c.parties.map(\.identityNumber?.isMasked) == [true, true])
        #expect(c.parties[0].protectedIdentity && c.parties[0].identityNumber?.raw == "19710707-****")
        #expect(result.rules("party.identity-number").map(\.message) == [
            "Motpart IDnummer '19650412-****' has its last four digits withheld in the export, but the party is not marked as protected identity; kept as delivered",
        ])
        #expect(result.counts.parties == 2)
    }

    @Test func missingDocumentThrowsNamingIt() throws {
        let export = try TempExport()
        #expect(throws: ExportReadError.missingMetadataFile(path: "arendehantering.xml", exportRoot: export.path, profile: "fgs-arendehantering")) {
            _ = try readExport(export, profile: try repoProfile("fgs-arendehantering"))
        }
    }
}
