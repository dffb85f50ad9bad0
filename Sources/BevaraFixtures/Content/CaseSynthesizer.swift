import Foundation
import BevaraArchiveIO

/// Makes realistic, fictional cases for a `FixtureSpec`: a case type from the vocabulary, a
/// diarienummer, parties with Luhn-valid numbers, a sequence of records whose types and
/// directions follow the case's course, secrecy markings, and files with Swedish names.
///
/// Content for case i comes from a random stream of its own (seed, i), so it does not depend on
/// the other cases; only the running number within the year is counted across cases.
struct CaseSynthesizer {
    let spec: FixtureSpec

    static let contentStream: UInt64 = 0x6361_7365
    static let fileStream: UInt64 = 0x6669_6C65

    /// Registration year of case `index`: cases are spread evenly over the years, in order.
    func year(ofCase index: Int) -> Int {
        let span = spec.lastYear - spec.firstYear + 1
        return spec.firstYear + min(span - 1, index * span / max(1, spec.cases))
    }

    /// Case `index`, numbered `number` in its year, with file sizes at `scale` (nil: sizes
    /// left to the format's natural size, which the bundled fixtures use).
    func makeCase(index: Int, number: Int, scale: Double) -> CasePlan {
        var rng = SeededRandom(seed: spec.seed, stream: Self.contentStream, substream: UInt64(index))
        let skeleton = CaseSkeleton(spec: spec, caseIndex: index)
        let year = year(ofCase: index)
        let kind = rng.pick(Vocabulary.CaseKind.allCases)
        let dnr = "\(spec.diariumPrefix) \(year)/\(number)"
        let opened = CivilDate(year: year, month: 1, day: 2).adding(days: rng.below(330)).nextWorkingDay
        let applicant = makePerson(&rng, role: kind == .overklagande ? .counterpart : .applicant)
        var parties = [applicant]
        if rng.chance(0.35) { parties.append(makeOrganisationParty(&rng, role: .counterpart)) }
        if rng.chance(0.1) { parties.append(makePerson(&rng, role: .other)) }
        let title = caseTitle(kind, applicant: applicant, year: year, rng: &rng)
        let classification = Vocabulary.classifications[kind.classificationIndex]
        let officer = rng.pick(Vocabulary.firstNames) + " " + rng.pick(Vocabulary.lastNames)
        let unit = rng.pick(Vocabulary.units)
        let statusRoll = rng.unit()
        let status: CasePlan.Status = statusRoll < 0.75 ? .closed : statusRoll < 0.95 ? .open
            : statusRoll < 0.98 ? .dormant : .cancelled
        let folder = Self.folderName(dnr, shape: spec.shape)

        var date = opened
        var records: [RecordPlan] = []
        for (i, files) in skeleton.records.enumerated() {
            let running = i + 1
            let (type, direction) = recordType(kind, position: i, count: skeleton.records.count, rng: &rng)
            let external = rng.chance(0.7) ? applicant : authorityParty(&rng)
            let recordTitle = self.recordTitle(type, kind: kind, caseTitle: title, party: external, date: date,
                                               dnr: dnr, rng: &rng)
            var secrecy: SecrecyPlan?
            if rng.chance(0.05) {
                secrecy = rng.chance(0.8)
                    ? SecrecyPlan(legalReference: rng.chance(0.7) ? kind.legalReference : rng.pick(Vocabulary.legalReferences),
                                  explanation: rng.pick(Vocabulary.secrecyExplanations))
                    : SecrecyPlan(legalReference: nil, explanation: "Markerad som sekretess i källsystemet, sekretessprövning krävs")
            }
            let id = "\(dnr):\(running)"
            var usedNames = Set<String>()
            let filePlans = files.enumerated().map { j, file -> FilePlan in
                // A record's main file is named after the record; a photo or map alone keeps its own name.
                let title = j == 0 && file.kind != .jpeg && file.kind != .png ? recordTitle
                    : attachmentTitle(file.kind, index: j, rng: &rng)
                let name = fileName(title, kind: file.kind)
                let document = FixtureDocument(
                    heading: "\(spec.organisationName) – \(spec.creatorName)", title: j == 0 ? recordTitle : name,
                    paragraphs: paragraphs(dnr: dnr, rng: &rng), date: date.description)
                return FilePlan(kind: file.kind, originalName: name, relativePath: Self.storedPath(folder: folder, running: running, fileIndex: j, name: name, shape: spec.shape, used: &usedNames),
                                size: CaseSkeleton.plannedSize(file, scale: scale),
                                seed: SeededRandom.mix(spec.seed, Self.fileStream, UInt64(index), UInt64(i), UInt64(j)),
                                document: document)
            }
            records.append(RecordPlan(
                id: id, systemID: Self.uuid(&rng), runningNumber: running, type: type, direction: direction,
                date: date, title: recordTitle,
                sender: direction == .incoming ? asRole(external, .sender) : nil,
                recipient: direction == .outgoing ? asRole(external, .recipient) : nil,
                secrecy: secrecy, storage: files.isEmpty && rng.chance(0.5) ? "Pappersoriginal i kommunstyrelsens närarkiv" : nil,
                files: filePlans))
            date = date.adding(days: 1 + rng.below(21)).nextWorkingDay
        }
        let closed: CivilDate? = status == .closed || status == .cancelled ? date : nil
        let caseSecrecy: SecrecyPlan? = rng.chance(0.02)
            ? SecrecyPlan(legalReference: kind.legalReference, explanation: nil) : nil
        let older = rng.chance(0.15) ? "\(spec.diariumPrefix) \(year)-" + Self.padded(number, 6) : nil
        return CasePlan(systemID: Self.uuid(&rng), diarienummer: dnr, olderNumber: older, title: title, status: status,
                        opened: opened, closed: closed, classification: classification, unit: unit, officer: officer,
                        secrecy: caseSecrecy, parties: parties, records: records, folder: folder)
    }

