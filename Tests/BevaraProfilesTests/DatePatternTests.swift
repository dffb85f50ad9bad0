import BevaraModel
@testable import BevaraProfiles
import Testing

@Suite struct DatePatternTests {
    @Test func parsesEachPrecisionAndKeepsTheOriginal() throws {
        let patterns = try DatePatterns(["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy-MM", "yyyy"])
        let full = try patterns.parse("2021-05-12T08:30:05").get()
        #expect(full == PartialDate(year: 2021, month: 5, day: 12, hour: 8, minute: 30, second: 5, original: "2021-05-12T08:30:05"))
        #expect(full.precision == .time)
        let minutes = try patterns.parse(" 2021-05-12 08:30 ").get()
        #expect(minutes.hour == 8 && minutes.minute == 30 && minutes.second == nil)
        #expect(minutes.original == "2021-05-12 08:30")
        #expect(try patterns.parse("2021-05-12").get().precision == .day)
        #expect(try patterns.parse("2021-05").get() == PartialDate(year: 2021, month: 5, original: "2021-05"))
        #expect(try patterns.parse("1987").get() == PartialDate(year: 1987, original: "1987"))
    }

    @Test func literalsAndSingleLetterFields() throws {
        let compact = try DatePattern("yyyyMMdd")
        #expect(compact.match("20210512") == .date(PartialDate(year: 2021, month: 5, day: 12, original: "20210512")))
        #expect(compact.match("2021051") == .noMatch)
        let swedish = try DatePattern("d/M yyyy 'kl.' H.mm")
        #expect(swedish.match("3/7 2020 kl. 9.05") == .date(PartialDate(year: 2020, month: 7, day: 3, hour: 9, minute: 5, original: "3/7 2020 kl. 9.05")))
        let quote = try DatePattern("yyyy''MM")
        #expect(quote.match("2020'07") == .date(PartialDate(year: 2020, month: 7, original: "2020'07")))
    }

    @Test func rejectsOutOfRangeValuesWithTheReason() throws {
        let patterns = try DatePatterns(["yyyy-MM-dd"])
        #expect(patterns.parse("2021-02-29") == .failure(DateProblem(reason: "day 29 does not exist in 2021-02")))
        #expect(try patterns.parse("2024-02-29").get().day == 29)
        #expect(patterns.parse("2021-13-01") == .failure(DateProblem(reason: "month 13 is out of range")))
        #expect(patterns.parse("12/05/2021") == .failure(DateProblem(reason: "matches none of the accepted formats (yyyy-MM-dd)")))
        #expect(try DatePattern("yyyy-MM-dd HH:mm").match("2021-01-01 24:00") == .outOfRange("hour 24 is out of range"))
    }

    @Test func rejectsPatternsThatCannotBeRight() {
        #expect(throws: DatePatternError(pattern: "YYYY-MM-dd", reason: "unsupported letter 'Y' (use yyyy MM dd HH mm ss; quote literal text like 'T')")) {
            try DatePattern("YYYY-MM-dd")
        }
        #expect(throws: DatePatternError(pattern: "yy-MM-dd", reason: "years must be written 'yyyy' (two-digit years are ambiguous)")) {
            try DatePattern("yy-MM-dd")
        }
        #expect(throws: DatePatternError(pattern: "yyyy-dd", reason: "'dd' needs 'MM' in the same pattern")) { try DatePattern("yyyy-dd") }
        #expect(throws: DatePatternError(pattern: "yyyy-MM-dd'T", reason: "a quoted literal is not closed")) { try DatePattern("yyyy-MM-dd'T") }
        #expect(throws: DatePatternError(pattern: "HH:mm", reason: "'HH' needs 'dd' in the same pattern")) { try DatePattern("HH:mm") }
    }

    /// Printable-ASCII values are matched as bytes (`match(ascii:original:)`): the same answer as
    /// matching their characters, for every pattern kind, every value shape, and the limits of
    /// each range. Other values (and patterns with other literals) keep the character path.
    @Test func bytesAndCharactersGiveTheSameAnswer() throws {
        let patterns = try ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy-MM", "yyyy",
                            "yyyyMMdd", "d/M yyyy 'kl.' H.mm", "yyyy''MM", "d.M.yyyy", "'år' yyyy"].map { try DatePattern($0) }
        var values = ["2021-05-12T08:30:05", "2021-05-12 08:30:05", "2021-05-12 08:30", "2021-05-12", "2021-05", "2021", "20210512",
                      "3/7 2020 kl. 9.05", "2020'07", "1.1.1999", "2024-02-29", "2021-02-29", "2021-13-01", "2021-00-10",
                      "2021-01-00", "2021-01-32", "2021-01-01 24:00", "2021-01-01 23:60", "2021-01-01 23:59:60", "0000-01-01",
                      "2021-5-12", "2021-05-1", "21-05-12", "2021-05-12T08:30", "2021/05/12", "", "-", "2021-", "abcd",
                      "2021-05-12x", "12345", "2021-05-12T08:30:05Z", "1900-02-29", "2000-02-29", "9999-12-31"]
        values += ["år 2021", "２０２１-05-12", "2021-05-12\u{301}", "2021\r\n-05"]
        for value in values {
            for pattern in patterns {
                let byCharacters = pattern.match(Array(value), original: value)
                #expect(pattern.match(value) == byCharacters, "\(pattern) on \(value)")
                if value.isPrintableASCII, let bytes = value.utf8.withContiguousStorageIfAvailable({
                    pattern.match(ascii: $0, original: value)
                }), let byBytes = bytes {
                    #expect(byBytes == byCharacters, "\(pattern) on \(value)")
                }
            }
        }
        #expect(try DatePattern("'år' yyyy").asciiTokens == nil)
        #expect(try DatePattern("yyyy-MM-dd").asciiTokens != nil)
        #expect(try DatePatterns(["'år' yyyy"]).parse("år 2021").get() == PartialDate(year: 2021, original: "år 2021"))
    }
}
