import BevaraArchiveIO
import BevaraIndex
import Foundation

/// Rebuilds the index from the storage root alone: a new index file is built in staging and
/// renamed over the old one only when complete, so an interrupted reindex leaves the old index.
public struct Reindexer {
    public let archive: Archive

    public init(archive: Archive) {
        self.archive = archive
    }

    /// Returns how many AIPs were indexed.
    public func run() throws -> Int {
        let lock = try archive.lockForWriting()
        defer { withExtendedLifetime(lock) {} }
        _ = try archive.storage.recover(stagingDirectory: archive.layout.staging)
        _ = try archive.sweepStaging()
        let path = archive.layout.staging + "/index-rebuild-\(UUID().uuidString).sqlite"
        var count = 0
        do {
            let fresh = try ArchiveIndex(path: path)
            let indexer = AIPIndexer(archive: archive)
            let objects = try objectsInWritingOrder()
            for objectID in objects {
                // An object's index transaction frees its own tables (and recovery or the ordering
                // parse whole inventories when one is damaged): return that heap before the next.
                FreedMemory.release()
                try indexer.index(objectID: objectID, into: fresh)
                count += 1
            }
            try fresh.close()
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw error
        }
        try archive.replaceIndex(with: path)
        return count
    }

    /// The stored objects in the order their head versions were written, which is the order
    /// ingest indexed them: the rebuilt index then numbers rows and organisations as ingest did,
    /// so searches order equal-ranked and same-day hits exactly as before the rebuild.
    private func objectsInWritingOrder() throws -> [String] {
        let whole = ISO8601DateFormatter()
        let keyed = try archive.storage.objectIDs().map { objectID -> (String, Date) in
            let created = try archive.storage.headVersionCreated(of: objectID)
            return (objectID, Timestamp.date(from: created) ?? whole.date(from: created) ?? .distantPast)
        }
        return keyed.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
    }
}
