/// One generated case with everything the index takes for it: parties, records, and for some
/// records a file with its extracted text. A pure function of (seed, organisation, case index).
struct SyntheticCase {
    struct Party {
        var name: String
        var organisation: String?
        var role: String
        var identityNumber: String
        var protectedIdentity: Bool
        /// Index into `records` when the party is a record's sender, else nil (a party of the case).
        var recordIndex: Int?
    }

    struct File {
        var logicalPath: String
        var size: Int64
        var sha256: String
        var mime: String
        var puid: String
        var text: String
    }

    struct Record {
        var recordID: String
        var type: String
        var direction: String
        var date: String
        var title: String
        var restricted: Bool
        var legalReference: String?
        var file: File?
    }

    var organisationID: String
    var diarienummer: String
    var diariumPrefix: String
    var year: Int
    var title: String
    var status: String
    var opened: String
    var closed: String?
    var classification: String
    var unit: String
    var officer: String
    var restricted: Bool
    var legalReference: String?
    var parties: [Party]
    var records: [Record]
}
