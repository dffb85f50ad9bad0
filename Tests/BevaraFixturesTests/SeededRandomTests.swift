import BevaraModel
import Testing
@testable import BevaraFixtures

@Suite struct SeededRandomTests {
    @Test func sameSeedGivesSameSequenceAndOtherSeedsDiffer() {
        var a = SeededRandom(seed: 42), b = SeededRandom(seed: 42), c = SeededRandom(seed: 43)
        let sa = (0..<100).map { _ in a.next() }
        let sb = (0..<100).map { _ in b.next() }
        let sc = (0..<100).map { _ in c.next() }
        #expect(sa == sb)
        #expect(sa != sc)
        #expect(Set(sa).count == 100)
    }

    @Test func substreamsAreIndependentOfEachOther() {
        var x = SeededRandom(seed: 7, stream: 1, substream: 5)
        var y = SeededRandom(seed: 7, stream: 1, substream: 5)
        var z = SeededRandom(seed: 7, stream: 1, substream: 6)
        let first = x.next()
        #expect(first == y.next())
        #expect(first != z.next())
    }

    @Test func boundedValuesStayInRangeAndCoverIt() {
        var r = SeededRandom(seed: 1)
        var seen = Set<Int>()
        for _ in 0..<2_000 {
            let v = r.int(in: 3...9)
            #expect((3...9).contains(v))
            seen.insert(v)
            let u = r.unit()
            #expect(u >= 0 && u < 1)
        }
        #expect(seen == Set(3...9))
    }

    @Test func poissonAndStochasticRoundingKeepTheirMeans() {
        var r = SeededRandom(seed: 99)
        for lambda in [0.5, 1.25, 40.0] {
            let n = 20_000
            let mean = Double((0..<n).map { _ in r.poisson(lambda) }.reduce(0, +)) / Double(n)
            #expect(abs(mean - lambda) / lambda < 0.05, "lambda \(lambda) gave mean \(mean)")
        }
        let mean = Double((0..<20_000).map { _ in r.stochasticRound(2.3) }.reduce(0, +)) / 20_000
        #expect(abs(mean - 2.3) < 0.05)
    }

    @Test func fillIsDeterministicToTheLastByte() {
        func filled(_ count: Int) -> [UInt8] {
            var r = SeededRandom(seed: 5)
            var bytes = [UInt8](repeating: 0, count: count)
            bytes.withUnsafeMutableBytes { r.fill($0) }
            return bytes
        }
        #expect(filled(13) == filled(13))
        #expect(filled(13).suffix(5) != [0, 0, 0, 0, 0])
        #expect(Array(filled(16).prefix(8)) == Array(filled(13).prefix(8)))
    }
}

@Suite struct ContentPartsTests {
    @Test func generatedPersonnummerAndOrganisationsnummerAreValid() {
        var r = SeededRandom(seed: 3)
        for _ in 0..<500 {
            let p = IdentityNumber(FictionalIdentity.randomPersonnummer(&r))
            #expect(p.isValid && p.kind == .personnummer, "\(p.raw)")
            for series in ["559", "802", "769"] {
                let o = IdentityNumber(FictionalIdentity.randomOrganisationsnummer(&r, series: series))
                #expect(o.isValid && o.kind == .organisationsnummer, "\(o.raw)")
                #expect(!o.raw.hasPrefix("2120"))
            }
        }
        // The Tax Agency's test number comes out the same way.
        #expect(FictionalIdentity.personnummer(born: CivilDate(year: 1912, month: 12, day: 12), serial: 121) == "19121212-1212")
    }

    @Test func civilDatesRoundTripAndSkipWeekends() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(CivilDate(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(CivilDate(year: 2024, month: 2, day: 28).adding(days: 1).description == "2024-02-29")
        #expect(CivilDate(year: 2021, month: 3, day: 13).nextWorkingDay.description == "2021-03-15")   // Saturday → Monday
        #expect(CivilDate(year: 2021, month: 3, day: 16).nextWorkingDay.description == "2021-03-16")
    }

    @Test func checksumsMatchPublishedTestVectors() {
        let crc = Array("123456789".utf8).withUnsafeBytes { ~PNGChecksums.crcUpdate(0xFFFF_FFFF, $0) }
        #expect(crc == 0xCBF4_3926)
        let adler = Array("Wikipedia".utf8).withUnsafeBytes { PNGChecksums.adlerUpdate(1, $0) }
        #expect(adler == 0x11E6_0398)
    }

    @Test func csvQuotingFollowsRFC4180() {
        #expect(CSVExportWriter.quote("plain") == "plain")
        #expect(CSVExportWriter.quote("a;b") == "\"a;b\"")
        #expect(CSVExportWriter.quote("say \"hej\"") == "\"say \"\"hej\"\"\"")
    }
}
