import BevaraArchiveIO
import Foundation

extension OCFLStorageRoot {
    /// Writes `data` as `logs/<name>` in the object (OCFL leaves `logs/` free-form; validators
    /// ignore it), e.g. audit fixity records. The file appears complete or not at all: written
    /// and fsynced under a temporary name, then hard-linked to its name, which fails rather than
    /// overwrite an existing record (`logExists`). `name` may contain `/` for sub-folders.
    public func appendLog(objectID: String, name: String, data: Data) throws {
        try OCFLVersionBuilder.validateLogicalPath(name)
        guard objectExists(objectID) else { throw OCFLStorageError.objectNotFound(id: objectID) }
        let objectRoot = objectPath(for: objectID)
        let destination = objectRoot + "/logs/" + name
        let directory = DurableFiles.parent(of: destination)
        try DurableFiles.makeDirectories(directory, below: objectRoot)
        if DurableFiles.exists(destination) { throw OCFLStorageError.logExists(path: destination) }
        // The pid lets recovery tell a dead writer's leftover from a live one's.
        let temporary = directory + "/" + Self.temporaryPrefix + "\(getpid())-" + UUID().uuidString
        try DurableFiles.writeNew(data, to: temporary)
        defer { unlink(temporary) }
        if link(temporary, destination) != 0 {
            if errno == EEXIST { throw OCFLStorageError.logExists(path: destination) }
            throw IOError(path: destination, operation: "link", errno: errno)
        }
        try Durability.syncDirectory(directory)
    }

    /// Names of the object's log records (relative to `logs/`), sorted.
    public func logNames(objectID: String) throws -> [String] {
        guard objectExists(objectID) else { throw OCFLStorageError.objectNotFound(id: objectID) }
        return DurableFiles.filesBelow(objectPath(for: objectID) + "/logs")
            .filter { !(($0 as NSString).lastPathComponent.hasPrefix(Self.temporaryPrefix)) }
    }

    /// Writes `record` as JSON (sorted keys) to `logs/<prefix><time>-<random>.json`: time first so
    /// names sort by time (`logRecords` reads them back in that order), a random suffix so two
    /// records of the same instant never collide. `time` is an ISO 8601 timestamp.
    public func appendLogRecord<T: Encodable>(_ record: T, objectID: String, prefix: String, time: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let stamp = time.replacingOccurrences(of: ":", with: "")
        let suffix = UUID().uuidString.prefix(8).lowercased()
        try appendLog(objectID: objectID, name: "\(prefix)\(stamp)-\(suffix).json", data: try encoder.encode(record))
    }

    /// The log records whose names start with `prefix`, decoded as JSON, in name order (Bevara
    /// names its records time first, so this is time order).
    public func logRecords<T: Decodable>(_ type: T.Type, objectID: String, prefix: String) throws -> [T] {
        let logs = objectPath(for: objectID) + "/logs/"
        return try logNames(objectID: objectID).filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.map { name in
            do {
                return try JSONDecoder().decode(T.self, from: Data(contentsOf: URL(fileURLWithPath: logs + name)))
            } catch {
                throw OCFLStorageError.invalidLogRecord(path: logs + name, reason: "log record does not decode: \(error)")
            }
        }
    }
}
