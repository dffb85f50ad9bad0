import BevaraModel
import BevaraProfiles
import Foundation

/// Reads a `sha256sum`-style manifest (`<64 hex>  <path>` or `<64 hex> *<path>`) into the
/// catalog, line by line.
enum ManifestReader {
    static func read(_ layout: ExportLayout, into catalog: ExportCatalog, findings: FindingCollector) throws {
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
            if text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let hex = text.prefix(64)
            let rest = text.dropFirst(64)
            guard hex.count == 64, hex.allSatisfy({ $0.isHexDigit }), rest.hasPrefix("  ") || rest.hasPrefix(" *") else {
                findings.error("manifest.syntax", location, "expected '<64 hex digits>  <path>'")
                continue
            }
            var filePath = String(rest.dropFirst(2))
            if filePath.hasPrefix("./") { filePath.removeFirst(2) }
            if try !catalog.addManifestEntry(path: filePath, sha256: String(hex), line: lineNumber) {
                findings.error("manifest.duplicate", location, "'\(filePath)' is listed more than once")
            }
        }
    }
}

/// Reads a file line by line in 64 KiB chunks (LF or CRLF), for flat memory on large manifests.
final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var eof = false

    init?(path: String) {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        handle = h
    }

    deinit { try? handle.close() }

    func next() throws -> [UInt8]? {
        while true {
            if let nl = buffer.firstIndex(of: 0x0A) {
                var line = Array(buffer[..<nl])
                buffer.removeSubrange(...nl)
                if line.last == 0x0D { line.removeLast() }
                return line
            }
            if eof {
                if buffer.isEmpty { return nil }
                defer { buffer.removeAll() }
                return buffer.last == 0x0D ? Array(buffer.dropLast()) : buffer
            }
            let chunk = try handle.read(upToCount: 65_536) ?? Data()
            if chunk.isEmpty { eof = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
