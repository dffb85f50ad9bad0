import BevaraModel
import Testing

@Suite struct PartialDateTests {
    /// The definition `xsDateTime` is written against: each part zero-padded to its width
    /// (`String(value)` when it is wider), missing parts the first of their range.
    static func reference(_ d: PartialDate) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let s = String(value)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(pad(d.year, 4))-\(pad(d.month ?? 1, 2))-\(pad(d.day ?? 1, 2))T\(pad(d.hour ?? 0, 2)):\(pad(d.minute ?? 0, 2)):\(pad(d.second ?? 0, 2))"
    }

    @Test func xsDateTimeIsTheZeroPaddedDefinition() {
        var dates: [PartialDate] = []
        for year in [0, 1, 9, 10, 99, 100, 999, 1000, 1900, 2021, 9999, 10_000, 123_456, -5, -2021] {
            dates.append(PartialDate(year: year, original: "x"))
            dates.append(PartialDate(year: year, month: 5, original: "x"))
            dates.append(PartialDate(year: year, month: 12, day: 31, original: "x"))
            dates.append(PartialDate(year: year, month: 1, day: 9, hour: 0, minute: 5, second: 59, original: "x"))
            dates.append(PartialDate(year: year, month: 10, day: 10, hour: 23, minute: 59, second: 0, original: "x"))
            dates.append(PartialDate(year: year, month: 123, day: -1, hour: 100, minute: 10_000, second: -30, original: "x"))
        }
        for date in dates {
            #expect(date.xsDateTime == Self.reference(date), "\(date.year)")
            #expect(date.isoDay == String(Self.reference(date).prefix { $0 != "T" }), "\(date.year)")
        }
        #expect(PartialDate(year: 2021, month: 5, original: "2021-05").xsDateTime == "2021-05-01T00:00:00")
        #expect(PartialDate(year: 987, month: 1, day: 2, hour: 3, minute: 4, second: 5, original: "x").xsDateTime == "0987-01-02T03:04:05")
    }
}
