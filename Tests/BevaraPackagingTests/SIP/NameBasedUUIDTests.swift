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

    /// `canonical` gives what Foundation's UUID gives for the trimmed value, so no `extraId` is
    /// lost or added and no identifier changes; except that Foundation also took a sign before
    /// the first group (`-c1f3f0e-…` became `f41f3f0e-…`, an id the export never had), which is
    /// not a UUID and is now kept as an `extraId` beside a name-based identifier.
    @Test func canonicalIsFoundationsUUIDOfTheTrimmedValue() {
        let uuid = "6c1f3f0e-2f7a-4c55-9a8e-3b0d2b1f5e47"
        var values = [uuid, uuid.uppercased(), " \(uuid)", "\(uuid)\t", "{\(uuid)}", "\u{A0}\(uuid)", "6c1f3f0e2f7a4c559a8e3b0d2b1f5e47",
                      String(uuid.dropLast()), uuid + "0", "4711", "ÄR-1", "", " ", "urn:uuid:\(uuid)", "x\(uuid.dropFirst())",
                      "6c1f3f0e-2f7a-4c55-9a8e-3b0d2b1f5e4g", "6c1f3f0e-2f7a-4c55-9a8e+3b0d2b1f5e47", "6C1f3F0e-2F7a-4c55-9A8e-3b0D2b1f5E47",
                      "6c1f3f0e-2f7a-4c55-9a8e-3b0d2b1f5e4\u{E4}", "-c1f3f0e-2f7a-4c55-9a8e-3b0d2b1f5e47",
                      "+c1f3f0e-2f7a-4c55-9a8e-3b0d2b1f5e47", "6c1f3f0e--f7a-4c55-9a8e-3b0d2b1f5e47", " 6c1f3f0e-2f7a-4c55-9a8e-3b0d2b1f5e47\n",
                      " -c1f3f0e-2f7a-4c55-9a8e-3b0d2b1f5e47", "\u{A0}6C1F3F0E-2F7A-4C55-9A8E-3B0D2B1F5E47\u{3000}"]
        for _ in 0..<200 { values.append(UUID().uuidString); values.append(UUID().uuidString.lowercased()) }
        let strict = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/
        for value in values {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            let foundation = UUID(uuidString: trimmed)?.uuidString.lowercased()
            let isUUID = trimmed.wholeMatch(of: strict) != nil
            #expect(NameBasedUUID.canonical(value) == (isUUID ? foundation : nil), "\(value.debugDescription)")
            if isUUID { #expect(foundation != nil, "\(value.debugDescription)") }
        }
        #expect(NameBasedUUID.canonical("-c1f3f0e-2f7a-4c55-9a8e-3b0d2b1f5e47") == nil)
        #expect(NameBasedUUID.canonical(" -c1f3f0e-2f7a-4c55-9a8e-3b0d2b1f5e47") == nil)
    }
}
