/// A calendar date computed with integer arithmetic only (no `Date`, no time zone, no locale),
/// so generated dates are the same on every machine.
package struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let year: Int
    package let month: Int
    package let day: Int

    package init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` after 1970-01-01 (Howard Hinnant's civil_from_days).
    package init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01 (days_from_civil).
    package var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    func adding(days: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// Skips Saturday and Sunday forward (case systems register on working days).
    var nextWorkingDay: CivilDate {
        // 1970-01-01 was a Thursday: weekday 0 = Monday … 6 = Sunday.
        let weekday = ((daysSinceEpoch % 7) + 7 + 3) % 7
        return weekday >= 5 ? adding(days: 7 - weekday) : self
    }

    /// `yyyy-MM-dd`.
    package var description: String { "\(year)-\(Self.two(month))-\(Self.two(day))" }

    /// `yyMMdd` (personnummer birth part).
    var compact: String { String(String(year).suffix(2)) + Self.two(month) + Self.two(day) }

    static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    package static func < (a: CivilDate, b: CivilDate) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }
}
