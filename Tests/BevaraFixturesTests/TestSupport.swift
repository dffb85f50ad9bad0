import BevaraArchiveIO
import BevaraTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Helpers shared by the fixture tests: temporary folders, file trees with their hashes,
/// CSV rows and FGS elements.
enum TestSupport {
    /// The package root (this file is Tests/BevaraFixturesTests/TestSupport.swift).
    static let repoRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// A new, empty folder under the system's temporary folder.
    static func temporaryDirectory(_ label: String = "bevara-fixtures") throws -> String {
        let path = NSTemporaryDirectory() + "/\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Every regular file under `root`, relative path → SHA-256 (FileDigest).
    static func tree(_ root: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for relative in try files(under: root) {
            result[relative] = try FileDigest.sha256(path: root + "/" + relative)
        }
        return result
    }

    /// Relative paths of the regular files under `root`, sorted.
    static func files(under root: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var paths: [String] = []
        while let next = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + next, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(next)
            }
        }
        return paths.sorted()
    }

    static func size(_ path: String) throws -> Int64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.size] as? NSNumber)?.int64Value ?? -1
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IOError(path: path, operation: "read", reason: "unreadable")
        }
        return [UInt8](data)
    }

    /// Rows of a `;`-separated UTF-8 CSV file with RFC 4180 quoting, header first.
    static func csvRows(_ path: String) throws -> [[String]] {
        let text = String(decoding: try bytes(path), as: UTF8.self)
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == ";" {
                row.append(field)
                field = ""
            } else if c == "\r" {
                continue
            } else if c == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    /// A CSV table as dictionaries keyed by header.
    static func csvTable(_ path: String) throws -> (header: [String], rows: [[String: String]]) {
        let rows = try csvRows(path)
        guard let header = rows.first else { return ([], []) }
        return (header, rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) })
    }

    /// `SHA256SUMS` as relative path → checksum.
    static func manifest(_ path: String) throws -> [String: String] {
        let text = String(decoding: try bytes(path), as: UTF8.self)
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let hash = String(line.prefix(64))
            let rest = line.dropFirst(64)
            guard rest.hasPrefix("  ") else { continue }
            result[String(rest.dropFirst(2))] = hash
        }
        return result
    }

    /// Elements with a local name anywhere in an XML document (namespace-agnostic).
    static func xmlElements(_ path: String, named name: String) throws -> [XMLElement] {
        let document = try XMLDocument(contentsOf: URL(fileURLWithPath: path), options: [])
        return try document.nodes(forXPath: "//*[local-name()='\(name)']").compactMap { $0 as? XMLElement }
    }

    /// The value of attribute `name` (no prefix) on `element`.
    ///
    /// Not `XMLElement.attribute(forName:)`: swift-corelibs-foundation returns nil from it for
    /// every attribute of an element in a default namespace (as all FGS elements are), so a
    /// test using it would see no `Lank`, `Typ` or `Mimetyp` at all.
    static func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attributes?.first { $0.localName == name || $0.name == name }?.stringValue
    }

    static func xmlDocument(_ path: String) throws -> XMLDocument {
        try XMLDocument(contentsOf: URL(fileURLWithPath: path), options: [])
    }

    static let bevara = bevaraBinary

    /// Peak resident memory (KiB) of `bevara arguments…` run alone in a child process. Measured
    /// by a Python parent's `RUSAGE_CHILDREN`, so other tests running in this process (and their
    /// own children) do not count.
    static func peakMemoryOfBevara(_ arguments: [String]) throws -> Int {
        let script = "import resource, subprocess, sys\n"
            + "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
            + "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, bevara] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let kib = Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "bevara \(arguments) failed: \(output)"])
        }
        return kib
    }
}
