import Foundation
import BevaraModel

/// How one source system's export maps onto the model, read from `profiles/<id>.yaml`.
///
/// Onboarding a new system means writing one of these; no code. The format is documented with a
/// worked example in README ("Profiles").
public struct Profile: Codable, Sendable {
    public enum Format: String, Codable, Sendable {
        /// Cases, records, parties and files as CSV tables plus a folder of files.
        case csv
        /// An FGS Ärendehantering 1.0 XML document (`Leveransobjekt`) plus files.
        case fgsXML = "fgs-xml"
    }

    public var id: String
    public var name: String
    public var description: String?
    public var format: Format
    public var files: FilesSection
    public var csv: CSVSection?
    public var tables: TablesSection?
    public var fgs: FGSSection?
    /// Source value → model value maps (status, direction, party role, booleans).
    public var values: ValueMaps?
    /// Accepted date patterns, tried in order (`yyyy-MM-dd`, `yyyy-MM-dd HH:mm`, `yyyyMMdd` …).
    public var dateFormats: [String]?

    public var effectiveDateFormats: [String] {
        dateFormats ?? ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy-MM", "yyyy"]
    }
}

/// Where the attached files are and whether the export ships a checksum manifest.
public struct FilesSection: Codable, Sendable {
    /// Folder that file paths are relative to, relative to the export root ("." for the root).
    public var root: String
    /// Optional manifest in `sha256sum` format (`<hex>  <path>`), relative to the export root;
    /// its paths are relative to `root`.
    public var manifest: String?
}

/// CSV dialect. Every field is explicit so that a profile documents its export.
public struct CSVSection: Codable, Sendable {
    /// `utf-8`, `windows-1252` or `iso-8859-1`. Decoding is strict: a byte sequence that is not
    /// valid in the declared encoding is an error with file, line and byte offset.
    public var encoding: String
    /// One character; may be non-ASCII (`¤`).
    public var delimiter: String
    public var quote: String?
    /// Values that mean "no value" (`NULL`, empty).
    public var nullTokens: [String]?
    /// Separator inside one field that holds a list, if any.
    public var listSeparator: String?
}

/// The CSV tables of a `csv` profile. Each maps model fields to column headers.
public struct TablesSection: Codable, Sendable {
    public var cases: Table
    public var records: Table
    public var parties: Table?
    public var files: Table?

    public struct Table: Codable, Sendable {
        public var file: String
        /// Model field name → column header. Fields per table are listed in README.
        public var columns: [String: String]
    }
}

/// Options for the FGS Ärendehantering XML reader.
public struct FGSSection: Codable, Sendable {
    /// The metadata document, relative to the export root.
    public var document: String
    /// Namespaces accepted for FGS elements; "" means no namespace. Default: the FGS namespace,
    /// the `eARDERMS` variant Ciceron writes, and none.
    public var namespaces: [String]?

    public var effectiveNamespaces: [String] {
        namespaces ?? ["http://xml.ra.se/e-arkiv/FGS-ERMS", "eARDERMS", ""]
    }
}

/// Maps from source values to the model's vocabulary. Matching ignores case and surrounding space.
public struct ValueMaps: Codable, Sendable {
    /// Source status → `open`, `dormant`, `closed`, `cancelled`, `ad-acta`.
    public var status: [String: String]?
    /// Source direction → `incoming`, `drawnUp`, `outgoing`, `unknown`.
    public var direction: [String: String]?
    /// Source party role → `counterpart`, `sender`, `recipient`, `applicant`, `other`.
    public var partyRole: [String: String]?
    /// Source secrecy flag values meaning "secret" (e.g. `Ja`, `J`, `1`, `true`).
    public var trueValues: [String]?

    public func lookup(_ map: [String: String]?, _ value: String) -> String? {
        ValueMap(map).lookup(value)
    }

    public func isTrue(_ value: String) -> Bool {
        TrueValues(trueValues).contains(value)
    }
}

/// One of a profile's value maps, keyed as `ValueMaps.lookup` compares: lower-cased, so that a
/// lookup lower-cases the value only (a reader looks up a status, direction or role per row).
/// Keys that differ only in case: the first in sorted order wins.
struct ValueMap: Sendable {
    private let entries: [String: String]

    init(_ map: [String: String]?) {
        var entries: [String: String] = [:]
        for (key, value) in (map ?? [:]).sorted(by: { $0.key < $1.key }) where entries[key.lowercased()] == nil {
            entries[key.lowercased()] = value
        }
        self.entries = entries
    }

    func lookup(_ value: String) -> String? {
        entries.isEmpty ? nil : entries[value.trimmedWhitespace().lowercased()]
    }
}

/// A profile's values meaning "secret" (`ValueMaps.trueValues`, or the usual yes-words), lower-cased.
struct TrueValues: Sendable {
    private let values: Set<String>

    init(_ values: [String]?) {
        self.values = Set((values ?? ["ja", "j", "yes", "y", "true", "1", "x"]).map { $0.lowercased() })
    }

    func contains(_ value: String) -> Bool { values.contains(value.trimmedWhitespace().lowercased()) }
}
