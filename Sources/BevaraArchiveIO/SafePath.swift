import Foundation

/// Rules for paths that come from outside (an export's file references, archive entry names).
///
/// A path from an export is only ever opened after `validateRelative` has accepted it and the
/// resolved file has been checked to lie inside the export root (`resolve`), so `../`, absolute
/// paths and symlinks cannot reach outside.
public enum SafePath {
    /// Why a path was refused; the raw value is used as the preflight rule's detail.
    public enum Problem: String, Codable, Sendable, CaseIterable {
        case empty = "empty path"
        case absolute = "absolute path"
        case parentReference = "'..' segment"
        case emptySegment = "empty or '.' segment"
        case backslash = "backslash in path"
        case controlCharacter = "control character in name"
        case tooLong = "name longer than 255 bytes"
    }

    /// Problems that make a path unusable (traversal and the like); nil when acceptable.
    public static func validateRelative(_ path: String) -> Problem? {
        if isPlainText(path) { return validatePlainRelative(path) }
        return validateRelativeGeneral(path)
    }

    /// True when every scalar of `text` is its own character (grapheme): printable ASCII,
    /// Latin-1 and Latin Extended letters below U+0300 other than controls and the soft hyphen,
    /// and the en and em dash. No combining mark can follow anything then, so the byte-wise
    /// checks below say what the character-wise ones say (SafePathTests compare them).
    static func isPlainText(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { s in
            let v = s.value
            return (v >= 0x20 && v < 0x7F) || (v >= 0xA0 && v < 0x300 && v != 0xAD) || v == 0x2013 || v == 0x2014
        }
    }

    /// `validateRelativeGeneral` for a path of `isPlainText` scalars, on its UTF-8 bytes (the
    /// ASCII separators never occur inside a multi-byte scalar).
    private static func validatePlainRelative(_ path: String) -> Problem? {
        let bytes = path.utf8
        guard let first = bytes.first else { return .empty }
        if first == UInt8(ascii: "/") || first == UInt8(ascii: "~") { return .absolute }
        // The second character is the second scalar (a scalar is a character here).
        var scalars = path.unicodeScalars.makeIterator()
        _ = scalars.next()
        if scalars.next() == ":" { return .absolute }
        if bytes.contains(UInt8(ascii: "\\")) { return .backslash }
        var segmentLength = 0
        var dots = 0
        func check() -> Problem? {
            if segmentLength == 2 && dots == 2 { return .parentReference }
            if segmentLength == 0 || (segmentLength == 1 && dots == 1) { return .emptySegment }
            if segmentLength > 255 { return .tooLong }
            return nil
        }
        for byte in bytes {
            if byte == UInt8(ascii: "/") {
                if let problem = check() { return problem }
                segmentLength = 0
                dots = 0
            } else {
                segmentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return check()
    }

    /// The character-wise rules, for any path.
    static func validateRelativeGeneral(_ path: String) -> Problem? {
        if path.isEmpty { return .empty }
        if path.hasPrefix("/") || path.hasPrefix("~") || (path.count >= 2 && path.dropFirst().first == ":") {
            return .absolute
        }
        if path.contains("\\") { return .backslash }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            if segment == ".." { return .parentReference }
            if segment.isEmpty || segment == "." { return .emptySegment }
            if segment.utf8.count > 255 { return .tooLong }
            if segment.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return .controlCharacter }
        }
        return nil
    }

    /// Characters or names that break on common file systems (Windows, macOS, FAT, network
    /// shares); these are portability warnings, since Bevara stores files under generated names.
    public static func portabilityProblems(ofName name: String) -> [String] {
        guard isPlainText(name) else { return portabilityProblemsGeneral(ofName: name) }
        // Byte-wise, as for `validateRelative`: each scalar is a character here.
        var problems: [String] = []
        let bytes = name.utf8
        if bytes.contains(where: isForbiddenInNames) { problems.append("contains one of : * ? \" < > |") }
        if let last = bytes.last, last == UInt8(ascii: ".") || last == UInt8(ascii: " ") { problems.append("ends with a dot or space") }
        if bytes.first == UInt8(ascii: " ") { problems.append("starts with a space") }
        // The stem as `split(separator: ".", maxSplits: 1).first` gives it: leading dots skipped.
        let stemStart = bytes.firstIndex { $0 != UInt8(ascii: ".") } ?? bytes.endIndex
        let stemEnd = bytes[stemStart...].firstIndex(of: UInt8(ascii: ".")) ?? bytes.endIndex
        let stemLength = bytes.distance(from: stemStart, to: stemEnd)
        if stemLength > 0, stemLength <= 12, reservedDeviceNames.contains(String(name[stemStart..<stemEnd]).uppercased()) {
            problems.append("reserved device name on Windows")
        }
        // Every scalar of a plain name is below U+0300 or a dash: already NFC (see isNFC).
        if !bytes.contains(UInt8(ascii: ".")) { problems.append("has no file extension") }
        return problems
    }

