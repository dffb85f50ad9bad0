import BevaraAccess
import BevaraModel
import Testing

@Suite struct AccessPolicyTests {
    @Test func eachRoleReadsOnlyItsOwnOrganisationAndAdministratorsReadNothing() throws {
        let registrar = AccessPolicy(user: ArchiveUser(id: "r", name: "R", role: .registrar, organisationID: "vanersborg"))
        let officer = AccessPolicy(user: ArchiveUser(id: "o", name: "O", role: .officer, organisationID: "trollhattan"))
        let admin = AccessPolicy(user: ArchiveUser(id: "a", name: "A", role: .administrator, organisationID: nil))
        #expect(registrar.readableOrganisations == ["vanersborg"])
        #expect(officer.readableOrganisations == ["trollhattan"])
        #expect(admin.readableOrganisations.isEmpty)
        #expect(throws: AccessError.self) { try admin.checkRead() }
        #expect(throws: AccessError.self) { try officer.checkDisclose() }
        try registrar.checkDisclose()
        #expect(registrar.seesRestrictedMetadata && !officer.seesRestrictedMetadata)
    }
}
