/// The fixtures committed under `fixtures/`, described in code so that they can be rebuilt
/// byte for byte (and a test checks that the committed copies match what this code writes).
public enum BundledFixture: String, CaseIterable, Sendable {
    /// Generic CSV export, Vänersborgs kommun, kommunstyrelsen.
    case vanersborgKSCSV = "vanersborg-ks-csv"
    /// FGS Ärendehantering 1.0 export, Trollhättans stad, kommunstyrelsen.
    case trollhattanKSFGS = "trollhattan-ks-fgs"

    /// Folder name under `fixtures/`.
    public var directoryName: String { rawValue }

    public var shape: FixtureSpec.Shape {
        switch self {
        case .vanersborgKSCSV: return .genericCSV
        case .trollhattanKSFGS: return .fgs
        }
    }

    /// The submission agreement (profiles/agreements) the fixture is delivered under.
    public var agreementID: String {
        switch self {
        case .vanersborgKSCSV: return "EAV-VBG-KS-CSV"
        case .trollhattanKSFGS: return "EAV-THN-KS-FGS"
        }
    }

    /// Writes the fixture into `directory` (created if missing; must be empty if it exists).
    public func write(to directory: String) throws -> FixtureSummary {
        switch self {
        case .vanersborgKSCSV: return try VanersborgFixture.build().write(to: directory)
        case .trollhattanKSFGS: return try TrollhattanFixture.build().write(to: directory)
        }
    }
}
