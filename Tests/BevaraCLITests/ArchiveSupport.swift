import Foundation
import Testing

/// Helpers for archive tests: packages made once per process from the bundled fixtures, a fresh
/// archive per test, and the validators run on storage and on each AIP's logical state.
enum ArchiveScenario {
    /// SIPs of both fixtures, made once (packaging is the slow part) and shared read-only.
    static let packages: Result<[String: String], Error> = Result {
        let dir = try temporaryFolder("sips")
        var made: [String: String] = [:]
        for (name, fixture, agreement, out) in [
            ("vbg.tar", "vanersborg-ks-csv", "EAV-VBG-KS-CSV", "vbg.tar"),
            ("thn.zip", "trollhattan-ks-fgs", "EAV-THN-KS-FGS", "thn.zip"),
        ] {
            let r = try bevara(["package", "--agreement", agreement, "--out", dir + "/" + out, "fixtures/" + fixture])
            guard r.status == 0 else { throw CLIFailure(message: "package \(fixture): \(r.stderr)") }
            made[name] = dir + "/" + out
        }
        return made
    }

    static func package(_ name: String) throws -> String {
        try #require(try packages.get()[name])
    }

    /// A new archive in a temporary folder.
    static func newArchive(_ label: String) throws -> String {
        let dir = try temporaryFolder(label)
        let r = try bevara(["archive", "init", dir + "/archive"])
        guard r.status == 0 else { throw CLIFailure(message: "archive init: \(r.stderr)") }
        return dir + "/archive"
    }

    /// `bevara ingest --json`, decoded.
    static func ingest(_ archive: String, as user: String, _ packages: [String], extra: [String] = [],
                       environment: [String: String] = [:]) throws -> (RunResult, [[String: Any]]) {
        let r = try bevara(["ingest", "--archive", archive, "--as", user, "--json"] + extra + packages, environment: environment)
        let decoded = (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [[String: Any]] ?? []
        return (r, decoded)
    }

    static func validateOCFL(_ root: String) throws -> RunResult {
        try run("/bin/bash", [repositoryRoot + "/../shared/validators/validate-ocfl", root],
                environment: ["VENV": repositoryRoot + "/.venv-validators"])
    }

    /// Every OCFL object under a storage root: (object root, inventory JSON).
    static func objects(_ storage: String) throws -> [(root: String, inventory: [String: Any])] {
        var found: [(String, [String: Any])] = []
        for relative in listing(storage) where relative.hasSuffix("/0=ocfl_object_1.1") {
            let root = storage + "/" + String(relative.dropLast("/0=ocfl_object_1.1".count))
            let data = try Data(contentsOf: URL(fileURLWithPath: root + "/inventory.json"))
            found.append((root, try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])))
        }
        return found
    }

    /// Copies the head state of an OCFL object into `target` by logical path, reading the
    /// inventory directly (independently of Bevara's storage code).
    static func materialiseHead(objectRoot: String, inventory: [String: Any], into target: String) throws {
        let head = try #require(inventory["head"] as? String)
        let versions = try #require(inventory["versions"] as? [String: Any])
        let state = try #require((versions[head] as? [String: Any])?["state"] as? [String: [String]])
        let manifest = try #require(inventory["manifest"] as? [String: [String]])
        for (digest, paths) in state {
            let content = try #require(manifest[digest]?.first)
            for path in paths {
                let destination = target + "/" + path
                try FileManager.default.createDirectory(atPath: (destination as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: objectRoot + "/" + content, toPath: destination)
            }
        }
    }
}

struct CLIFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