    // MARK: parts

    /// `KS 2021-123` for CSV exports (readable, with a space), `KS_2021_123` for FGS.
    static func folderName(_ dnr: String, shape: FixtureSpec.Shape) -> String {
        let dashed = ASCIIText.replacing(UInt8(ascii: "/"), with: UInt8(ascii: "-"), in: dnr)
        return shape == .fgs ? ASCIIText.replacing(UInt8(ascii: "-"), with: UInt8(ascii: "_"), in: SafePath.slug(dashed)) : dashed
    }

    /// Where a record's file is stored, relative to the files root: in the case's folder, named
    /// after the record's running number and the original name (`KS 2021-123/1 Ansökan.pdf`),
    /// or a slug of it for FGS (`KS_2021_123/1_Ansokan.pdf`). Unique within the case.
    static func storedPath(folder: String, running: Int, fileIndex: Int, name: String, shape: FixtureSpec.Shape,
                           used: inout Set<String>) -> String {
        let separator = shape == .fgs ? "_" : " "
        let base = shape == .fgs ? SafePath.slug(name) : name
        var stored = "\(running)\(separator)\(base)"
        if used.contains(stored) { stored = "\(running)\(separator)\(fileIndex + 1)\(separator)\(base)" }
        used.insert(stored)
        return "\(folder)/\(stored)"
    }

