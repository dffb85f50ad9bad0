import Foundation

/// The `bevara` binary built beside the test bundle (`swift build --build-tests` builds it).
public let bevaraBinary: String = {
    let testBinary = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).resolvingSymlinksInPath()
    var dir = testBinary.deletingLastPathComponent()
    // The test bundle may be a directory (…/BevaraPackageTests.xctest/…); walk up to the bin dir.
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("bevara").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        dir.deleteLastPathComponent()
    }
    return repositoryRoot + "/.build/debug/bevara"
}()

/// What a finished child process printed and how it ended.
public struct RunResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs a program to completion, capturing its output.
@discardableResult
public func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                cwd: String = repositoryRoot) throws -> RunResult {
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
    p.waitUntilExit()
    return RunResult(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errBox.data, as: UTF8.self))
}

/// Runs the built `bevara` with the repository's profiles and schemas.
@discardableResult
public func bevara(_ arguments: [String], environment: [String: String] = [:]) throws -> RunResult {
    var env = ["BEVARA_PROFILES": repositoryRoot + "/profiles", "BEVARA_SCHEMAS": repositoryRoot + "/../shared/schemas"]
    env.merge(environment) { $1 }
    return try run(bevaraBinary, arguments, environment: env)
}
