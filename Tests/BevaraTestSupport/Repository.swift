import Foundation

/// The repository root, from this file's path (works in CI's fresh clone).
public let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// A fresh temporary folder; the caller removes it (usually in a `defer`).
public func temporaryFolder(_ label: String) throws -> String {
    let dir = NSTemporaryDirectory() + "bevara-\(label)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}