    static func padded(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// A version-4-shaped UUID made from the random stream (not from the system).
    static func uuid(_ rng: inout SeededRandom) -> String {
        let a = rng.next(), b = rng.next()
        let hex = { (v: UInt64, n: Int) -> String in
            let s = String(v, radix: 16)
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        let timeHigh = (a & 0x0FFF) | 0x4000
        let clock = ((b >> 48) & 0x3FFF) | 0x8000
        return "\(hex(a >> 32, 8))-\(hex((a >> 16) & 0xFFFF, 4))-\(hex(timeHigh, 4))-\(hex(clock, 4))-\(hex(b & 0xFFFF_FFFF_FFFF, 12))"
    }

    func makePerson(_ rng: inout SeededRandom, role: PartyPlan.Role) -> PartyPlan {
        let name = rng.pick(Vocabulary.firstNames) + " " + rng.pick(Vocabulary.lastNames)
        let protected = rng.chance(0.01)
        let number = FictionalIdentity.randomPersonnummer(&rng)
        let street = "\(rng.pick(Vocabulary.streets)) \(rng.int(in: 1...60))"
        let postcode = "\(rng.int(in: 460...469)) \(Self.padded(rng.int(in: 10...99), 2))"
        let town = rng.pick(Vocabulary.postTowns)
        return PartyPlan(name: name, identityNumber: number, organisation: nil,
                         street: protected ? nil : street, postcode: protected ? nil : postcode,
                         town: protected ? nil : town, role: role, protectedIdentity: protected)
    }

    func makeOrganisationParty(_ rng: inout SeededRandom, role: PartyPlan.Role) -> PartyPlan {
        let organisation = rng.pick(Vocabulary.organisations)
        let contact = rng.pick(Vocabulary.firstNames) + " " + rng.pick(Vocabulary.lastNames)
        let number = FictionalIdentity.randomOrganisationsnummer(&rng, series: FictionalIdentity.series(for: organisation))
        return PartyPlan(name: contact, identityNumber: number, organisation: organisation,
                         street: "\(rng.pick(Vocabulary.streets)) \(rng.int(in: 1...60))",
                         postcode: "\(rng.int(in: 460...469)) \(Self.padded(rng.int(in: 10...99), 2))",
                         town: rng.pick(Vocabulary.postTowns), role: role, protectedIdentity: false)
    }

    func authorityParty(_ rng: inout SeededRandom) -> PartyPlan {
        PartyPlan(name: rng.pick(Vocabulary.authorities), identityNumber: nil, organisation: nil, street: nil,
                  postcode: nil, town: nil, role: .sender, protectedIdentity: false)
    }

    func asRole(_ p: PartyPlan, _ role: PartyPlan.Role) -> PartyPlan {
        var copy = p
        copy.role = role
        return copy
    }

    func caseTitle(_ kind: Vocabulary.CaseKind, applicant: PartyPlan, year: Int, rng: inout SeededRandom) -> String {
        let property = "\(rng.pick(Vocabulary.tracts)) \(rng.int(in: 1...9)):\(rng.int(in: 1...40))"
        let subject = rng.pick(Vocabulary.subjects)
        switch kind {
        case .bygglov: return "Ansökan om bygglov för nybyggnad av enbostadshus på fastigheten \(property)"
        case .remiss: return "Remiss från \(rng.pick(Vocabulary.authorities)) om \(subject)"
        case .medborgarforslag: return "Medborgarförslag om \(subject)"
        case .overklagande: return "Överklagande av beslut om \(subject)"
        case .upphandling: return "Upphandling av \(rng.pick(Vocabulary.services))"
        case .detaljplan: return "Detaljplan för \(property); samråd"
        case .tillsyn: return "Tillsyn enligt miljöbalken, \(property)"
        case .utlamnande: return "Begäran om utlämnande av allmän handling – \(applicant.name)"
        case .skadestand: return "Skadeståndsanspråk avseende \(subject)"
        case .budget: return "Budget och verksamhetsplan \(year + 1)"
        case .fastighetsforsaljning: return "Försäljning av fastigheten \(property)"
        case .anstallning: return "Anställning av \(rng.pick(["enhetschef", "kommunsekreterare", "controller", "planarkitekt"]))"
        case .motion: return "Motion om \"\(subject)\""
        case .synpunkt: return "Synpunkt på \(subject)"
        }
    }

    /// Record type and direction by position: an opening record, work in between, a decision.
    func recordType(_ kind: Vocabulary.CaseKind, position: Int, count: Int,
                    rng: inout SeededRandom) -> (String, RecordPlan.Direction) {
        if position == 0 {
            switch kind {
            case .bygglov, .skadestand: return ("Ansökan", .incoming)
            case .utlamnande: return ("Begäran", .incoming)
            case .remiss: return ("Remiss", .incoming)
            case .overklagande: return ("Överklagande", .incoming)
            case .medborgarforslag, .synpunkt, .motion: return ("Skrivelse", .incoming)
            default: return ("Tjänsteskrivelse", .drawnUp)
            }
        }
        if position == count - 1 && count > 2 {
            return rng.chance(0.5) ? ("Protokollsutdrag", .drawnUp) : ("Beslut", .outgoing)
        }
        let middle: [(String, RecordPlan.Direction)] = [
            ("Kvittens", .outgoing), ("Begäran om komplettering", .outgoing), ("Komplettering", .incoming),
            ("Tjänsteskrivelse", .drawnUp), ("Yttrande", .incoming), ("Yttrande", .outgoing), ("Skrivelse", .incoming),
            ("Skrivelse", .outgoing), ("Protokollsutdrag", .drawnUp), ("Delegationsbeslut", .drawnUp),
        ]
        return rng.pick(middle)
    }

    func recordTitle(_ type: String, kind: Vocabulary.CaseKind, caseTitle: String, party: PartyPlan, date: CivilDate,
                     dnr: String, rng: inout SeededRandom) -> String {
        switch type {
        case "Ansökan": return kind == .bygglov ? "Ansökan om bygglov – \(party.name)" : "Ansökan – \(party.name)"
        case "Begäran": return "Begäran om allmän handling – \(party.name)"
        case "Remiss": return "Remiss: \(caseTitle)"
        case "Överklagande": return "Överklagande från \(party.name)"
        case "Skrivelse": return "Skrivelse från \(party.name)"
        case "Kvittens": return "Kvittens på mottagen handling"
        case "Begäran om komplettering": return "Begäran om komplettering av ansökan"
        case "Komplettering": return "Komplettering – \(rng.pick(["situationsplan", "fasadritning", "kostnadskalkyl", "fullmakt"]))"
        case "Tjänsteskrivelse": return "Tjänsteskrivelse – \(caseTitle)"
        case "Yttrande": return "Yttrande från \(rng.pick(["miljöförvaltningen", "räddningstjänsten", "Trafikverket", "kommunens jurist"]))"
        case "Protokollsutdrag":
            return "Protokollsutdrag \(spec.diariumPrefix) \(date) § \(rng.int(in: 1...240))"
        case "Delegationsbeslut": return "Delegationsbeslut \(ASCIIText.replacing(UInt8(ascii: "/"), with: UInt8(ascii: "-"), in: dnr))"
        default: return "Beslut i ärende \(ASCIIText.replacing(UInt8(ascii: "/"), with: UInt8(ascii: "-"), in: dnr))"
        }
    }

    func attachmentTitle(_ kind: FixtureFileKind, index: Int, rng: inout SeededRandom) -> String {
        let subject: String
        switch kind {
        case .jpeg: subject = rng.pick(["Foto fasad", "Foto tomt", "Fotografi från platsbesök", "Foto skada"])
        case .png: subject = rng.pick(["Karta", "Situationsplan", "Skärmbild"])
        case .xml: subject = rng.pick(["Underlag", "E-tjänstdata", "Ansökningsdata"])
        case .txt: subject = rng.pick(["Anteckning", "Meddelande", "E-postmeddelande"])
        case .docx: subject = rng.pick(["Yttrande från miljöförvaltningen", "Förslag till beslut", "PM"])
        case .pdf: subject = rng.pick(["Fasadritning", "Kostnadskalkyl", "Fullmakt", "Planbeskrivning"])
        }
        return index == 0 ? subject : "Bilaga \(index) – \(subject)"
    }

    /// A file name from a title: `/` and `:` (not allowed or awkward in names) become `-`.
    func fileName(_ title: String, kind: FixtureFileKind) -> String {
        let safe = ASCIIText.replacing(title) { byte in
            switch byte {
            case UInt8(ascii: "/"): return Array("-".utf8)
            case UInt8(ascii: ":"): return Array(" -".utf8)
            case UInt8(ascii: "\""): return []
            default: return nil
            }
        }
        return "\(safe).\(kind.fileExtension)"
    }

    func paragraphs(dnr: String, rng: inout SeededRandom) -> [String] {
        var out: [String] = []
        for _ in 0..<(1 + rng.below(2)) {
            out.append((0..<(1 + rng.below(3))).map { _ in rng.pick(Vocabulary.sentences) }.joined(separator: " "))
        }
        out.append("Diarienummer: \(dnr)")
        return out
    }
}
