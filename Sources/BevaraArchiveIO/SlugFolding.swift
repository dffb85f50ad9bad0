import Foundation

/// The folding `SafePath.slug` starts with: canonical composition, then diacritic- and
/// width-insensitive folding (Swedish locale), as Foundation does it.
///
/// Foundation's folding cost about a tenth of packaging's main thread on exports of many small
/// files (every content file and case folder is slugged). Names made only of ASCII and of the
/// precomposed Latin-1 letters and common dashes in `foldedScalars` are folded scalar by
/// scalar from a table that Foundation itself filled, one scalar at a time; anything else (a
/// combining mark, other scripts) goes through Foundation. SafePathTests check the table path
/// against Foundation on mixed names.
enum SlugFolding {
    /// Non-ASCII scalars whose folding does not depend on their neighbours: precomposed
    /// letters of Latin-1 (no combining marks follow them in a name made only of table scalars
    /// and ASCII, so composition cannot change them) and a few punctuation marks.
    static let tableScalars: [Unicode.Scalar] =
        (0xC0...0xFF).compactMap(Unicode.Scalar.init).filter { $0 != "×" && $0 != "÷" }
        + ["\u{2013}", "\u{2014}", "\u{A7}", "\u{B4}", "\u{A0}"]

    /// Each table scalar's folding, from Foundation.
    static let foldedScalars: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        for scalar in tableScalars { table[scalar.value] = foundation(String(scalar)) }
        return table
    }()

    static func fold(_ name: String) -> String {
        if ASCII.isASCII(name) { return name }
        // Built as bytes: appending to a String's scalars cost ≈ 450 instructions a scalar.
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        for scalar in name.unicodeScalars {
            if scalar.isASCII {
                out.append(UInt8(truncatingIfNeeded: scalar.value))
            } else if let folded = foldedScalars[scalar.value] {
                out.append(contentsOf: folded.utf8)
            } else {
                return foundation(name)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func foundation(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping
            .folding(options: [.diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "sv_SE"))
    }
}
