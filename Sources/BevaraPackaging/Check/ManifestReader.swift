import BevaraModel
import BevaraProfiles
import Foundation

/// Reads a `sha256sum`-style manifest (`<64 hex>  <path>` or `<64 hex> *<path>`) into the
/// catalog's manifest store, line by line (on a thread of its own while the catalog loads: see
/// `Preflight`).
enum ManifestReader {
    static func read(_ layout: ExportLayout, into store: ManifestStore, findings: FindingCollector) throws {
        guard let manifest = layout.manifest else { return }
        let path = (layout.root as NSString).appendingPathComponent(manifest)
        guard FileManager.default.fileExists(atPath: path) else {
            findings.error("manifest.missing", SourceLocation(file: manifest), "the profile declares a checksum manifest but the export has none")
            return
        }
        guard let stream = LineReader(path: path) else {
            findings.error("manifest.unreadable", SourceLocation(file: manifest), "cannot open the manifest")
            return
        }
        var lineNumber = 0
        while let line = try stream.next() {
            lineNumber += 1
            let location = SourceLocation(file: manifest, line: lineNumber)
            guard let text = String(validating: line, as: UTF8.self) else {
                findings.error("manifest.syntax", location, "line is not valid UTF-8")
                continue
            }
            let hex: Substring
            var filePath: String
            if let (digits, name) = Self.plainLine(line) {
                // The usual line, 64 ASCII hex digits and two separator bytes: split as bytes
                // (the character-wise split below gives the same for it, at a few times the cost).
                hex = Substring(digits)
                filePath = name
            } else {
                if text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                hex = text.prefix(64)
                let rest = text.dropFirst(64)
                guard hex.count == 64, hex.allSatisfy({ $0.isHexDigit }), rest.hasPrefix("  ") || rest.hasPrefix(" *") else {
                    findings.error("manifest.syntax", location, "expected '<64 hex digits>  <path>'")
                    continue
                }
                filePath = String(rest.dropFirst(2))
            }
            if filePath.hasPrefix("./") { filePath.removeFirst(2) }
            if try !store.add(path: filePath, sha256: String(hex), line: lineNumber) {
                findings.error("manifest.duplicate", location, "'\(filePath)' is listed more than once")
            }
        }
    }
}

extension ManifestReader {
    /// `<64 ASCII hex digits><space><space or *><path>` split into digits and path; nil for any
    /// other line (the general parser then decides).
    static func plainLine(_ line: [UInt8]) -> (String, String)? {
        guard line.count >= 66, line[64] == 0x20, line[65] == 0x20 || line[65] == 0x2A else { return nil }
        for b in line[0..<64] {
            guard (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66) else { return nil }
        }
        return (String(decoding: line[0..<64], as: UTF8.self), String(decoding: line[66...], as: UTF8.self))
    }
}

/// Reads a file line by line in 64 KiB chunks (LF or CRLF), for flat memory on large manifests.
/// Lines are cut from a read position, not removed from the front of the buffer (that moved
/// the rest of the chunk once per line).
final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var eof = false

    init?(path: String) {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        handle = h
    }

    deinit { try? handle.close() }

    func next() throws -> [UInt8]? {
        while true {
            if let nl = buffer[start...].firstIndex(of: 0x0A) {
                var line = Array(buffer[start..<nl])
                start = nl + 1
                if line.last == 0x0D { line.removeLast() }
                return line
            }
            if eof {
                if start == buffer.count { return nil }
                let rest = Array(buffer[start...])
                buffer.removeAll()
                start = 0
                return rest.last == 0x0D ? Array(rest.dropLast()) : rest
            }
            let chunk = try handle.read(upToCount: 65_536) ?? Data()
            if chunk.isEmpty {
                eof = true
            } else {
                buffer.removeSubrange(..<start)
                start = 0
                buffer.append(contentsOf: chunk)
            }
        }
    }
}
