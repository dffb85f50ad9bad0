import BevaraModel
import Foundation
@testable import BevaraProfiles
import Testing

/// The staging catalog's binary form must give back exactly what was stored, for every shape the
/// model uses (optionals present and absent, nested arrays, enums with and without payloads), and
/// must cover every stored property of the model types.
@Suite struct CatalogCodingTests {
    let src = SourceLocation(file: "handlingar.csv", line: 7, element: "Handling[2]")

    private func roundTrip<T: CatalogCodable>(_ value: T) throws -> T {
        try CatalogReader.decode(T.self, from: Data(CatalogWriter.encode(value)))
    }

    /// Equal, and equal as JSON sees them (what the packager writes from them).
    private func expectSame<T: CatalogCodable & Codable & Equatable>(_ value: T) throws {
        let back = try roundTrip(value)
        #expect(back == value)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(back) == encoder.encode(value))
    }

    var fullParty: Party {
        Party(name: "Åsa Ödqvist", identityNumber: IdentityNumber("121212-1212", referenceYear: 1990), organisation: "Öxnered AB",
              address: "Storgatan 1", role: .counterpart, protectedIdentity: true, source: src)
    }

    var fullCase: Case {
        Case(systemID: "sys-1", diarienummer: Diarienummer("KS 2021/0042"),
             extraIDs: [ExtraID(type: "Äldre diarienummer", value: "BN 19/3")], title: "Bygglov för garage, Öxnered",
             status: .unknown("vilande?"), opened: PartialDate(year: 2021, month: 3, original: "2021-03"),
             closed: PartialDate(year: 2022, month: 1, day: 2, hour: 13, minute: 4, second: 5, original: "2022-01-02 13:04:05"),
             classification: Classification(code: "2.3", text: "Bygglov"), unit: "Samhällsbyggnad", officer: "Bo",
             parties: [fullParty, Party(name: "Bo", role: .sender)],
             secrecy: [SecrecyMarking(kind: .secrecy, legalReference: "OSL 26:1", explanation: "hälsa",
                                      expires: PartialDate(year: 2091, original: "2091")), SecrecyMarking(kind: .other)],
             source: src)
    }

    var fullRecord: BevaraModel.Record {
        BevaraModel.Record(
            id: "r-17", systemID: "h-9", caseNumber: Diarienummer("KS 2021/42"), runningNumber: -3, type: "Beslut",
            direction: .drawnUp, date: PartialDate(year: 2021, month: 5, day: 17, original: "17/5 2021"), title: "Ansökan",
            parties: [fullParty], secrecy: [SecrecyMarking(kind: .integrity, legalReference: "OSL 21:3")],
            files: [FileReference(path: "filer/a b.pdf", originalName: "a b.pdf", declaredSize: 1 << 40,
                                  declaredChecksum: Checksum(algorithm: .sha256, value: String(repeating: "ab", count: 32)),
                                  declaredMime: "application/pdf", source: src),
                    FileReference(path: "x.txt", source: SourceLocation(file: "filer.csv"))],
            source: src)
    }

    @Test func fullValuesRoundTrip() throws {
        try expectSame(fullCase)
        try expectSame(fullRecord)
        try expectSame(fullParty)
        try expectSame(FileReference(path: "ä/ö.txt", originalName: "", declaredSize: 0, source: SourceLocation(file: "")))
        var bare = fullCase
        bare.systemID = nil
        bare.opened = nil
        bare.classification = nil
        bare.parties = []
        bare.secrecy = []
        try expectSame(bare)
    }

    @Test(arguments: [CaseStatus.open, .dormant, .closed, .cancelled, .adActa, .unknown(""), .unknown("Vilande ärende")])
    func everyCaseStatusRoundTrips(status: CaseStatus) throws {
        var item = fullCase
        item.status = status
        try expectSame(item)
    }

