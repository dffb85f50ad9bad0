import BevaraArchiveIO
import BevaraModel

/// The search key (`Diarienummer.searchKey`) of the case number a reader saw last, kept for the
/// next row: a table's rows come case by case (a case's records and parties together), and
/// working the key out again cost ≈ 7,500 instructions a row on the reader thread (bench P2).
///
/// Matched by UTF-8 bytes, not `==`: two canonically equivalent spellings may give keys that
/// differ in bytes, and the catalog compares keys byte for byte.
struct CaseKeyMemo {
    private var verbatim: String?
    private var key = ""

    mutating func key(of number: Diarienummer) -> String {
        if let verbatim, verbatim.hasSameUTF8(as: number.verbatim) { return key }
        verbatim = number.verbatim
        key = number.searchKey
        return key
    }
}
