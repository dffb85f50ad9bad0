import Foundation

/// Writes a scratch file of records of optional strings (`RecordLayout`), strictly in order,
/// through a 64 KiB buffer: per-file facts of a large package kept on disk between two passes
/// instead of in memory, and the runs of `ExternalSorter` and of the storage builder's maps.
public final class RecordFileWriter {
    /// The file, as given (errors name it).
    public let path: String
    /// Bytes appended so far (flushed or not): where the next record starts in the file, for
    /// callers that index blocks of records to read them back with `pread`.
    public private(set) var offset: Int64 = 0
    private let fd: Int32
    /// Appended to for every field (see `RecordFileReader` on `unchecked`).
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    private var closed = false
    private static let capacity = 1 << 16

    /// Creates `path`, which must not exist.
    public init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw IOError(path: path, operation: "create", errno: errno) }
        buffer.reserveCapacity(Self.capacity + 1024)
    }

    deinit { if !closed { _ = Foundation.close(fd) } }

    /// Appends one record of `fields.count` fields.
    public func append(_ fields: [String?]) throws {
        let before = buffer.count
        for field in fields { RecordLayout.encode(field, into: &buffer) }
        try appended(since: before)
    }

    /// Appends one two-field record (a sorter's or a map's key and value) without an array.
    public func append(_ key: String, _ value: String?) throws {
        let before = buffer.count
        RecordLayout.encode(key, into: &buffer)
        RecordLayout.encode(value, into: &buffer)
        try appended(since: before)
    }

    /// Writes what is buffered and closes the file; later calls do nothing.
    public func close() throws {
        guard !closed else { return }
        try flush()
        closed = true
        if Foundation.close(fd) != 0 { throw IOError(path: path, operation: "close", errno: errno) }
    }

    private func appended(since before: Int) throws {
        offset += Int64(buffer.count - before)
        if buffer.count >= Self.capacity { try flush() }
    }

    private func flush() throws {
        try buffer.withUnsafeBytes { try PosixWrite.all(fd, $0, path: path) }
        buffer.removeAll(keepingCapacity: true)
    }
}
