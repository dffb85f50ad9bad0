import BevaraModel

/// A diarienummer filter turned into a comparison on `case_file.dnr_key`.
enum DiarienummerFilter: Equatable {
    case exact(String)
    /// Keys starting with the text (compared as a half-open range so the index is used).
    case prefix(String)

    init(_ input: String) throws {
        var text = input.trimmingCharacters(in: .whitespacesAndNewlines)
        let starred = text.hasSuffix("*")
        while text.hasSuffix("*") { text.removeLast() }
        text = text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            throw IndexError.invalidFilter(field: "diarienummer", value: input, reason: "no number left once '*' is removed")
        }
        let separators: Set<Character> = ["/", "-", ":", " "]
        if let last = text.last, separators.contains(last) {
            let stripped = String(text.reversed().drop(while: { separators.contains($0) }).reversed())
            if !stripped.contains(where: { $0.isASCII && $0.isNumber }) {
                // `KS/`: every number of the diarium (keys are `PREFIX YEAR/NUMBER`).
                self = .prefix(Diarienummer(stripped).searchKey + " ")
                return
            }
            // `KS 2021/` or `KS 2021-`: normalise as if a number followed, then drop the number,
            // so the prefix is `KS 2021/` whatever separator the user typed.
            let key = Diarienummer(text + "1").searchKey
            if key.hasSuffix("/1") {
                self = .prefix(String(key.dropLast()))
            } else {
                self = .prefix(Diarienummer(text).searchKey)
            }
            return
        }
        let key = Diarienummer(text).searchKey
        self = starred ? .prefix(key) : .exact(key)
    }

    /// The exclusive upper bound of keys starting with `prefix` (the largest scalar appended).
    static func upperBound(_ prefix: String) -> String { prefix + "\u{10FFFF}" }
}
