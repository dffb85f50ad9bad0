import BevaraIndex
import BevaraModel
import Foundation

/// Deterministic synthetic cases for plan tests and benchmarks, written straight through
/// `IndexWriter` (no XML): `recordsPerCase` records per case, two parties per case, every
/// tenth record restricted, Swedish title words, dates spread over ten years.
struct GeneratedCorpus {
    var organisations: [String]
    var casesPerOrganisation: Int
    var recordsPerCase: Int
    /// Every n-th record gets a file with about 150 words of document text (0: none).
    var textEvery = 0

    static let words = ["bygglov", "detaljplan", "överklagande", "yttrande", "remiss", "anbud", "upphandling", "skolskjuts",
                        "förskola", "äldreomsorg", "vägbelysning", "strandskydd", "bostadsanpassning", "färdtjänst",
                        "medborgarförslag", "tillsyn", "livsmedel", "ansökan", "beslut", "kommunstyrelsen", "Björkängen",
                        "Sjövik", "Kronhjorten", "Vänersborg", "Trollhättan", "fastighet", "nybyggnad", "tillbyggnad"]
    static let names = ["Åsa Ödqvist", "Sören Näslund", "Märta Åberg", "Björn Eriksson", "Fatima Özdemir", "Åke Sjögren",
                        "Lena Lindström", "Karl Johansson", "Eva Karlsson", "Nils Bergqvist", "Tove Rönnqvist"]
    static let types = ["Ansökan", "Beslut", "Yttrande", "Skrivelse", "Tjänsteskrivelse", "Remiss", "Protokollsutdrag"]
    static let statuses = ["open", "closed", "closed", "closed", "dormant"]
    static let classifications = ["1.1", "1.4", "2.1", "2.4", "2.4.1", "3.2", "4.1", "6.3", "7.2"]

    var recordCount: Int { organisations.count * casesPerOrganisation * recordsPerCase }

    /// A valid personnummer for case `n` (Luhn digit computed), `YYYYMMDDNNNC`.
    static func personnummer(_ n: Int) -> String {
        let year = 1940 + n % 60, month = 1 + n % 12, day = 1 + n % 28, serial = n % 1000
        let ten = String(format: "%02d%02d%02d%03d", year % 100, month, day, serial)
        for check in 0...9 where IdentityNumber.luhnValid(ten + String(check)) {
            return String(format: "%04d", year) + String(ten.dropFirst(2)) + String(check)
        }
        return ""
    }

    static func dnr(_ n: Int) -> String { "KS \(2015 + n % 10)/\(n)" }

    static func date(_ n: Int) -> String {
        String(format: "%04d-%02d-%02d", 2015 + n % 10, 1 + n % 12, 1 + (n / 12) % 28)
    }

    /// About 150 words of running text, varying with `m`.
    static func body(_ m: Int) -> String {
        var out: [String] = []
        var x = m &* 2654435761 & 0x7fffffff
        for i in 0..<150 {
            x = (x &* 1103515245 &+ 12345) & 0x7fffffff
            out.append(words[x % words.count])
            if i % 12 == 11 { out.append("och") }
        }
        return out.joined(separator: " ")
    }

    /// Writes everything in one transaction per organisation; returns seconds spent writing.
    @discardableResult
    func write(into index: ArchiveIndex) throws -> Double {
        var seconds = 0.0
        for (o, org) in organisations.enumerated() {
            let start = Date()
            try index.write { w in
                try w.upsertOrganisation(id: org, name: org)
                let object = "gen-\(org)"
                try w.addPackage(IndexedPackage(objectID: object, organisationID: org, agreementID: "GEN", version: 1,
                                                created: "2026-01-01T00:00:00Z", fileCount: 0, byteCount: 0))
                for c in 0..<casesPerOrganisation {
                    let n = o * casesPerOrganisation + c
                    let words = Self.words
                    let title = "\(words[n % words.count]) \(words[(n / 7) % words.count]) \(words[(n / 49) % words.count]) \(n)"
                    let caseID = try w.addCase(IndexedCase(
                        objectID: object, diarienummer: Self.dnr(n), title: title, status: Self.statuses[n % Self.statuses.count],
                        opened: Self.date(n), classification: Self.classifications[n % Self.classifications.count],
                        handlingOfficer: Self.names[(n + 3) % Self.names.count]))
                    try w.addParty(IndexedParty(caseID: caseID, name: Self.names[n % Self.names.count], role: "counterpart",
                                                identityNumber: Self.personnummer(n), protectedIdentity: n % 97 == 0))
                    try w.addParty(IndexedParty(caseID: caseID, name: "Bolag \(n % 500) AB", role: "other",
                                                identityNumber: "55\(String(format: "%08d", n % 100_000_000))"))
                    for r in 0..<recordsPerCase {
                        let m = n * recordsPerCase + r
                        let restricted = m % 10 == 0
                        let recordRow = try w.addRecord(IndexedRecord(
                            caseID: caseID, recordID: "\(Self.dnr(n)):\(r + 1)", type: Self.types[m % Self.types.count],
                            direction: "incoming", date: Self.date(n + r * 31),
                            title: "\(Self.types[m % Self.types.count]) om \(words[(m / 3) % words.count]) \(words[(m / 11) % words.count])",
                            secrecy: IndexedSecrecy(restricted: restricted, legalReference: restricted ? "OSL 26 kap. 1 §" : nil)))
                        if textEvery > 0, m % textEvery == 0 {
                            let file = try w.addFile(IndexedFile(objectID: object, recordID: recordRow,
                                                                 logicalPath: "representations/rep1/data/\(m).pdf", size: 1000,
                                                                 sha256: String(repeating: "0", count: 64), mime: "application/pdf"))
                            try w.setText(fileID: file, outcome: .text(Self.body(m), truncated: false))
                        }
                    }
                }
            }
            seconds += Date().timeIntervalSince(start)
        }
        return seconds
    }
}
