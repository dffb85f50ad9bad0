import Foundation

/// The staging catalog could not be written or read: a full or read-only temporary folder, in
/// practice. Names the database file so the user knows which folder needs room.
public struct ExportCatalogError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String

    public var description: String {
        "the export's staging catalog \(path): \(reason) (it lives in the temporary folder; "
            + "set TMPDIR to a folder with room for about a kilobyte per record)"
    }
}
