import BevaraArchiveIO
import BevaraPackaging
import Foundation
import Testing

/// Writes the fixture disclosure as a folder and a zip and judges each with the field's validator
/// (eark-validator + fixity + XSD) and with concrete checks of what the requester receives.
@Suite struct DIPWriterTests {
    @Test func folderDIPPassesValidatorsAndHoldsTheReleasedFiles() throws {
        let fx = try DIPFixture()
        defer { withExtendedLifetime(fx) {} }  // the fixture removes its folder when freed
        let summary = try fx.write(to: "svar")
        let pkg = fx.out + "/svar"
        let verdict = try DIPChecks.validate(pkg)
        #expect(verdict.passed, "validate-sip failed:\n\(verdict.output)")

        #expect(summary.objid == DIPFixture.objid)
        #expect(summary.path == pkg)
        #expect(summary.files == 4)
        #expect(summary.bytes == fx.bytes.values.reduce(Int64(0)) { $0 + Int64($1.count) })
        #expect(summary.released == 2 && summary.masked == 1 && summary.withheld == 1)
        #expect(summary.sha256 == (try FileDigest.sha256(path: pkg + "/METS.xml")))
        #expect(fx.outListing() == ["svar"], "staging or scratch left beside the package")

        // Every released file, byte for byte, and nothing else under data/.
        for (path, data) in fx.bytes {
            #expect(FileManager.default.contents(atPath: pkg + "/representations/rep1/data/" + path) == data, "\(path)")
        }
        let dataFiles = listing(pkg + "/representations/rep1/data").filter { !isDirectory(pkg + "/representations/rep1/data/" + $0) }
        #expect(Set(dataFiles) == Set(fx.bytes.keys))
        #expect(Set(listing(pkg).filter { !$0.contains("/") }) == ["METS.xml", "documentation", "metadata", "representations", "schemas"])

        try expectDIPMetadata(pkg, fx: fx)
    }

    @Test func zipDIPPassesValidatorsAndUnpacksToTheSamePackage() throws {
        let fx = try DIPFixture()
        defer { withExtendedLifetime(fx) {} }  // the fixture removes its folder when freed
        let summary = try fx.write(to: "svar.zip")
        let zip = fx.out + "/svar.zip"
        let verdict = try DIPChecks.validate(zip)
        #expect(verdict.passed, "validate-sip failed:\n\(verdict.output)")
        #expect(summary.path == zip)
        #expect(summary.sha256 == (try FileDigest.sha256(path: zip)))
        #expect(fx.outListing() == ["svar.zip"], "staging or scratch left beside the package")

        let entries = try SIPTools.archiveEntries(zip)
        #expect(entries.allSatisfy { $0.hasPrefix(DIPFixture.objid + "/") }, "one top folder named by OBJID")
        #expect(entries.last == DIPFixture.objid + "/METS.xml", "root METS written last")
        let unpacked = fx.root + "/unzipped"
        try DIPChecks.unzip(zip, into: unpacked)
        let pkg = unpacked + "/" + DIPFixture.objid
        for (path, data) in fx.bytes {
            #expect(FileManager.default.contents(atPath: pkg + "/representations/rep1/data/" + path) == data, "\(path)")
        }
        try expectDIPMetadata(pkg, fx: fx)
    }

    @Test(arguments: ["svar", "svar.zip"])
    func everythingWithheldStillMakesAValidDIP(name: String) throws {
        let fx = try DIPFixture()
        defer { withExtendedLifetime(fx) {} }  // the fixture removes its folder when freed
        fx.setRows(fx.rows.map { row in
            var row = row
            row.outcome = .withheld
            row.legalReference = "OSL 26 kap. 1 §"
            row.files = []
            return row
        })
        #expect(fx.files.isEmpty)
        let summary = try fx.write(to: name)
        #expect(summary.files == 0 && summary.bytes == 0 && summary.withheld == 4)
        let verdict = try DIPChecks.validate(fx.out + "/" + name)
        #expect(verdict.passed, "validate-sip failed:\n\(verdict.output)")

        var pkg = fx.out + "/" + name
        if name.hasSuffix(".zip") {
            try DIPChecks.unzip(pkg, into: fx.root + "/unzipped")
            pkg = fx.root + "/unzipped/" + DIPFixture.objid
        }
        // The representation is kept (CSIP114 needs it) with an empty Data group and no data folder.
        let rep = try SIPXML(path: pkg + "/representations/rep1/METS.xml")
        #expect(try rep.nodes("//*[local-name()='fileGrp'][@USE='Data']").count == 1)
        #expect(try rep.nodes("//*[local-name()='file']").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: pkg + "/representations/rep1/data"))
        let html = try String(contentsOfFile: pkg + "/documentation/cover-list.html", encoding: .utf8)
        #expect(html.contains("4 handlingar: 0 lämnas ut, 0 lämnas ut med maskning, 4 lämnas inte ut."))
        #expect(html.contains("kammarrätten"))
    }

