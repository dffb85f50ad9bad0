@_exported import BevaraTestSupport
import BevaraArchiveIO
import Foundation
import Testing

/// The exit status Foundation reports for a child killed by SIGKILL.
let killedBySIGKILL: Int32 = 9

/// `../shared/validators/validate-sip -v` on packages, with the project's validator venv.
func validateSIP(_ paths: [String]) throws -> RunResult {
    try run("/bin/bash", [repositoryRoot + "/../shared/validators/validate-sip", "-v"] + paths,
            environment: ["VENV": repositoryRoot + "/.venv-validators"])
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
