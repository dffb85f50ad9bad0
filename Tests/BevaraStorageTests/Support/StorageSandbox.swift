import BevaraArchiveIO
import BevaraStorage
import Foundation
import Testing

/// The repository root, from this file's path (Tests/BevaraStorageTests/Support/…).
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
}()

/// A temporary folder holding a storage root (`root/`), a staging directory (`staging/`) and
/// source files (`src/`); removed by `cleanUp()`.
struct StorageSandbox {
    let directory: String
    var rootPath: String { directory + "/root" }
    var staging: String { directory + "/staging" }
    var sources: String { directory + "/src" }

    init() throws {
        directory = NSTemporaryDirectory() + "bevara-storage-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/src", withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: directory) }

    func makeRoot() throws -> OCFLStorageRoot { try OCFLStorageRoot.create(at: rootPath) }

    /// Writes `text` as a source file and returns its path.
    @discardableResult
    func source(_ name: String, _ text: String) throws -> String {
        try source(name, Data(text.utf8))
    }

    @discardableResult
    func source(_ name: String, _ data: Data) throws -> String {
        let path = sources + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Every regular file below `path`, relative, sorted.
    func files(below path: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: path) else { return [] }
        var out: [String] = []
        while let item = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + item, isDirectory: &isDir), !isDir.boolValue { out.append(item) }
        }
        return out.sorted()
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// Flips the bits of one byte of a file in place.
    func flipByte(of path: String, at offset: Int = 0) throws {
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        data[offset] ^= 0xFF
        try data.write(to: URL(fileURLWithPath: path))
    }
}

struct RunResult {
    var status: Int32
    var output: String
}

/// Runs a program to completion, stdout and stderr merged.
func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
}

/// `../shared/validators/validate-ocfl` (ocfl-py 2.1.0, every digest checked) on a root or object.
func validateOCFL(_ path: String) throws -> RunResult {
    try run("/bin/bash", [repositoryRoot + "/../shared/validators/validate-ocfl", path],
            environment: ["VENV": repositoryRoot + "/.venv-validators"])
}

/// Expects validate-ocfl to pass with no warning other than W004 (sha256 instead of the
/// recommended sha512, a deliberate choice: SIPs already carry SHA-256).
func expectValidOCFL(_ path: String, objects: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let result = try validateOCFL(path)
    #expect(result.status == 0, "validate-ocfl failed:\n\(result.output)", sourceLocation: sourceLocation)
    #expect(result.output.contains("\(objects)/\(objects) objects valid"), "\(result.output)", sourceLocation: sourceLocation)
    let warnings = result.output.split(separator: "\n").filter { $0.contains("[W") && !$0.contains("[W004]") }
    #expect(warnings.isEmpty, "unexpected warnings:\n\(warnings.joined(separator: "\n"))", sourceLocation: sourceLocation)
}

let testUser = (name: "Arkivarie Test", address: Optional("arkiv@example.org"))
let testDate = Date(timeIntervalSince1970: 1_790_000_000)