    /// What both the folder and the unpacked zip must hold: DIP identification, agents, checksums
    /// that match, one dissemination event linking every file, and the cover list.
    private func expectDIPMetadata(_ pkg: String, fx: DIPFixture) throws {
        let mets = try SIPXML(path: pkg + "/METS.xml")
        #expect(try mets.strings("/*/@OBJID") == [DIPFixture.objid])
        #expect(try mets.strings("/*/@PROFILE") == ["https://earkdip.dilcis.eu/profile/E-ARK-DIP.xml"])
        #expect(try mets.strings("//*[local-name()='metsHdr']/@*[local-name()='OAISPACKAGETYPE']") == ["DIP"])
        #expect(try mets.strings("//*[local-name()='agent'][@ROLE='CREATOR']/*[local-name()='name']") == ["Bevara"])
        #expect(try mets.strings("//*[local-name()='agent'][@ROLE='DISSEMINATOR']/*[local-name()='name']") == ["E-arkiv Väst"])
        #expect(try mets.strings("//*[local-name()='agent'][@OTHERROLE='REGISTRAR']/*[local-name()='name']") == ["örjan.lindström"])
        #expect(try mets.strings("//*[local-name()='altRecordID']") == [DIPFixture.request.reference])
        // Both cover-list files are in the Documentation group with their real checksums.
        for doc in ["documentation/cover-list.html", "documentation/cover-list.csv"] {
            let sums = try mets.strings("//*[local-name()='fileGrp'][@USE='Documentation']/*[local-name()='file']"
                + "[*[local-name()='FLocat']/@*[local-name()='href']='\(doc)']/@CHECKSUM")
            #expect(sums == [try FileDigest.sha256(path: pkg + "/" + doc)], "\(doc)")
        }

        // The cover list is described in the PREMIS (ADMID); the shipped schemas are not.
        #expect(try mets.strings("//*[local-name()='fileGrp'][@USE='Documentation']/*[local-name()='file']/@ADMID")
            == ["digiprov-premis", "digiprov-premis"])
        #expect(try mets.strings("//*[local-name()='fileGrp'][@USE='Schemas']/*[local-name()='file']/*[local-name()='FLocat']/@*[local-name()='href']")
            == ["schemas/mets.xsd", "schemas/xlink.xsd", "schemas/DILCISExtensionMETS.xsd", "schemas/premis-v3-0.xsd"])
        #expect(try mets.nodes("//*[local-name()='fileGrp'][@USE='Schemas']/*[local-name()='file'][@ADMID]").isEmpty)

        let rep = try SIPXML(path: pkg + "/representations/rep1/METS.xml")
        #expect(try rep.strings("//*[local-name()='metsHdr']/@*[local-name()='OAISPACKAGETYPE']") == ["DIP"])
        let hrefs = try rep.strings("//*[local-name()='file']/*[local-name()='FLocat']/@*[local-name()='href']")
        #expect(Set(hrefs) == Set(fx.files.map { "data/" + $0.packagePath }))
        for file in fx.files {
            let sums = try rep.strings("//*[local-name()='file'][*[local-name()='FLocat']/@*[local-name()='href']='data/\(file.packagePath)']/@CHECKSUM")
            #expect(sums == [file.sha256], "\(file.packagePath)")
        }

        let premis = try SIPXML(path: pkg + "/metadata/preservation/premis.xml")
        #expect(try premis.strings("//*[local-name()='eventType']") == ["dissemination"])
        let fileIDs = try premis.strings("//*[local-name()='object'][@*[local-name()='type']='file']"
            + "/*[local-name()='objectIdentifier'][*[local-name()='objectIdentifierType']='local']/*[local-name()='objectIdentifierValue']")
        let linked = try premis.strings("//*[local-name()='event']/*[local-name()='linkingObjectIdentifier']"
            + "[*[local-name()='linkingObjectIdentifierType']='local']/*[local-name()='linkingObjectIdentifierValue']")
        #expect(fileIDs.count == fx.files.count + 2, "one object per released file and per cover-list file")
        #expect(Set(linked) == Set(fileIDs))
        for file in fx.files {
            let digest = try premis.strings("//*[local-name()='object'][*[local-name()='objectIdentifier']/*[local-name()='objectIdentifierValue']"
                + "='representations/rep1/data/\(file.packagePath)']//*[local-name()='messageDigest']")
            #expect(digest == [file.sha256], "\(file.packagePath)")
            let record = try premis.strings("//*[local-name()='object'][*[local-name()='objectIdentifier']/*[local-name()='objectIdentifierValue']"
                + "='representations/rep1/data/\(file.packagePath)']//*[local-name()='relatedObjectIdentifierValue']")
            #expect(record == [file.recordID])
        }
        #expect(try premis.strings("//*[local-name()='formatRegistryKey']").contains("fmt/18"), "the PDF 1.4 gets its PUID")
        let roles = try premis.strings("//*[local-name()='linkingAgentRole']")
        #expect(roles == ["executing program", "implementer", "authorizer"])

        let html = try String(contentsOfFile: pkg + "/documentation/cover-list.html", encoding: .utf8)
        for heading in ["Begäran", "Datum", "Myndighet", "Registrator", "Diarienummer", "Handling", "Titel", "Utfall", "Lagrum", "Filer"] {
            #expect(html.contains(">\(heading)</"), "heading \(heading)")
        }
        #expect(html.contains("<dd>2026-11-18</dd>"), "request date in Swedish time")
        for outcome in ["Lämnas ut", "Lämnas ut med maskning", "Lämnas inte ut"] { #expect(html.contains("<td>\(outcome)</td>")) }
        #expect(html.contains("kammarrätten") && html.contains("tre veckor"), "appeal instructions when something is withheld")
        // Links from documentation/ reach the released files.
        #expect(html.contains("href=\"../representations/rep1/data/%C3%96FN_2021_5/001-%C3%96verklagande.txt\""))
    }

    private func listing(_ dir: String) -> [String] {
        (FileManager.default.enumerator(atPath: dir)?.allObjects as? [String] ?? []).sorted()
    }

    private func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
