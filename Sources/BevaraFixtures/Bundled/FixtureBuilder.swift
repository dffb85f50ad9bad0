import BevaraArchiveIO
import Foundation

/// A small vocabulary for writing the bundled fixtures by hand: cases and records are spelled
/// out, files are named, and everything else (system ids, file seeds, paths) is derived
/// deterministically. The result goes through the same `ExportAssembler` and `FileFactory` as
/// generated exports.
struct FixtureBuilder {
    let shape: FixtureSpec.Shape
    /// Heading of every document ("Vänersborgs kommun – Kommunstyrelsen").
    let heading: String
    let seed: UInt64
    private var rng: SeededRandom
    private(set) var cases: [CasePlan] = []

    init(shape: FixtureSpec.Shape, heading: String, seed: UInt64) {
        self.shape = shape
        self.heading = heading
        self.seed = seed
        rng = SeededRandom(seed: seed)
    }

    /// One record as written in a fixture.
    struct Record {
        var type: String
        var direction: RecordPlan.Direction
        var date: String
        var title: String
        var sender: PartyPlan? = nil
        var recipient: PartyPlan? = nil
        var secrecy: SecrecyPlan? = nil
        var storage: String? = nil
        /// File formats and original names.
        var files: [(FixtureFileKind, String)] = []
        /// Body text of the record's documents (default: the title).
        var text: [String] = []
    }

    mutating func addCase(_ dnr: String, title: String, status: CasePlan.Status, opened: String, closed: String? = nil,
                          classification: (String, String), unit: String, officer: String,
                          secrecy: SecrecyPlan? = nil, olderNumber: String? = nil, parties: [PartyPlan],
                          records: [Record]) {
        let caseIndex = UInt64(cases.count)
        let folder = CaseSynthesizer.folderName(dnr, shape: shape)
        var plans: [RecordPlan] = []
        for (i, r) in records.enumerated() {
            let running = i + 1
            var used = Set<String>()
            let files = r.files.enumerated().map { j, file -> FilePlan in
                FilePlan(
                    kind: file.0, originalName: file.1,
                    relativePath: CaseSynthesizer.storedPath(folder: folder, running: running, fileIndex: j, name: file.1,
                                                             shape: shape, used: &used),
                    size: nil,
                    seed: SeededRandom.mix(seed, caseIndex, UInt64(running), UInt64(j)),
                    document: FixtureDocument(heading: heading, title: j == 0 ? r.title : Self.stem(file.1),
                                              paragraphs: r.text.isEmpty ? [r.title + "."] : r.text, date: r.date))
            }
            plans.append(RecordPlan(id: "\(dnr):\(running)", systemID: CaseSynthesizer.uuid(&rng), runningNumber: running,
                                    type: r.type, direction: r.direction, date: Self.date(r.date), title: r.title,
                                    sender: r.sender, recipient: r.recipient, secrecy: r.secrecy, storage: r.storage,
                                    files: files))
        }
        cases.append(CasePlan(systemID: CaseSynthesizer.uuid(&rng), diarienummer: dnr, olderNumber: olderNumber,
                              title: title, status: status, opened: Self.date(opened), closed: closed.map(Self.date),
                              classification: classification, unit: unit, officer: officer, secrecy: secrecy,
                              parties: parties, records: plans, folder: folder))
    }

    /// Writes the cases as an export of the builder's shape.
    func write(to directory: String) throws -> FixtureSummary {
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: directory), !entries.isEmpty {
            throw FixtureGenerator.GeneratorError.destinationNotEmpty(directory)
        }
        let assembler = ExportAssembler(shape: shape, root: directory)
        try assembler.begin()
        for c in cases { try assembler.add(c) }
        return try assembler.finish()
    }

    /// `yyyy-MM-dd` → date (fixture text is trusted; a typo is a programming error).
    static func date(_ text: String) -> CivilDate {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        precondition(parts.count == 3, "bad fixture date \(text)")
        return CivilDate(year: parts[0], month: parts[1], day: parts[2])
    }

    static func stem(_ name: String) -> String { (name as NSString).deletingPathExtension }

    // MARK: party shorthands

    static func person(_ name: String, _ number: String?, street: String? = nil, postcode: String? = nil,
                       town: String? = nil, role: PartyPlan.Role, protected: Bool = false) -> PartyPlan {
        PartyPlan(name: name, identityNumber: number, organisation: nil, street: street, postcode: postcode, town: town,
                  role: role, protectedIdentity: protected)
    }

    static func organisation(_ organisation: String, contact: String, _ number: String?, role: PartyPlan.Role,
                             street: String? = nil, postcode: String? = nil, town: String? = nil) -> PartyPlan {
        PartyPlan(name: contact, identityNumber: number, organisation: organisation, street: street, postcode: postcode,
                  town: town, role: role, protectedIdentity: false)
    }

    static func authority(_ name: String, role: PartyPlan.Role) -> PartyPlan {
        PartyPlan(name: name, identityNumber: nil, organisation: nil, street: nil, postcode: nil, town: nil, role: role,
                  protectedIdentity: false)
    }

    static func with(_ party: PartyPlan, role: PartyPlan.Role) -> PartyPlan {
        var p = party
        p.role = role
        return p
    }
}
