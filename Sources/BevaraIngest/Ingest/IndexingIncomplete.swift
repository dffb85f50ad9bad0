/// A package was stored (its OCFL version is complete and durable) but its index transaction
/// failed, e.g. the disk filled up. Nothing is lost: the index only describes stored versions,
/// and ingesting the same package again, or `bevara reindex`, completes it.
public struct IndexingIncomplete: Error, CustomStringConvertible {
    public let package: String
    public let objectID: String
    public let index: String
    public let reason: String

    public var description: String {
        "\(package): stored safely as \(objectID), but indexing it into \(index) failed: \(reason). "
            + "Nothing is lost: run the same ingest again (or `bevara reindex`) to complete the index."
    }
}
