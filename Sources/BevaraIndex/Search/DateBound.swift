/// Turns `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into the `YYYY-MM-DD` bound a range filter compares.
enum DateBound {
    static func lower(_ input: String) throws -> String { try bound(input, field: "from", fill: ("01", "01")) }
    /// The last day of the period; `-31` for every month is fine because the comparison is textual.
    static func upper(_ input: String) throws -> String { try bound(input, field: "to", fill: ("12", "31")) }

    private static func bound(_ input: String, field: String, fill: (month: String, day: String)) throws -> String {
        let text = input.trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count),
              zip(parts, widths).allSatisfy({ $0.count == $1 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            throw IndexError.invalidFilter(field: field, value: input, reason: "expected YYYY, YYYY-MM or YYYY-MM-DD")
        }
        let month = parts.count > 1 ? parts[1] : fill.month
        let day = parts.count > 2 ? parts[2] : fill.day
        return "\(parts[0])-\(month)-\(day)"
    }
}
