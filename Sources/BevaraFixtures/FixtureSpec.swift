/// What export to generate: its shape, how many cases, records and files, how large, and the
/// seed that fixes every byte. Same spec, same output, on every run.
public struct FixtureSpec: Sendable, Hashable, Codable {
    /// The export shape, matching one of the shipped profiles.
    public enum Shape: String, Sendable, Hashable, Codable, CaseIterable {
        /// `profiles/generic-csv.yaml`: four CSV tables, `filer/`, `SHA256SUMS`.
        case genericCSV = "generic-csv"
        /// `profiles/fgs-arendehantering.yaml`: `arendehantering.xml`, `content/`.
        case fgs = "fgs-arendehantering"

        /// The profile id this shape is read with.
        public var profileID: String { rawValue }
    }

    public var shape: Shape
    /// Number of cases.
    public var cases: Int
    /// Mean records per case; counts vary per case (most a little under the mean, about one
    /// case in ten two to four times larger), at least one record each.
    public var recordsPerCase: Double
    /// Mean files per record (Poisson; records with none are paper originals).
    public var filesPerRecord: Double
    /// Total bytes to aim for (files and metadata); file sizes are scaled to land within a few
    /// percent. Nil: sizes as drawn from `sizeMix`.
    public var targetBytes: Int64?
    public var sizeMix: SizeMix
    public var formatMix: FormatMix
    public var seed: UInt64
    /// The municipality (shown in document headings).
    public var organisationName: String
    /// The authority whose diarium this is (archival creator).
    public var creatorName: String
    /// Diarium prefix of the case numbers (`KS` gives `KS 2021/123`).
    public var diariumPrefix: String
    /// Years the cases are registered in.
    public var firstYear: Int
    public var lastYear: Int

    public init(shape: Shape, cases: Int, recordsPerCase: Double = 6, filesPerRecord: Double = 1.2,
                targetBytes: Int64? = nil, sizeMix: SizeMix = .realistic, formatMix: FormatMix = .realistic,
                seed: UInt64 = 1, organisationName: String = "Vänersborgs kommun",
                creatorName: String = "Kommunstyrelsen", diariumPrefix: String = "KS",
                firstYear: Int = 2016, lastYear: Int = 2023) {
        self.shape = shape
        self.cases = cases
        self.recordsPerCase = recordsPerCase
        self.filesPerRecord = filesPerRecord
        self.targetBytes = targetBytes
        self.sizeMix = sizeMix
        self.formatMix = formatMix
        self.seed = seed
        self.organisationName = organisationName
        self.creatorName = creatorName
        self.diariumPrefix = diariumPrefix
        self.firstYear = firstYear
        self.lastYear = max(firstYear, lastYear)
    }
}

/// How file sizes are drawn: log-uniform in `small`, except a `largeFraction` of files drawn
/// log-uniform in `large`. Every file is at least its format's `minimumPlannedSize`.
public struct SizeMix: Sendable, Hashable, Codable {
    public var small: ClosedRange<Int64>
    public var large: ClosedRange<Int64>
    public var largeFraction: Double

    public init(small: ClosedRange<Int64>, large: ClosedRange<Int64>, largeFraction: Double) {
        self.small = small
        self.large = large
        self.largeFraction = largeFraction
    }

    /// 1–50 KB only.
    public static let smallOnly = SizeMix(small: 1_024...51_200, large: 1_048_576...1_048_576, largeFraction: 0)
    /// 1–50 KB, and one file in 200 of 1–16 MiB.
    public static let realistic = SizeMix(small: 1_024...51_200, large: 1_048_576...16_777_216, largeFraction: 0.005)
    /// 1–50 KB, and one file in 20 of 1–64 MiB (scanned drawings, recorded meetings).
    public static let heavy = SizeMix(small: 1_024...51_200, large: 1_048_576...67_108_864, largeFraction: 0.05)
}

/// Relative weights of the file formats (need not sum to 1).
public struct FormatMix: Sendable, Hashable, Codable {
    public var pdf: Double
    public var docx: Double
    public var jpeg: Double
    public var png: Double
    public var txt: Double
    public var xml: Double

    public init(pdf: Double, docx: Double, jpeg: Double, png: Double, txt: Double, xml: Double) {
        self.pdf = pdf
        self.docx = docx
        self.jpeg = jpeg
        self.png = png
        self.txt = txt
        self.xml = xml
    }

    /// Mostly PDF, then Word documents, photos, XML, text and maps/screenshots.
    public static let realistic = FormatMix(pdf: 0.50, docx: 0.14, jpeg: 0.12, png: 0.06, txt: 0.08, xml: 0.10)

    /// Weights in a fixed order, for deterministic picks.
    var weighted: [(FixtureFileKind, Double)] {
        [(.pdf, pdf), (.docx, docx), (.jpeg, jpeg), (.png, png), (.txt, txt), (.xml, xml)]
    }
}
