import BevaraArchiveIO
import BevaraXML
import Foundation

/// A buffered file output for `XMLWriter` that can also splice in the bytes of another file.
///
/// Per-file METS and PREMIS entries are spooled to temporary files while content is packaged and
/// spliced into the final document at the end, so a package of 100,000 files never holds its
/// entries in memory. Not fsynced: the caller syncs the finished package once.
final class SpliceableOutput: XMLOutput {
    let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let capacity = 1 << 20
    private var closed = false

    /// Creates (or truncates) `path`.
    init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IOError(path: path, operation: "create", errno: errno) }
        buffer.reserveCapacity(capacity)
    }

    deinit { if !closed { _ = Foundation.close(fd) } }

    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(utf8: $0) }
    }

    func write(utf8 bytes: UnsafeBufferPointer<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Appends the whole content of the file at `source` (a spool written by this process).
    ///
    /// Only call this when the `XMLWriter` on this output has no start tag pending, i.e. right
    /// after it wrote a complete element or a closing tag; otherwise the pending `>` would land
    /// after the spliced text.
    func splice(contentsOf source: String) throws {
        try flush()
        _ = try FileDigest.stream(path: source, headBytes: 0) { chunk in try self.writeAll(chunk) }
    }

    func close() throws {
        guard !closed else { return }
        try flush()
        closed = true
        if Foundation.close(fd) != 0 { throw IOError(path: path, operation: "close", errno: errno) }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        try PosixWrite.all(fd, bytes, path: path)
    }
}

/// A spool file plus the `XMLWriter` that fills it: a run of sibling elements that a final
/// document splices in later.
final class Spool {
    let output: SpliceableOutput
    let writer: XMLWriter

    init(path: String) throws {
        output = try SpliceableOutput(path: path)
        writer = XMLWriter(output: output)
    }

    var path: String { output.path }

    func close() throws {
        try writer.finish()
        try output.close()
    }
}
