@testable import BevaraProfiles
import Testing

/// Profiles name fields by text; rows find them by position. The two must agree.
@Suite struct CSVFieldTests {
    @Test func everyFieldIsNamedAsProfilesWriteItAndFoundByThatName() {
        #expect(CSVField.allCases.map(\.name) == [
            "diarienummer", "systemID", "title", "status", "opened", "closed", "classificationCode",
            "classificationText", "unit", "officer", "secrecy", "legalReference", "extraID",
            "id", "caseNumber", "runningNumber", "type", "direction", "date", "sender", "recipient", "secrecyExplanation",
            "recordID", "name", "identityNumber", "organisation", "address", "role", "protectedIdentity",
            "path", "originalName", "checksum",
        ])
        for field in CSVField.allCases { #expect(CSVField(named: field.name) == field) }
        #expect(CSVField(named: "Diarienummer") == nil)
        #expect(CSVField(named: "") == nil)
    }

    @Test func everyTableFieldAndRequiredFieldIsAField() {
        for (table, required) in GenericCSVReader.required {
            let fields = GenericCSVReader.fields[table] ?? []
            #expect(!fields.isEmpty, "\(table)")
            for field in required { #expect(fields.contains(field), "\(table).\(field.name)") }
        }
    }

    @Test func columnsAreFoundByFieldAndUnmappedFieldsAreNil() {
        var columns = CSVColumns()
        columns[.title] = (2, "Rubrik")
        columns[.checksum] = (0, "SHA256")
        #expect(columns[.title]?.index == 2)
        #expect(columns[.title]?.header == "Rubrik")
        #expect(columns[.checksum]?.index == 0)
        #expect(columns[.diarienummer] == nil)
        #expect(columns[.path] == nil)
    }
}
