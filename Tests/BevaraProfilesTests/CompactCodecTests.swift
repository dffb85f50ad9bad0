import BevaraModel
import Foundation
@testable import BevaraProfiles
import Testing

/// The staging catalog's binary coder must give back exactly what was stored, for every shape
/// the model uses: optionals present and absent, nested arrays, enums with and without payloads.
@Suite struct CompactCodecTests {
    let src = SourceLocation(file: "handlingar.csv", line: 7, element: "Handling[2]")

    private func roundTrip<T: Codable & Equatable>(_ value: T) throws -> T {
        let bytes = try CompactEncoder().encode(value)
        return try CompactDecoder().decode(T.self, from: bytes)
    }

    @Test func fullCaseRoundTrips() throws {
        let item = Case(systemID: "sys-1", diarienummer: Diarienummer("KS 2021/0042"),
                        extraIDs: [ExtraID(type: "Äldre diarienummer", value: "BN 19/3")], title: "Bygglov för garage, Öxnered",
                        status: .unknown("vilande?"), opened: PartialDate(year: 2021, month: 3, original: "2021-03"),
                        closed: nil, classification: Classification(code: "2.3", text: nil), unit: "Samhällsbyggnad",
                        officer: nil,
                        parties: [Party(name: "Åsa Ödqvist", identityNumber: IdentityNumber("19121212-1212"), address: "Storgatan 1",
                                        role: .counterpart, protectedIdentity: true, source: src)],
                        secrecy: [SecrecyMarking(kind: .secrecy, legalReference: "OSL 26:1", explanation: "hälsa",
                                                 expires: PartialDate(year: 2091, original: "2091"))],
                        source: src)
        #expect(try roundTrip(item) == item)
        var closed = item
        closed.status = .closed
        closed.systemID = nil
        #expect(try roundTrip(closed) == closed)
    }

    @Test func recordWithFilesAndChecksumsRoundTrips() throws {
        let record = BevaraModel.Record(
            id: "r-17", caseNumber: Diarienummer("KS 2021/42"), runningNumber: 3, direction: .incoming,
            date: PartialDate(year: 2021, month: 5, day: 17, original: "17/5 2021"), title: "Ansökan",
            parties: [Party(name: "Bo", role: .sender)],
            files: [FileReference(path: "filer/a b.pdf", originalName: "a b.pdf", declaredSize: 1 << 40,
                                  declaredChecksum: Checksum(algorithm: .sha256, value: String(repeating: "ab", count: 32)),
                                  declaredMime: "application/pdf", source: src),
                    FileReference(path: "x.txt", source: SourceLocation(file: "filer.csv"))],
            source: src)
        #expect(try roundTrip(record) == record)
        // JSON's view of the decoded value is the same as of the original.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(try roundTrip(record)) == encoder.encode(record))
    }

    @Test func plainValuesAndCollectionsRoundTrip() throws {
        #expect(try roundTrip("Ärende") == "Ärende")
        #expect(try roundTrip(Int64.min) == Int64.min)
        #expect(try roundTrip([1, 2, 3]) == [1, 2, 3])
        #expect(try roundTrip(["a": [1.5, -0.0]]) == ["a": [1.5, -0.0]])
        let optionals: [String?] = ["a", nil, ""]
        #expect(try roundTrip(optionals) == optionals)
        #expect(try roundTrip(UInt64.max) == UInt64.max)
    }

    @Test func damagedBytesAreAnErrorNotACrash() throws {
        var bytes = try CompactEncoder().encode(Party(name: "Bo", role: .sender))
        bytes.removeLast(3)
        #expect(throws: CompactDecodingError.self) { try CompactDecoder().decode(Party.self, from: bytes) }
    }
}
