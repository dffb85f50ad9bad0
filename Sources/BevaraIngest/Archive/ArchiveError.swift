/// Why an archive command could not run, naming the path and the rule.
public enum ArchiveError: Error, CustomStringConvertible, Equatable {
    case notAnArchive(path: String, reason: String)
    case alreadyExists(path: String)
    case busy(path: String)
    case unknownUser(archive: String, user: String)
    case notPermitted(user: String, reason: String)

    public var description: String {
        switch self {
        case .notAnArchive(let path, let reason): return "\(path): not a Bevara archive: \(reason)"
        case .alreadyExists(let path): return "\(path): already exists and is not empty; an archive is created in a new folder"
        case .busy(let path): return "\(path): another Bevara command is writing to this archive; try again when it has finished"
        case .unknownUser(let archive, let user): return "\(archive)/bevara-archive.yaml: no user '\(user)'"
        case .notPermitted(let user, let reason): return "user '\(user)' may not do this: \(reason)"
        }
    }
}
