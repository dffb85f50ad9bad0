import BevaraArchiveIO
@testable import BevaraPackaging
import Foundation
import Testing

/// ERMS system identifiers must not change when their formatting does: the bytes-to-text path
/// gives what Foundation's UUID gave for the same SHA-256.
@Suite struct NameBasedUUIDTests {
    /// The earlier construction, through Foundation's UUID.
    static func throughFoundation(_ name: String) -> String {
        var bytes = withUnsafeBytes(of: UUID(uuidString: "6c1f3f0e-2f7a-4c55-9a8e-3b0d2b1f5e47")!.uuid) { Array($0) }
        bytes.append(contentsOf: Array(name.utf8))
        var d = FileDigest.sha256Bytes(of: bytes)
        d[6] = (d[6] & 0x0F) | 0x80
        d[8] = (d[8] & 0x3F) | 0x80
        return UUID(uuid: (d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10], d[11], d[12], d[13], d[14], d[15]))
            .uuidString.lowercased()
    }

    @Test func sameTextAsFoundationsUUID() {
        var names = ["", "case\u{1F}KS 2021/1", "record\u{1F}R1", "Åsa Öberg – ärende 12"]
        for i in 0..<500 { names.append("record\u{1F}\(i)-\(i * 7919)") }
        for name in names {
            #expect(NameBasedUUID.make(name) == Self.throughFoundation(name), "\(name)")
        }
        #expect(NameBasedUUID.make("x").count == 36)
        #expect(NameBasedUUID.uuid(existing: " 6C1F3F0E-2F7A-4C55-9A8E-3B0D2B1F5E47 ", name: "ignored") == "6c1f3f0e-2f7a-4c55-9a8e-3b0d2b1f5e47")
    }

    /// `ERMSWriter.mayBeUUID` says false only for values Foundation does not parse as a UUID once
    /// trimmed (so no `extraId` is lost or added).
    @Test func onlyValuesThatCannotBeUUIDsSkipFoundation() {
        let uuid = "6c1f3f0e-2f7a-4c55-9a8e-3b0d2b1f5e47"
        let values = [uuid, uuid.uppercased(), " \(uuid)", "\(uuid)\t", "{\(uuid)}", "\u{A0}\(uuid)", "6c1f3f0e2f7a4c559a8e3b0d2b1f5e47",
                      String(uuid.dropLast()), uuid + "0", "4711", "ÄR-1", "", " ", "urn:uuid:\(uuid)", "x\(uuid.dropFirst())"]
        for value in values where !ERMSWriter.mayBeUUID(value) {
            #expect(UUID(uuidString: value.trimmingCharacters(in: .whitespaces)) == nil, "\(value.debugDescription)")
        }
        #expect(!ERMSWriter.mayBeUUID("4711") && !ERMSWriter.mayBeUUID("{\(uuid)}") && ERMSWriter.mayBeUUID(uuid))
        #expect(ERMSWriter.mayBeUUID(" \(uuid)") && ERMSWriter.mayBeUUID("\u{A0}\(uuid)"))
    }
}
