import BevaraModel
import BevaraPackaging
import BevaraProfiles
import Foundation
import Testing

/// `bevara package` runs the case-content rules on the cases it streams (one decode per record);
/// the report must be the one `bevara check --metadata-only` gives, byte for byte.
@Suite struct PendingPreflightTests {
    /// An export with findings of every case rule, a catalog rule before them and file rules after.
    static func exportWithCaseFindings() throws -> PreflightExport {
        let e = try PreflightExport()
        e.cases[0][3] = "1900-01-01"                  // date.sentinel on a case
        e.cases[1][4] = "2021-01-01"                  // closed before opened: date.inverted-range
        e.records[2][6] = ""                          // secret without a legal reference
        e.records.append(["R1", "KS 2021/2", "Dubblett", "2021-05-03", "Inkommande", "", ""])  // record.duplicate-id (error, catalog rule)
        e.fileRows[0][2] = "Ansökan: del 1?.txt"      // file.name-portability (a file rule, after the case rules)
        return e
    }

    @Test func deferredCaseRulesGiveTheSameReportAsThePreflight() throws {
        let e = try Self.exportWithCaseFindings()
        try e.write()
        let config = try DeliveryConfiguration(library: profileLibrary, profile: nil, agreement: "EAV-VBG-KS-CSV")
        let preflight = Preflight(profile: config.profile, agreement: config.agreement, organisation: config.organisation)
        let whole = try preflight.run(exportRoot: e.root, catalog: try ExportCatalog(), readContent: false)
        for rule in ["date.sentinel", "date.inverted-range", "secrecy.no-legal-reference", "record.duplicate-id", "file.name-portability"] {
            #expect(!whole.findings(rule).isEmpty, "\(rule) missing:\n\(whole.text())")
        }

        let catalog = try ExportCatalog()
        let pending = try preflight.runForPackaging(exportRoot: e.root, catalog: catalog)
        #expect(pending.report().findings("date.sentinel").isEmpty)
        try catalog.forEachCase { item, records in pending.check(item, records: records) }
        pending.finishCaseRules()
        #expect(try pending.report().json() == whole.json())
        #expect(pending.report().text() == whole.text())
    }

    @Test func caseRulesAreDeferredOnlyWhileTheyCanOnlyWarn() throws {
        var agreement = try #require(try DeliveryConfiguration(library: profileLibrary, profile: nil, agreement: "EAV-VBG-KS-CSV").agreement)
        #expect(Preflight.canDeferCaseRules(agreement))
        #expect(Preflight.canDeferCaseRules(nil))
        agreement.ruleSeverity = ["file.zero-byte": .warning, "date.sentinel": .warning]
        #expect(Preflight.canDeferCaseRules(agreement))
        agreement.ruleSeverity = ["date.sentinel": .error]
        #expect(!Preflight.canDeferCaseRules(agreement))
    }
}
