import BevaraArchiveIO
import Foundation

/// Turns an `xlink:href` from a METS document into a path relative to the package root.
///
/// hrefs are relative to the folder of the METS holding them (CSIP §1.9). Producers encode them
/// differently (commons-ip form-encodes, others write them literally), so the literal path is
/// tried first, then the percent-decoded one, then form-decoded (`+` as space): whichever names
/// an existing file. Absolute paths, URLs with a scheme, and `..` are refused: a SIP holds its
/// own files, and a representation METS must not point outside its representation.
enum HrefResolver {
    enum Outcome: Equatable {
        /// Package-relative path (the file may still be missing).
        case path(String)
        /// Why the href cannot be used.
        case unsafe(String)
    }

    static func resolve(_ href: String, base: String, root: String) -> Outcome {
        var raw = href
        while raw.hasPrefix("./") { raw.removeFirst(2) }
        // The byte test first: a walk of the href's characters for a ':' was most of this
        // function's cost, and ':' has no other spelling, so without the byte there is none.
        if raw.utf8.contains(UInt8(ascii: ":")), let colon = raw.firstIndex(of: ":"), raw[..<colon].count > 1,
           raw[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) {
            return .unsafe("'\(href)' is a URL (\(raw[..<colon]):); a SIP must hold the files it lists, by relative path")
        }
        var candidates = [raw]
        // Without a `%` there is nothing to decode (Foundation's decoding is costly per file).
        if raw.utf8.contains(UInt8(ascii: "%")), let decoded = raw.removingPercentEncoding, decoded != raw {
            candidates.append(decoded)
        }
        if raw.utf8.contains(UInt8(ascii: "+")), let decoded = raw.replacingOccurrences(of: "+", with: " ").removingPercentEncoding,
           !candidates.contains(decoded) {
            candidates.append(decoded)
        }
        var first: Outcome?
        for candidate in candidates {
            if let problem = SafePath.validateRelative(candidate) {
                let outcome = Outcome.unsafe("'\(href)' is not a safe relative path (\(problem.rawValue))")
                if first == nil { first = outcome }
                continue
            }
            let path = base.isEmpty ? candidate : base + "/" + candidate
            if first == nil { first = .path(path) }
            // One spelling only: it is the answer whether or not the file exists (the fixity
            // check reports a missing one), so no lstat is needed to choose.
            if candidates.count == 1 { return .path(path) }
            var st = stat()
            if lstat(root + "/" + path, &st) == 0 { return .path(path) }
        }
        return first ?? .unsafe("empty href")
    }
}
