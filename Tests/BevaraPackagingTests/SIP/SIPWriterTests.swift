import BevaraArchiveIO
import BevaraModel
import BevaraPackaging
import Foundation
import Testing

/// Writes the fixture export as a SIP folder, tar and zip, and judges each with the field's
/// validator (eark-validator + fixity + XSD) and with concrete checks of the content.
@Suite struct SIPWriterTests {
    static let repDir = "representations/rep1"

    /// Asserts that validate-sip passes all three checks, showing its output otherwise.
    static func expectValid(_ path: String) throws {
        let result = try SIPTools.validateSIP(path)
        #expect(result.status == 0, "validate-sip failed:\n\(result.output)")
        for check in ["eark", "fixity", "xsd"] {
            #expect(result.output.contains("PASS \(check) "), "no PASS for \(check):\n\(result.output)")
        }
        print(result.output)
    }

    @Test func directorySIPPassesValidatorsAndHoldsEveryFile() throws {
        let fx = try SIPFixture()
        let out = fx.root + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let pkg = out + "/" + SIPFixture.objid
        var checked: [(FileReference, FileFacts)] = []
        let summary = try SIPWriter(context: fx.context()).write(fx.contents(), to: .directory(pkg),
                                                                 check: { ref, _, facts in checked.append((ref, facts)) })
        try Self.expectValid(pkg)

        // Summary and FileCheck calls.
        let contentBytes = fx.files.values.reduce(Int64(0)) { $0 + Int64($1.count) }
        #expect(summary.objid == SIPFixture.objid)
        #expect(summary.cases == 4 && summary.records == 6 && summary.files == 7)
        #expect(summary.contentBytes == contentBytes)
        #expect(summary.rootMETSSHA256 == (try FileDigest.sha256(path: pkg + "/METS.xml")))
        #expect(checked.count == 7)
        let formats = Dictionary(checked.map { ($0.0.originalName, $0.1.format) }, uniquingKeysWith: { a, _ in a })
        #expect(formats["Situationsplan.png"]?.mime == "image/png")
        #expect(formats["Ansökan om bygglov.pdf"]?.puid == "fmt/18")
        #expect(formats["Utredning (sekretess).xml"]?.mime == "application/xml")
        #expect(formats["Beslut §12.txt"]?.puid == "x-fmt/111")

        // Every content file once, byte-identical, with its original name and export path in PREMIS.
        let premis = try SIPXML(path: pkg + "/\(Self.repDir)/metadata/preservation/premis.xml")
        let objects = try premis.nodes("//*[local-name()='object']")
        #expect(objects.count == 8) // 7 content files + erms.xml
        var packaged: [String: (repPath: String, name: String, digest: String)] = [:]
        for object in objects {
            func value(_ type: String) throws -> String? {
                try object.nodes(forXPath: "*[local-name()='objectIdentifier'][*[local-name()='objectIdentifierType']='\(type)']/*[local-name()='objectIdentifierValue']").first?.stringValue
            }
            guard let exportPath = try value("export path") else { continue }
            packaged[exportPath] = (try value("filepath") ?? "",
                                    try object.nodes(forXPath: "*[local-name()='originalName']").first?.stringValue ?? "",
                                    try object.nodes(forXPath: ".//*[local-name()='messageDigest']").first?.stringValue ?? "")
        }
        #expect(Set(packaged.keys) == Set(fx.files.keys))
        for (exportPath, data) in fx.files {
            guard let entry = packaged[exportPath] else { continue }
            let sha = FileDigest.sha256(of: data)
            #expect(entry.digest == sha, "\(exportPath)")
            #expect(entry.name == fx.originalNames[exportPath], "\(exportPath)")
            let copy = try Data(contentsOf: URL(fileURLWithPath: pkg + "/\(Self.repDir)/" + entry.repPath))
            #expect(copy == data, "\(exportPath) differs in the package")
        }
        #expect(packaged["filer/2021/123/situationsplan.bin"]?.name == "Situationsplan.png")

        // Rep METS: one entry per content file plus erms.xml, SHA-256 as in the file.
        let repMETS = try SIPXML(path: pkg + "/\(Self.repDir)/METS.xml")
        let hrefs = try repMETS.strings("//*[local-name()='file']/*[local-name()='FLocat']/@*[local-name()='href']")
        let sums = try repMETS.strings("//*[local-name()='file']/@CHECKSUM")
        #expect(hrefs.count == 8 && sums.count == 8)
        for (href, sum) in zip(hrefs, sums) {
            #expect(try FileDigest.sha256(path: pkg + "/\(Self.repDir)/" + href) == sum)
        }

        // Names in the package: safe characters, collision-free, the layout decided.
        let dataFiles = try FileManager.default.subpathsOfDirectory(atPath: pkg + "/\(Self.repDir)/data").sorted()
        #expect(dataFiles == [
            "KS_2021_123", "KS_2021_123/001-Ansokan_om_bygglov.pdf", "KS_2021_123/002-Situationsplan.png",
            "KS_2021_123/003-Utredning_sekretess.xml", "KS_2021_123/004-Beslut_12.txt",
            "OFN_2021_5", "OFN_2021_5/001-Overklagande_kopia_2.pdf", "OFN_2021_5/002-Overklagande_kopia_2.pdf",
            "OFN_2021_5_2", "OFN_2021_5_2/001-anmalan.txt", "erms.xml",
        ])
        let all = try FileManager.default.subpathsOfDirectory(atPath: pkg)
        for path in all {
            for part in path.split(separator: "/") {
                #expect(part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }, "unsafe name \(path)")
            }
        }
        #expect(!all.contains { $0.contains(".bevara-spool") })
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: pkg + "/schemas")) == Set(SchemaLibrary.required.map(\.fileName)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: pkg + "/documentation") == ["Leveransbeskrivning.txt"])

        // Root METS identification and agents.
        let root = try SIPXML(path: pkg + "/METS.xml")
        #expect(try root.strings("/*/@OBJID") == [SIPFixture.objid])
        #expect(try root.strings("/*/@*[local-name()='OTHERCONTENTINFORMATIONTYPE']") == ["citserms_v3_0"])
        #expect(try root.strings("//*[local-name()='altRecordID'][@TYPE='SUBMISSIONAGREEMENT']") == ["LÖ-2026-014"])
        #expect(try root.strings("//*[local-name()='agent'][@ROLE='CREATOR'][@TYPE='ORGANIZATION']/*[local-name()='note']") == ["ORG:000000-0000"])
        #expect(try root.strings("//*[local-name()='agent'][@OTHERROLE='SOURCESYSTEM']/*[local-name()='name']") == ["Ciceron"])

        // Package PREMIS: the creation event, linked to the package and the software.
        let packagePREMIS = try SIPXML(path: pkg + "/metadata/preservation/premis.xml")
        #expect(try packagePREMIS.strings("//*[local-name()='eventType']") == ["information package creation"])
        #expect(try packagePREMIS.strings("//*[local-name()='linkingObjectIdentifierValue']") == [SIPFixture.objid])
        #expect(try packagePREMIS.strings("//*[local-name()='agentName']") == ["Bevara", "Vänersborgs kommun", "Byggnadsnämnden", "Ciceron"])
        #expect(try premis.strings("//*[local-name()='eventType']") == ["message digest calculation", "format identification"])
        #expect(try premis.nodes("//*[local-name()='event'][2]/*[local-name()='linkingObjectIdentifier']").count == 7)
    }

    @Test func ermsIsValidAndCarriesTheCases() throws {
        let fx = try SIPFixture()
        let pkg = fx.root + "/" + SIPFixture.objid
        _ = try SIPWriter(context: fx.context()).write(fx.contents(), to: .directory(pkg))
        let ermsPath = pkg + "/\(Self.repDir)/data/erms.xml"
        let xsd = try SIPTools.xsdValidate(ermsPath, schema: SIPTestPaths.schemas + "/ERMS_v3.xsd")
        #expect(xsd.status == 0, "ERMS_v3.xsd:\n\(xsd.output)")
        let sch = try SIPTools.schematronValidate(ermsPath, schematron: SIPTestPaths.schemas + "/erms_v3.sch")
        #expect(sch.status == 0, "erms_v3.sch:\n\(sch.output)")

        let erms = try SIPXML(path: ermsPath)
        func agg(_ dnr: String) -> String { "//*[local-name()='aggregation'][*[local-name()='objectId']='\(dnr)']" }
        #expect(try erms.strings("//*[local-name()='aggregation']/*[local-name()='objectId']") == ["KS 2021/123", "ÖFN 2021/5", "OFN 2021/5", "KS 2022/1"])
        #expect(try erms.strings("//*[local-name()='aggregation']/@aggregationType") == Array(repeating: "caseFile", count: 4))
        #expect(try erms.strings(agg("KS 2021/123") + "/*[local-name()='identification'][@identificationType='diarienummer']") == ["KS 2021/123"])
        #expect(try erms.strings(agg("KS 2021/123") + "/*[local-name()='title']") == ["Ansökan om bygglov för förråd på Åsbacka 1:23"])
        // Created dates: opened; earliest record date; opened with time; package date.
        let created = try erms.strings("//*[local-name()='aggregation']/*[local-name()='dates']/*[@dateType='created']")
        #expect(created == ["2021-03-01T00:00:00", "2021-08-01T00:00:00", "2021-09-02T14:05:00", "2026-11-18T11:06:40Z"])
        // Every record has a created date (ERMS135).
        #expect(try erms.nodes("//*[local-name()='record']").count == 6)
        #expect(try erms.nodes("//*[local-name()='record'][not(*[local-name()='dates']/*[@dateType='created'])]").isEmpty)
        // System identifiers are UUIDs; a UUID from the source is kept.
        let ids = try erms.strings("//@systemIdentifier")
        #expect(ids.count == 10 && ids.allSatisfy { UUID(uuidString: $0) != nil })
        #expect(ids.contains("3f2504e0-4f89-11d3-9a0c-0305e82c3301"))
        // A source id that is not a UUID is kept beside the generated one.
        #expect(try erms.strings("//*[local-name()='extraId'][@extraIdType='systemID']") == ["C-1001"])
        // Secrecy: the legal reference as delivered, and the fallback when there is none.
        #expect(try erms.strings("//*[local-name()='restriction']/*[local-name()='regulation']") == ["OSL 26 kap. 1 §", "unknown – to be assessed"])
        // Protected party: name kept, flag set.
        #expect(try erms.strings(agg("KS 2021/123") + "/*[local-name()='agents']/*[local-name()='agent'][@agentType='counterpart']/*[local-name()='protectedIdentity']") == ["true"])
        #expect(try erms.strings(agg("KS 2021/123") + "/*[local-name()='agents']/*[local-name()='agent'][@agentType='counterpart']/*[local-name()='name']") == ["Åsa Öberg"])
        // Files as appendices with original name and package path.
        let names = try erms.strings("//*[local-name()='appendix']/@name")
        let paths = try erms.strings("//*[local-name()='appendix']/@path")
        #expect(names.count == 7 && paths.count == 7)
        #expect(names.contains("Ansökan om bygglov.pdf") && names.contains("Situationsplan.png"))
        for path in paths { #expect(FileManager.default.fileExists(atPath: pkg + "/" + path), "\(path)") }
        #expect(try erms.strings("//*[local-name()='systemInformation']//*[local-name()='name']") == ["Ciceron"])
    }

    @Test(arguments: [ArchiveWriter.Format.tar, .zip])
    func archiveSIPPassesValidatorsWithDataFirstAndRootMETSLast(format: ArchiveWriter.Format) throws {
        ProcessSetup.useUTF8Locale()
        let fx = try SIPFixture()
        let scratch = fx.root + "/scratch"
        let archivePath = fx.root + "/\(SIPFixture.objid).\(format.rawValue)"
        let archive = try ArchiveWriter(path: archivePath, format: format, modificationTime: SIPFixture.created)
        let summary = try SIPWriter(context: fx.context()).write(fx.contents(), to: .archive(archive, scratchDirectory: scratch))
        try archive.close()
        try Self.expectValid(archivePath)

        let entries = try SIPTools.archiveEntries(archivePath)
        let prefix = SIPFixture.objid + "/"
        #expect(entries.allSatisfy { $0.hasPrefix(prefix) || $0 == prefix })
        #expect(entries.last == prefix + "METS.xml")
        let files = entries.filter { !$0.hasSuffix("/") }
        let lastContent = files.lastIndex { $0.hasPrefix(prefix + "representations/rep1/data/") && !$0.hasSuffix("erms.xml") }
        let firstMetadata = files.firstIndex { $0.hasSuffix(".xml") && !$0.contains("/data/KS") && !$0.contains("/data/OFN") }
        #expect(lastContent != nil && firstMetadata != nil && lastContent! < firstMetadata!)
        #expect(files.count == 7 + 1 + 2 + 1 + 1 + 6 + 1) // content, erms, rep PREMIS+METS, premis, doc, schemas, METS
        // Spools and metadata drafts are gone from the scratch folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).isEmpty)

        // The metadata does not depend on the destination: same root METS as a folder write.
        let dir = fx.root + "/dir-" + SIPFixture.objid
        let dirSummary = try SIPWriter(context: fx.context()).write(fx.contents(), to: .directory(dir))
        #expect(summary == dirSummary)
    }
}
