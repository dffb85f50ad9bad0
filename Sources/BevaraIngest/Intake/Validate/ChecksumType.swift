import Foundation

/// A METS `CHECKSUMTYPE` (the METS schema's enumeration, hyphens and capitals as written there).
enum ChecksumType: String, CaseIterable {
    case md5 = "MD5"
    case sha1 = "SHA-1"
    case sha256 = "SHA-256"
    case sha384 = "SHA-384"
    case sha512 = "SHA-512"

    /// Values the METS schema allows but Bevara cannot compute; such files get their size checked
    /// and a `FIXITY-UNSUPPORTED` warning.
    static let uncomputable: Set<String> = ["Adler-32", "CRC32", "HAVAL", "MNP", "TIGER", "WHIRLPOOL"]

    /// Every value of the METS enumeration.
    static let metsEnumeration: Set<String> = Set(allCases.map(\.rawValue)).union(uncomputable)

    /// Lenient reading for verification: `sha256`, `SHA256` and `SHA-256` are the same algorithm
    /// (whether the spelling is schema-valid is CSIP72's business, not fixity's).
    init?(lenient value: String) {
        // The schema's own spelling, as nearly every METS writes it: no folding needed.
        if let exact = Self(rawValue: value) {
            self = exact
            return
        }
        let folded = value.uppercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: " ", with: "")
        guard let match = Self.allCases.first(where: { $0.rawValue.replacingOccurrences(of: "-", with: "") == folded }) else {
            return nil
        }
        self = match
    }

    /// Hex digits in a digest of this type.
    var hexLength: Int {
        switch self {
        case .md5: 32
        case .sha1: 40
        case .sha256: 64
        case .sha384: 96
        case .sha512: 128
        }
    }
}