    /// `: * ? " < > |`, the characters names may not hold, as bytes (all ASCII, so the same test
    /// serves the byte-wise and the character-wise rules). By comparison: a `Set<UInt8>` hashed
    /// every byte of every name (≈ 100 instructions a byte, about a quarter of the checks of a
    /// reference, callgrind).
    @inline(__always)
    private static func isForbiddenInNames(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: ":"), UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "\""), UInt8(ascii: "<"),
             UInt8(ascii: ">"), UInt8(ascii: "|"): return true
        default: return false
        }
    }

    /// The character-wise rules, for any name.
    static func portabilityProblemsGeneral(ofName name: String) -> [String] {
        var problems: [String] = []
        if name.unicodeScalars.contains(where: { $0.isASCII && isForbiddenInNames(UInt8($0.value)) }) {
            problems.append("contains one of : * ? \" < > |")
        }
        if name.hasSuffix(".") || name.hasSuffix(" ") { problems.append("ends with a dot or space") }
        if name.hasPrefix(" ") { problems.append("starts with a space") }
        if let stem = name.split(separator: ".", maxSplits: 1).first, stem.utf8.count <= 12,
           reservedDeviceNames.contains(stem.uppercased()) {
            problems.append("reserved device name on Windows")
        }
        if !isNFC(name) { problems.append("not in Unicode NFC (decomposed characters)") }
        if !name.contains(".") { problems.append("has no file extension") }
        return problems
    }

    private static let reservedDeviceNames = Set(["CON", "PRN", "AUX", "NUL"] + (1...9).map { "COM\($0)" } + (1...9).map { "LPT\($0)" })

    /// Whether `name` is in Unicode NFC. Scalars below U+0300 and the common dashes are never
    /// changed by NFC nor combine with what precedes them, so names made of them need no
    /// normalisation (Foundation's is slow); others are compared scalar by scalar, since
    /// Swift's String == is canonical equivalence.
    public static func isNFC(_ name: String) -> Bool {
        if name.unicodeScalars.allSatisfy({ $0.value < 0x300 || $0 == "\u{2013}" || $0 == "\u{2014}" }) { return true }
        return name.unicodeScalars.elementsEqual(name.precomposedStringWithCanonicalMapping.unicodeScalars)
    }

    /// Resolves `relative` under `root`, following symlinks, and returns the real path only if it
    /// stays inside the real root. Returns nil for anything that escapes.
    public static func resolve(_ relative: String, under root: String) -> String? {
        guard validateRelative(relative) == nil else { return nil }
        guard let realRoot = realPath(root) else { return nil }
        let joined = (realRoot as NSString).appendingPathComponent(relative)
        guard let real = realPath(joined) else { return nil }
        return real.hasSameUTF8(as: realRoot) || real.hasUTF8Prefix(realRoot + "/") ? real : nil
    }

    /// `realpath(3)`; nil if the path does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// A file-system-safe name in `A–Z a–z 0–9 . _ -`: diacritics are folded (å→a, ö→o),
    /// anything else becomes `_`, and runs of `_` collapse. Used for names inside packages; the
    /// original name is always kept in metadata. Never empty.
    public static func slug(_ name: String, maxLength: Int = 100) -> String {
        // By byte: what is kept is ASCII, and a run of anything else (all the bytes of a non-ASCII
        // character are ≥ 0x80) becomes one underscore, as by scalar; appending scalars to a
        // String one at a time cost ~40,000 instructions a name.
        let folded = SlugFolding.fold(name)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(folded.utf8.count)
        var lastUnderscore = false
        for b in folded.utf8 {
            let ok = (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == UInt8(ascii: ".") || b == UInt8(ascii: "-")
            if ok {
                bytes.append(b)
                lastUnderscore = false
            } else if !lastUnderscore {
                bytes.append(UInt8(ascii: "_"))
                lastUnderscore = true
            }
        }
        var start = 0, end = bytes.count
        while start < end, bytes[start] == UInt8(ascii: ".") || bytes[start] == UInt8(ascii: "_") { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: "_") || bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        var out = String(decoding: bytes[start..<end], as: UTF8.self)
        if out.utf8.count > maxLength {
            // Keep the extension when shortening.
            let ext = (out as NSString).pathExtension
            let keep = max(1, maxLength - ext.count - 1)
            out = String(out.prefix(keep)) + (ext.isEmpty ? "" : "." + ext)
        }
        return out.isEmpty ? "file" : out
    }
}
