import CMagic
import Foundation

/// Whether libmagic loads the very database that `OOXMLSignature` was derived from, and no other
/// rules: the shortcut is exact only against that database, so with any other (a newer `file`
/// package, a `MAGIC` variable, local rules in /etc/magic) libmagic answers every file itself.
enum MagicDatabaseCheck {
    /// SHA-256 of Debian bookworm's libmagic-mgc 1:5.44-3 `magic.mgc`, analysed by
    /// scripts/magic-ooxml-candidates.py.
    static let analysedSHA256 = "3217786eeedc85aadcd389ff3ee281b71081412c78f354458db94f095d55ed59"

    /// Checked once per process (hashing the 7 MB database takes a few milliseconds).
    static let loadsAnalysedDatabase: Bool = {
        guard let list = magic_getpath(nil, 0) else { return false }
        return check(searchPath: String(cString: list))
    }()

    /// libmagic loads each `:`-separated entry of its search path from `<entry>.mgc` when that
    /// exists, else from the rules in the entry itself.
    static func check(searchPath: String) -> Bool {
        var compiled: [String] = []
        for entry in searchPath.split(separator: ":").map(String.init) {
            let mgc = entry.hasSuffix(".mgc") ? entry : entry + ".mgc"
            if FileManager.default.fileExists(atPath: mgc) {
                compiled.append(mgc)
            } else if !holdsNoRules(entry) {
                return false
            }
        }
        guard compiled.count == 1, let real = SafePath.realPath(compiled[0]),
              let digest = try? FileDigest.sha256(path: real) else { return false }
        return digest == analysedSHA256
    }

    /// True when `path` is missing, or a file of only comments and blank lines.
    static func holdsNoRules(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return true }
        guard !isDirectory.boolValue, let text = try? String(contentsOfFile: path, encoding: .isoLatin1) else { return false }
        return text.split(whereSeparator: \.isNewline).allSatisfy { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            return trimmed.isEmpty || trimmed.hasPrefix("#")
        }
    }
}
