import BevaraModel
import BevaraArchiveIO
import Foundation

/// XML namespaces the SIP uses (case-sensitive: the DILCIS ones bind nothing when mis-spelled).
enum Namespace {
    static let mets = "http://www.loc.gov/METS/"
    static let xlink = "http://www.w3.org/1999/xlink"
    static let csip = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
    static let sip = "https://DILCIS.eu/XML/METS/SIPExtensionMETS"
    static let xsi = "http://www.w3.org/2001/XMLSchema-instance"
    static let premis = "http://www.loc.gov/premis/v3"
    static let erms = "https://DILCIS.eu/XML/ERMS"
}

/// The decided package layout, fixed METS values and identifiers, in one place.
enum PackageLayout {
    /// E-ARK SIP 2.1.0, the FGS 2.0 baseline and what eark-validator 1.1.3 checks (SIP2).
    static let profile = "https://earksip.dilcis.eu/profile/E-ARK-SIP.xml"
    /// CSIP content category (CSIP2).
    static let contentCategory = "Datasets"
    /// The ERMS is written against ERMS_v3.xsd, whose vocabulary term `citserms_v3_0` is missing
    /// from the CSIP 2.1.0 list eark-validator checks; `OTHER` plus the 3.0 term says the truth
    /// and passes CSIP4 (which accepts `OTHER` with a non-empty `OTHERCONTENTINFORMATIONTYPE`).
    static let contentInformationType = "OTHER"
    static let otherContentInformationType = "citserms_v3_0"

    static let representation = "rep1"
    static let rootMETS = "METS.xml"
    static let packagePREMIS = "metadata/preservation/premis.xml"
    static let repDir = "representations/rep1"
    static let repMETS = repDir + "/METS.xml"
    static let repPREMIS = repDir + "/metadata/preservation/premis.xml"
    static let ermsRelative = "data/erms.xml"
    static let erms = repDir + "/" + ermsRelative
    static let schemasDir = "schemas"
    static let documentationDir = "documentation"

    /// Relative path from a package file's folder back to the package root (`../../`).
    static func up(from packagePath: String) -> String {
        String(repeating: "../", count: packagePath.split(separator: "/").count - 1)
    }

    /// `xsi:schemaLocation` pairs for a file at `packagePath` pointing at the shipped schemas.
    static func schemaLocation(_ namespaces: [String], from packagePath: String) -> String {
        let up = up(from: packagePath)
        return namespaces.compactMap { ns in
            SchemaLibrary.required.first { $0.namespace == ns }.map { "\(ns) \(up)\(schemasDir)/\($0.fileName)" }
        }.joined(separator: " ")
    }

    /// IDs are NCNames; counters keep them deterministic and let PREMIS events list objects
    /// again at the end without keeping them in memory.
    static func contentFileID(_ n: Int) -> String { "file-" + pad(n, 6) }
    static let ermsFileID = "file-erms"
    static let repPREMISDigiprovID = "digiprov-rep1-premis"
    static let packagePREMISDigiprovID = "digiprov-premis"

    /// `nnn-<slug>`: the running number makes names unique within a case folder even when two
    /// originals slug to the same text.
    static func contentFileName(index: Int, originalName: String) -> String {
        pad(index, 3) + "-" + contentFileSlug(originalName)
    }

    /// The name part of `contentFileName`, after the index.
    static func contentFileSlug(_ originalName: String) -> String {
        // `Utredning (sekretess).xml` slugs to `Utredning_sekretess_.xml`; drop the `_` before a dot.
        // Foundation's replacing runs only when there is one (a slug is ASCII: a byte scan decides).
        let slug = SafePath.slug(originalName)
        var previous: UInt8 = 0
        for byte in slug.utf8 {
            if previous == 0x5F && byte == 0x2E { return slug.replacingOccurrences(of: "_.", with: ".") }
            previous = byte
        }
        return slug
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// True for an OBJID usable as a folder name and an xml:id: a letter first, then `[A-Za-z0-9._-]`.
    static func isValidObjectID(_ objid: String) -> Bool {
        guard let first = objid.unicodeScalars.first, first.isASCII, CharacterSet.letters.contains(first) else { return false }
        return SafePath.slug(objid) == objid
    }

    /// xs:dateTime in UTC with `Z`, the form METS `CREATED`, PREMIS and ERMS expect.
    static func dateTime(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// Keeps case folder names unique (case-insensitively, so the package unpacks on Windows and
/// macOS too). Memory grows with the number of cases, not files.
struct CaseFolderNames {
    private var used: Set<String> = []

    /// `slug(diarienummer)`, with `_2`, `_3` … appended when an earlier case took the name.
    mutating func name(for diarienummer: String) -> String {
        let base = SafePath.slug(diarienummer)
        var candidate = base
        var n = 1
        while used.contains(candidate.lowercased()) {
            n += 1
            candidate = base + "_" + String(n)
        }
        used.insert(candidate.lowercased())
        return candidate
    }
}

/// Deterministic UUIDs for ERMS `@systemIdentifier` when the source gives none: RFC 9562 version 8
/// built from SHA-256 of a namespace and a name (the RFC's own example of a name-based v8 UUID).
enum NameBasedUUID {
    /// Bevara's namespace for these names (a fixed random UUID), as bytes.
    private static let namespace: [UInt8] = withUnsafeBytes(
        of: UUID(uuidString: "6c1f3f0e-2f7a-4c55-9a8e-3b0d2b1f5e47")!.uuid) { Array($0) }

    /// Lower-case `8-4-4-4-12` text of the first 16 bytes of SHA-256(namespace + name), with the
    /// version (8) and variant bits set. Formatted here: Foundation's UUID and its upper-case
    /// string, lower-cased, cost a percent of packaging on exports of many small records.
    static func make(_ name: String) -> String {
        FileDigest.withSHA256(of: namespace, name) { hash in
            String(unsafeUninitializedCapacity: 36) { text in
                var n = 0
                for i in 0..<16 {
                    if i == 4 || i == 6 || i == 8 || i == 10 { text[n] = UInt8(ascii: "-"); n += 1 }
                    var byte = hash[i]
                    if i == 6 { byte = (byte & 0x0F) | 0x80 }
                    if i == 8 { byte = (byte & 0x3F) | 0x80 }
                    text[n] = FileDigest.hexDigit(byte >> 4)
                    text[n + 1] = FileDigest.hexDigit(byte & 0x0F)
                    n += 2
                }
                return n
            }
        }
    }

    /// The value itself, lower-cased, when it already is a UUID; otherwise a name-based one.
    static func uuid(existing: String?, name: @autoclosure () -> String) -> String {
        existing.flatMap(canonical) ?? make(name())
    }

    /// `value` as a lower-case UUID when it is one once spaces around it are trimmed, else nil:
    /// `8-4-4-4-12` hex digits of either case, read byte by byte. Foundation's trimming, parsing
    /// and formatting cost ≈ 35,000 instructions a case or record whose id is a UUID, and its
    /// parser also took a sign before the first group, which no UUID has.
    static func canonical(_ value: String) -> String? {
        // Nothing to trim in the usual id (printable ASCII at both ends).
        let trimmed = value.hasPrintableASCIIEnds ? value : value.trimmingCharacters(in: .whitespaces)
        guard trimmed.utf8.count == 36 else { return nil }
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (i, b) in trimmed.utf8.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard b == UInt8(ascii: "-") else { return nil }
                text.append(b)
                continue
            }
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"): text.append(b)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): text.append(b | 0x20)
            default: return nil
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