    @Test(arguments: [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, Int(Int32.max), Int.max, Int.min, Int.max - 1, Int.min + 1])
    func integersRoundTrip(value: Int) throws {
        var out = CatalogWriter()
        out.int(value)
        out.int(nil)
        out.int(Optional(value))
        let back = try Data(out.bytes).withUnsafeBytes { raw -> [Int?] in
            var input = CatalogReader(raw)
            let read = [try input.int(), try input.optionalInt(), try input.optionalInt()]
            #expect(input.offset == raw.count)
            return read
        }
        #expect(back == [value, nil, value])
    }

    @Test func theFilesOfARecordReadAloneAreItsFiles() throws {
        let bytes = CatalogWriter.encode(fullRecord)
        let files = try bytes.withUnsafeBytes { raw in
            try CatalogReader.decodePrefix(of: raw) { try BevaraModel.Record.files(from: &$0) }
        }
        #expect(files == fullRecord.files)
        // The whole value read from bytes in place (as `ExportCatalog` reads a row's blob) is the value.
        #expect(try bytes.withUnsafeBytes { try CatalogReader.decode(BevaraModel.Record.self, from: $0) } == fullRecord)
    }

    @Test func damagedBytesAreAnErrorNotACrash() throws {
        let bytes = CatalogWriter.encode(fullRecord)
        // Cut anywhere: never a crash, always the catalog's error.
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            #expect(throws: CatalogDecodingError.self) { try CatalogReader.decode(BevaraModel.Record.self, from: Data(bytes[..<cut])) }
        }
        #expect(throws: CatalogDecodingError.self) { try CatalogReader.decode(Party.self, from: Data(bytes)) }
        // A huge count or length is refused before anything is reserved.
        #expect(throws: CatalogDecodingError.self) { try CatalogReader.decode(Party.self, from: Data([0xFE, 0xFF, 0xFF, 0xFF, 0x0F])) }
        #expect(throws: CatalogDecodingError.self) { try CatalogReader.decode(BevaraModel.Record.self, from: Data([0xFE, 0xFF, 0xFF, 0xFF, 0x0F])) }
        // An unknown enum value names itself.
        var out = CatalogWriter()
        Party(name: "Bo", role: .sender).write(to: &out)
        var party = out.bytes
        let role = Array("sender".utf8)
        let at = try #require(party.indices.first { Array(party[$0...].prefix(role.count)) == role })
        party[at] = UInt8(ascii: "t")
        #expect { try CatalogReader.decode(Party.self, from: Data(party)) } throws: { error in
            "\(error)".contains("'tender' is not a Role")
        }
    }

    /// Fails when a model type gains or loses a stored property: then `CatalogCoding+Model.swift`
    /// must write and read it too, and this list be updated with it.
    @Test func everyStoredPropertyIsCoded() {
        func labels(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
        #expect(labels(fullCase) == ["systemID", "diarienummer", "extraIDs", "title", "status", "opened", "closed",
                                     "classification", "unit", "officer", "parties", "secrecy", "source"])
        #expect(labels(fullRecord) == ["id", "systemID", "caseNumber", "runningNumber", "type", "direction", "date", "title",
                                       "parties", "secrecy", "files", "source"])
        #expect(labels(fullParty) == ["name", "identityNumber", "organisation", "address", "role", "protectedIdentity", "source"])
        #expect(labels(fullRecord.files[0]) == ["path", "originalName", "declaredSize", "declaredChecksum", "declaredMime", "source"])
        #expect(labels(fullRecord.files[0].declaredChecksum!) == ["algorithm", "value"])
        #expect(labels(fullParty.identityNumber!) == ["raw", "kind", "canonical"])
        #expect(labels(fullCase.secrecy[0]) == ["kind", "legalReference", "explanation", "expires"])
        #expect(labels(fullCase.closed!) == ["year", "month", "day", "hour", "minute", "second", "original"])
        #expect(labels(fullCase.extraIDs[0]) == ["type", "value"])
        #expect(labels(fullCase.classification!) == ["code", "text"])
        #expect(labels(src) == ["file", "line", "element"])
        #expect(labels(Diarienummer("KS 1/2")) == ["verbatim"])
    }
}
