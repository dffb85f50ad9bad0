import Crypto
import Foundation

/// The canonical byte form of an entry, which is both what is written and what is hashed.
///
/// Canonical JSON here means: Foundation's `JSONEncoder` with `.sortedKeys` and
/// `.withoutEscapingSlashes`, no pretty printing, UTF-8, absent optionals omitted. Each line of
/// the log is exactly `canonicalLine(entry)` followed by `\n`; `verify` re-encodes every entry
/// and requires the same bytes, so no byte of a line can change unnoticed.
/// `hash` = lower-case hex SHA-256 of the canonical JSON of the entry without its `hash` key.
enum AccessLogCanonical {
    /// `JSONEncoder.userInfo` key: when true, `AccessLogEntry` leaves `hash` out.
    static let omitHash = CodingUserInfoKey(rawValue: "bevara.accessLog.omitHash")!

    static let genesisHash = String(repeating: "0", count: 64)

    private static func encoder(omittingHash: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.userInfo[omitHash] = omittingHash
        return encoder
    }

    /// The line as written, without the newline.
    static func line(_ entry: AccessLogEntry) throws -> Data {
        try encoder(omittingHash: false).encode(entry)
    }

    /// The hash the entry should carry.
    static func hash(_ entry: AccessLogEntry) throws -> String {
        let bytes = try encoder(omittingHash: true).encode(entry)
        return hex(SHA256.hash(data: bytes))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func hex(_ digest: SHA256.Digest) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
