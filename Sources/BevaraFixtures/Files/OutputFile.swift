import BevaraArchiveIO
import Foundation

/// A buffered, write-only file (or a byte counter when it has no path), used for every byte the
/// generator writes: metadata tables, XML and the fixture files themselves.
///
/// Memory is one fixed buffer; `write` never holds more than that. The counting mode lets the
/// generator measure how large the metadata will be before it writes anything.
final class OutputFile {
    static let bufferSize = 1 << 20

    let path: String?
    private var fd: Int32
    private let counting: Bool
    private var buffer: UnsafeMutableRawBufferPointer
    private var used = 0
    /// Bytes written so far (including what is still buffered).
    private(set) var count: Int64 = 0

    /// Creates (or truncates) the file at `path`, with a buffer of `bufferSize` bytes.
    init(path: String, bufferSize: Int = OutputFile.bufferSize) throws {
        self.path = path
        counting = false
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IOError(path: path, operation: "create", errno: errno) }
        buffer = .allocate(byteCount: bufferSize, alignment: 16)
    }

    /// A sink that only counts bytes.
    init(countingOnly: Void) {
        path = nil
        counting = true
        fd = -1
        buffer = .allocate(byteCount: 0, alignment: 16)
    }

    deinit {
        if fd >= 0 { Foundation.close(fd) }
        buffer.deallocate()
    }

    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        count += Int64(bytes.count)
        if counting || bytes.isEmpty { return }
        guard fd >= 0 else { throw IOError(path: path ?? "-", operation: "write", reason: "file already closed") }
        if used + bytes.count > buffer.count { try flush() }
        if bytes.count >= buffer.count {
            try writeAll(bytes)
        } else {
            UnsafeMutableRawBufferPointer(rebasing: buffer[used..<(used + bytes.count)]).copyMemory(from: bytes)
            used += bytes.count
        }
    }

    /// Writes out what is buffered.
    func flush() throws {
        guard fd >= 0, used > 0 else { return }
        try writeAll(UnsafeRawBufferPointer(rebasing: buffer[0..<used]))
        used = 0
    }

    /// Flushes and closes the file (no fsync: fixtures are scratch data, and a generator run
    /// that is interrupted is simply run again).
    func close() throws {
        try flush()
        if fd >= 0 {
            let rc = Foundation.close(fd)
            fd = -1
            if rc != 0 { throw IOError(path: path ?? "-", operation: "close", errno: errno) }
        }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        try PosixWrite.all(fd, bytes, path: path ?? "-")
    }
}
