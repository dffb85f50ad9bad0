import ArgumentParser
import BevaraIngest
import BevaraModel

/// `--archive DIR` and `--as USER`, shared by every command that works on an archive.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: "The archive folder (made by `bevara archive init`).")
    var archive: String

    @Option(name: .customLong("as"), help: "Your user id in the archive's bevara-archive.yaml.")
    var user: String

    func open() throws -> (Archive, ArchiveUser) {
        let archive = try Archive(opening: self.archive)
        return (archive, try archive.user(user))
    }
}
