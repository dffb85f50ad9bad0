import BevaraArchiveIO
import Foundation
import Testing

/// The repository root, from this file's path (works in CI's fresh clone).
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// The `bevara` binary built beside this test bundle.
let bevaraBinary: String = {
    let testBinary = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).resolvingSymlinksInPath()
    var dir = testBinary.deletingLastPathComponent()
    // The xctest bundle may be a directory (…/BevaraPackageTests.xctest/…); walk up to the bin dir.
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("bevara").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        dir.deleteLastPathComponent()
    }
    return repositoryRoot + "/.build/debug/bevara"
}()

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs a program to completion, capturing its output.
@discardableResult
func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:], cwd: String = repositoryRoot) throws -> RunResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    p.currentDirectoryURL = URL(fileURLWithPath: cwd)
    var env = ProcessInfo.processInfo.environment
    env.merge(environment) { $1 }
    p.environment = env
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    // Read both pipes concurrently so a chatty child cannot block on a full pipe.
    final class Box: @unchecked Sendable { var data = Data() }
    let errBox = Box()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    let errData = errBox.data
    p.waitUntilExit()
    return RunResult(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}

func bevara(_ arguments: [String], environment: [String: String] = [:]) throws -> RunResult {
    var env = ["BEVARA_PROFILES": repositoryRoot + "/profiles", "BEVARA_SCHEMAS": repositoryRoot + "/../shared/schemas"]
    env.merge(environment) { $1 }
    return try run(bevaraBinary, arguments, environment: env)
}

/// The exit status Foundation reports for a child killed by SIGKILL.
let killedBySIGKILL: Int32 = 9

/// `../shared/validators/validate-sip -v` on packages, with the project's validator venv.
func validateSIP(_ paths: [String]) throws -> RunResult {
    try run("/bin/bash", [repositoryRoot + "/../shared/validators/validate-sip", "-v"] + paths,
            environment: ["VENV": repositoryRoot + "/.venv-validators"])
}

/// A fresh temporary folder, removed by the caller's `defer`.
func temporaryFolder(_ label: String) throws -> String {
    let dir = NSTemporaryDirectory() + "bevara-\(label)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// Copies a bundled fixture into a temporary folder so a test can break it.
func copyFixture(_ name: String, to dir: String) throws -> String {
    let target = dir + "/" + name
    try FileManager.default.copyItem(atPath: repositoryRoot + "/fixtures/" + name, toPath: target)
    return target
}

/// Every path below `dir`, relative, sorted.
func listing(_ dir: String) -> [String] {
    (FileManager.default.enumerator(atPath: dir)?.allObjects as? [String] ?? []).sorted()
}
