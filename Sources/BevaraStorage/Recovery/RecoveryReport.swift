import Foundation

/// What `OCFLStorageRoot.recover(stagingDirectory:)` found and did. Paths are absolute.
public struct RecoveryReport: Equatable, Sendable, CustomStringConvertible {
    /// Unfinished work of killed writers removed from the staging directory (never committed).
    public var removedStagingEntries: [String] = []
    /// Versions that were fully written but not yet named by the root inventory, now committed.
    public var rolledForward: [(objectID: String, version: Int)] = []
    /// Root inventories or sidecars rewritten from the head version's verified copy.
    public var repairedInventories: [String] = []
    /// Version directories that could not be verified, moved into `<staging>/quarantine/` (never deleted).
    public var quarantined: [String] = []
    /// Empty layout directories left by a writer killed before it moved an object into place.
    public var removedEmptyDirectories: [String] = []
    /// Temporary files of dead processes removed from objects' `logs/`.
    public var removedTemporaryFiles: [String] = []
    /// Problems recovery could not repair without risking committed content; they need a person.
    public var unresolved: [String] = []

    public init() {}

    /// True when recovery found nothing to do.
    public var wasClean: Bool {
        removedStagingEntries.isEmpty && rolledForward.isEmpty && repairedInventories.isEmpty
            && quarantined.isEmpty && removedEmptyDirectories.isEmpty && removedTemporaryFiles.isEmpty
            && unresolved.isEmpty
    }

    public var description: String {
        if wasClean { return "storage recovery: nothing to do" }
        var lines = ["storage recovery:"]
        lines += removedStagingEntries.map { "  removed unfinished staging \($0)" }
        lines += rolledForward.map { "  committed interrupted version v\($0.version) of \($0.objectID)" }
        lines += repairedInventories.map { "  repaired \($0)" }
        lines += quarantined.map { "  quarantined unverifiable version \($0)" }
        lines += removedEmptyDirectories.map { "  removed empty directory \($0)" }
        lines += removedTemporaryFiles.map { "  removed temporary file \($0)" }
        lines += unresolved.map { "  UNRESOLVED: \($0)" }
        return lines.joined(separator: "\n")
    }

    public static func == (a: RecoveryReport, b: RecoveryReport) -> Bool {
        a.removedStagingEntries == b.removedStagingEntries
            && a.rolledForward.map { "\($0.objectID)#\($0.version)" } == b.rolledForward.map { "\($0.objectID)#\($0.version)" }
            && a.repairedInventories == b.repairedInventories && a.quarantined == b.quarantined
            && a.removedEmptyDirectories == b.removedEmptyDirectories
            && a.removedTemporaryFiles == b.removedTemporaryFiles && a.unresolved == b.unresolved
    }
}
