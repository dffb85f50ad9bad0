import BevaraModel
@testable import BevaraProfiles
import Foundation
import Testing

/// The CSV reader parses and maps rows on a thread of its own while the caller inserts them:
/// the catalog and the findings must be exactly what the one-thread load gave (the pipeline's
/// order, errors and memory: TwoThreadPipelineTests).
@Suite struct CatalogLoadPipelineTests {
    /// A generated export with merging parties, a files table and rows that make findings, read
    /// by `GenericCSVReader` (pipelined) and loaded the one-thread way (each row mapped and
    /// added in turn, as before the pipeline): the same cases, records, counts and findings.
    @Test func pipelinedReadEqualsTheOneThreadLoad() throws {
        let export = try TempExport()
        var cases = [GenericCSVReaderTests.caseHeader]
        var records = [GenericCSVReaderTests.recordHeader]
        var parties = [GenericCSVReaderTests.partyHeader]
        var files = [GenericCSVReaderTests.fileHeader]
        for c in 1...400 {
            let dnr = "KS 2021/\(c)"
            let opened = c % 97 == 0 ? "2021-13-40" : "2021-0\(c % 9 + 1)-1\(c % 10)"  // some invalid dates
            cases.append("\(dnr);id-\(c);Ärende \(c) – Öxnered;\(c % 3 == 0 ? "Avslutat" : "Pågående");\(opened);;1.\(c % 5);;Enhet \(c % 4);Handläggare \(c % 7);Nej;;")
            parties.append("\(dnr);;Sökande \(c);19700805-3030;;Gatan \(c);Sökande;\(c % 11 == 0 ? "Ja" : "Nej")")
            for r in 1...3 {
                let rid = "\(dnr):\(r)"
                let sender = r == 1 ? "Anna  Andersson" : ""
                let recipient = r == 2 ? "Bo Ek | Lantmäteriet" : ""
                let title = c % 89 == 0 && r == 3 ? "" : "Handling \(r) i \(c)"  // an empty required field
                records.append("\(rid);\(dnr);\(r);Skrivelse;\(r == 1 ? "Inkommande" : "Utgående");2021-05-1\(r);\(title);\(sender);\(recipient);Nej;;")
                if r == 1 { parties.append("\(dnr);\(rid);anna andersson;;;Storgatan 1;;\(c % 2 == 0 ? "Ja" : "Nej")") }
                if r == 2 { parties.append("\(dnr);\(rid);Lantmäteriet;202100-4888;Lantmäteriet;;Mottagare;") }
                files.append("\(rid);KS_2021_\(c)\\\(r).pdf;Fil \(r).pdf;")
            }
        }
        try export.write("arenden.csv", cases.joined(separator: "\n") + "\n")
        try export.write("handlingar.csv", records.joined(separator: "\n") + "\n")
        try export.write("parter.csv", parties.joined(separator: "\n") + "\n")
        try export.write("filer.csv", files.joined(separator: "\n") + "\n")
        let profile = try repoProfile("generic-csv")

        let pipelined = try readExport(export, profile: profile)
        let serial = try oneThreadLoad(export, profile: profile)

        #expect(pipelined.counts == serial.counts)
        #expect(pipelined.counts.records > 1000 && pipelined.counts.fileReferences == 1200)
        #expect(pipelined.cases.count == serial.cases.count)
        for (a, b) in zip(pipelined.cases, serial.cases) {
            #expect(a.0 == b.0)
            #expect(a.1 == b.1)
        }
        #expect(pipelined.findings.findings == serial.findings.findings)
        #expect(pipelined.findings.counts == serial.findings.counts)
        #expect(pipelined.ruleIDs.contains("metadata.missing") && pipelined.ruleIDs.contains("date.invalid"))
    }

    /// The load as it was before the pipeline: every table row mapped and added on this thread.
    private func oneThreadLoad(_ export: TempExport, profile: Profile) throws -> ReadResult {
        let catalog = try ExportCatalog()
        let findings = FindingCollector()
        let section = try #require(profile.csv)
        let tables = try #require(profile.tables)
        let dialect = try CSVDialect(section, profile: profile.id)
        let rows = CSVRowMapper(mapper: try ValueMapper(profile: profile, findings: findings),
                                listSeparator: dialect.listSeparator, findings: findings)
        let ordered: [(String, TablesSection.Table?)] = [
            ("cases", tables.cases), ("records", tables.records), ("parties", tables.parties), ("files", tables.files),
        ]
        for case let (name, table?) in ordered {
            try CSVTableReader(name: name, table: table, dialect: dialect).read(exportRoot: export.path, findings: findings) { row in
                guard rows.hasRequired(row, GenericCSVReader.required[name] ?? [], table: name) else { return }
                switch name {
                case "cases": try catalog.add(rows.makeCase(row))
                case "records": try catalog.add(rows.makeRecord(row))
                case "parties":
                    let (party, caseNumber, recordID) = rows.makeParty(row)
                    try catalog.add(party: party, caseNumber: caseNumber, recordID: recordID)
                default:
                    let (file, recordID) = rows.makeFile(row)
                    try catalog.add(file: file, recordID: recordID)
                }
            }
        }
        try catalog.finishLoading()
        var cases: [(Case, [Record])] = []
        try catalog.forEachCase { cases.append(($0, $1)) }
        return ReadResult(cases: cases, findings: findings, counts: try catalog.counts())
    }
}
