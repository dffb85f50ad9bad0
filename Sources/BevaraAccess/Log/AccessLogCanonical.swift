import BevaraArchiveIO
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
        return FileDigest.hex(SHA256.hash(data: bytes))
    }

    /// The hash of a line as read: SHA-256 of its bytes without the `"hash":"<64 hex>",` member,
    /// which for a canonical line is exactly the canonical JSON without `hash` (one SHA pass
    /// instead of a second encoding). Nil when the line has no such member.
    ///
    /// The first `"hash":"` in a canonical line is the top-level member: keys are sorted, so only
    /// `command` (a string), `decisions` and `files` (objects with fixed keys, none named `hash`)
    /// come before it, and a quote inside a JSON string is always escaped. `outcome` always
    /// follows, hence the comma. A non-canonical line may fool this search, but `verify` rejects
    /// any line whose bytes are not the canonical encoding, so it cannot pass.
    static func hash(ofLine line: Data) -> String? {
        line.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let marker = Array("\"hash\":\"".utf8)
            let memberLength = marker.count + 64 + 2
            guard bytes.count >= memberLength else { return nil }
            guard let start = firstOccurrence(of: marker, in: bytes) else { return nil }
            guard start + memberLength <= bytes.count,
                  bytes[start + marker.count + 64] == UInt8(ascii: "\""),
                  bytes[start + marker.count + 65] == UInt8(ascii: ",") else { return nil }
            var hasher = SHA256()
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: raw[0..<start]))
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: raw[(start + memberLength)...]))
            return FileDigest.hex(hasher.finalize())
        }
    }

    private static func firstOccurrence(of marker: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress, bytes.count >= marker.count else { return nil }
        var from = 0
        // memchr/memcmp: C speed even in a debug build, where verify spends its time.
        while let found = memchr(base + from, Int32(marker[0]), bytes.count - marker.count + 1 - from) {
            let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(found, marker, marker.count) == 0 { return offset }
            from = offset + 1
            if from > bytes.count - marker.count { return nil }
        }
        return nil
    }
}
