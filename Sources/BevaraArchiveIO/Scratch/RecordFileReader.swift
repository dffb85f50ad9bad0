import Foundation

/// Reads a `RecordFileWriter` file from the start, record by record.
public final class RecordFileReader {
    /// The file, as given (errors name it).
    public let path: String
    private let fd: Int32
    private let readSize: Int
    // Read for every field of every record: without `unchecked`, each access paid a dynamic
    // exclusivity check (`swift_beginAccess`), ≈ 1.7 % of ingest's CPU. Private to this
    // non-Sendable class and never accessed across calls that could overlap.
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    @exclusivity(unchecked) private var position = 0
    @exclusivity(unchecked) private var atEnd = false

    /// `readSize`: bytes asked of each `read` (the buffer a reader holds); merges that open many
    /// files at once ask less.
    public init(path: String, readSize: Int = 1 << 16) throws {
        self.path = path
        self.readSize = max(16, readSize)
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOError(path: path, operation: "open", errno: errno) }
    }

    deinit { _ = Foundation.close(fd) }

    /// The next record of `fields` fields; nil at the end of the file. A record cut short (a
    /// damaged or truncated file) throws an `IOError` naming the file.
    public func next(fields: Int) throws -> [String?]? {
        guard let first = try field(startingRecord: true) else { return nil }
        var out: [String?] = [first]
        out.reserveCapacity(fields)
        for _ in 1..<max(1, fields) { out.append(try field(startingRecord: false)!) }
        return out
    }

    /// The next two-field record whose first field (the key) is present, without an array; nil
    /// at the end of the file. A record cut short or without a key throws.
    public func nextPair() throws -> (key: String, value: String?)? {
        guard let first = try field(startingRecord: true) else { return nil }
        guard let key = first else { throw IOError(path: path, operation: "read", reason: "record without a key") }
        return (key, try field(startingRecord: false)!)
    }

    /// The next field; nil (no field at all) only at the clean end of the file before a record.
    private func field(startingRecord: Bool) throws -> String?? {
        guard try fill(4) else {
            if startingRecord && position == buffer.count { return nil }
            throw RecordLayout.cutShort(path)
        }
        guard try fill(RecordLayout.size(buffer, at: position)!) else { throw RecordLayout.cutShort(path) }
        return .some(try RecordLayout.decode(buffer, &position, path: path))
    }

    /// Makes `count` unread bytes available; false at the end of the file before that.
    private func fill(_ count: Int) throws -> Bool {
        while buffer.count - position < count {
            if atEnd { return false }
            if position > 0 {
                buffer.removeFirst(position)
                position = 0
            }
            let want = max(readSize, count - buffer.count)
            let start = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: want))
            let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + start, want) }
            if n < 0 {
                buffer.removeLast(want)
                if errno == EINTR { continue }
                throw IOError(path: path, operation: "read", errno: errno)
            }
            buffer.removeLast(want - n)
            if n == 0 { atEnd = true }
        }
        return true
    }
}
