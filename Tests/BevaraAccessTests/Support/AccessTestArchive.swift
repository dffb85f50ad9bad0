import BevaraIngest
import BevaraTestSupport
import BevaraModel
import Foundation
import Testing

/// One archive per test process holding both bundled fixtures (Vänersborg and Trollhättan), built
/// through the real path: `bevara package` (the built binary), then `Ingestor`.
enum AccessTestArchive {
    static let repositoryRoot = BevaraTestSupport.repositoryRoot
    static let bevara = bevaraBinary

    static let shared: Result<Archive, Error> = Result { try build() }

    static func archive() throws -> Archive { try shared.get() }

    static func temporaryFolder(_ label: String) throws -> String {
        let dir = NSTemporaryDirectory() + "bevara-access-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    private static func build() throws -> Archive {
        let work = try temporaryFolder("archive")
        let archive = try Archive.create(at: work + "/archive", agreementsFrom: repositoryRoot + "/profiles/agreements")
        for (fixture, agreement, user) in [("vanersborg-ks-csv", "EAV-VBG-KS-CSV", "arkivarie-vanersborg"),
                                           ("trollhattan-ks-fgs", "EAV-THN-KS-FGS", "arkivarie-trollhattan")] {
            let sip = work + "/\(fixture).tar"
            try runBevara(["package", "--agreement", agreement, "--out", sip, repositoryRoot + "/fixtures/" + fixture])
            let outcomes = try Ingestor(archive: archive, user: try archive.user(user)).ingest([sip], agreementID: nil)
            guard outcomes.map(\.status) == [.archived] else {
                throw TestSetupError(message: "ingest of \(fixture): \(outcomes)")
            }
        }
        return archive
    }

    static func runBevara(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bevara)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["BEVARA_PROFILES"] = repositoryRoot + "/profiles"
        environment["BEVARA_SCHEMAS"] = repositoryRoot + "/../shared/schemas"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestSetupError(message: "bevara \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
    }

    static func user(_ id: String) throws -> ArchiveUser { try archive().user(id) }
}

struct TestSetupError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
