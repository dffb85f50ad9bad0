import BevaraArchiveIO
import Crypto
import Foundation

/// OCFL storage layout extension 0003 ("Hashed Truncated N-tuple Trees with Object ID
/// Encapsulating Directory"): `sha256(id)` split into `numberOfTuples` directories of
/// `tupleSize` hex characters, then the id itself, percent-encoded, as the object's directory.
/// `urn:uuid:1b…` → `a3f/9c2/07e/urn%3auuid%3a1b…`. Deterministic (OCFL E083) and readable.
///
/// ocfl-py 2.1.0 validates roots using this layout (it rejects 0004 at root level).
struct HashAndIDNTupleLayout: Equatable, Sendable {
    static let name = "0003-hash-and-id-n-tuple-storage-layout"
    static let summary = "Hashed Truncated N-tuple Trees with Object ID Encapsulating Directory for OCFL Storage Hierarchies"

    var tupleSize = 3
    var numberOfTuples = 3

    /// Path of the object root relative to the storage root.
    func relativePath(for id: String) -> String {
        let digest = FileDigest.sha256(of: Data(id.utf8))
        var parts: [String] = []
        for i in 0..<numberOfTuples {
            let start = digest.index(digest.startIndex, offsetBy: i * tupleSize)
            parts.append(String(digest[start..<digest.index(start, offsetBy: tupleSize)]))
        }
        parts.append(Self.encapsulationDirectory(for: id, digest: digest))
        return parts.joined(separator: "/")
    }

    /// The id percent-encoded (everything but `A–Z a–z 0–9 - _`, per UTF-8 byte, lower-case hex);
    /// over 100 characters it is cut at 100 and `-<digest>` appended, keeping it unique.
    static func encapsulationDirectory(for id: String, digest: String) -> String {
        var out: [UInt8] = []
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), FileDigest.hexDigit(byte >> 4), FileDigest.hexDigit(byte & 0x0F)]
            }
        }
        let encoded = String(decoding: out, as: UTF8.self)
        return encoded.count > 100 ? String(encoded.prefix(100)) + "-" + digest : encoded
    }

    /// `extensions/<name>/config.json`.
    func configJSON() -> Data {
        let text = """
        {
          "digestAlgorithm": "sha256",
          "extensionName": "\(Self.name)",
          "numberOfTuples": \(numberOfTuples),
          "tupleSize": \(tupleSize)
        }

        """
        return Data(text.utf8)
    }

    /// Reads a config written by this or another OCFL tool; only sha256 is supported.
    static func parse(config data: Data, path: String) throws -> HashAndIDNTupleLayout {
        struct Config: Decodable {
            var extensionName: String?
            var digestAlgorithm: String?
            var tupleSize: Int?
            var numberOfTuples: Int?
        }
        guard let config = try? JSONDecoder().decode(Config.self, from: data) else {
            throw OCFLStorageError.notAStorageRoot(path: path, reason: "layout config.json is not valid JSON")
        }
        if let algorithm = config.digestAlgorithm, algorithm != "sha256" {
            throw OCFLStorageError.notAStorageRoot(path: path, reason: "layout digestAlgorithm '\(algorithm)' is not supported (sha256 only)")
        }
        let layout = HashAndIDNTupleLayout(tupleSize: config.tupleSize ?? 3, numberOfTuples: config.numberOfTuples ?? 3)
        guard (0...32).contains(layout.tupleSize), (0...32).contains(layout.numberOfTuples),
              (layout.tupleSize == 0) == (layout.numberOfTuples == 0),
              layout.tupleSize * layout.numberOfTuples <= 64 else {
            throw OCFLStorageError.notAStorageRoot(path: path, reason: "layout tupleSize/numberOfTuples out of range")
        }
        return layout
    }
}
