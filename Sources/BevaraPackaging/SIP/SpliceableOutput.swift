import BevaraArchiveIO
import BevaraXML
import Foundation

/// A buffered file output for `XMLWriter`, for documents whose parts are spooled.
///
/// Per-file METS and PREMIS entries are spooled to temporary files (`Spool`) while content is
/// packaged or stored and put into the final document at the end (`XMLWriter.insertFragment`), so
/// a package of 100,000 files never holds its entries in memory. Not fsynced: the caller syncs the
/// finished package once, and spools are deleted once read.
///
/// With `splicing`, an inserted spool is not copied: the output notes where it goes
/// (`insertions`) and the document is streamed into an archive from its parts
/// (`SplicedDocument`). The representation PREMIS and METS of a package of 100,000 files hold
/// ≈ 200 MB of spooled entries, which were otherwise written once more and read back.
final class SpliceableOutput: XMLOutput {
    let path: String
    private let fd: Int32
    /// Appended to for every element (see `XMLWriter` on `unchecked`).
    @exclusivity(unchecked) private var buffer = ByteBuffer(capacity: capacity)
    private static let capacity = 1 << 20
    private var closed = false
    private let splicing: Bool
    /// Bytes written to the file so far (splicing outputs start with an empty file).
    private var written: Int64 = 0
    /// Where the files inserted by reference go, in order.
    private(set) var insertions: [SplicedDocument.Insertion] = []

    /// Creates (or truncates) `path`; with `append`, writes after what the file holds. With
    /// `splicing` (not with `append`), inserted files are noted, not copied.
    init(path: String, append: Bool = false, splicing: Bool = false) throws {
        precondition(!(append && splicing), "a splicing output starts an empty file")
        self.path = path
        self.splicing = splicing
        fd = open(path, O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC) | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IOError(path: path, operation: "create", errno: errno) }
    }

    deinit { if !closed { _ = Foundation.close(fd) } }

    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(utf8: $0) }
    }

    func write(utf8 bytes: UnsafeBufferPointer<UInt8>) throws {
        buffer.append(bytes)
        if buffer.count >= Self.capacity { try flush() }
    }

    func insertFile(at path: String, size: Int64) throws {
        guard splicing else { return try copyFile(at: path) }
        try flush()
        insertions.append(.init(offset: written, path: path, size: size))
    }

    /// Flushes and closes; the document is this file with `insertions` put in.
    func close() throws {
        guard !closed else { return }
        try flush()
        closed = true
        if Foundation.close(fd) != 0 { throw IOError(path: path, operation: "close", errno: errno) }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { bytes throws(any Error) in try PosixWrite.all(fd, UnsafeRawBufferPointer(bytes), path: path) }
        written += Int64(buffer.count)
        buffer.removeAll()
    }
}

/// A spool file plus the `XMLWriter` that fills it: a run of sibling elements that a final
/// document takes in later (`XMLWriter.insertFragment`).
final class Spool {
    let output: SpliceableOutput
    let writer: XMLWriter

    /// `depth`: the indentation the elements will have in the final document; `append`: add to
    /// a spool written before.
    init(path: String, depth: Int = 0, append: Bool = false) throws {
        output = try SpliceableOutput(path: path, append: append)
        writer = XMLWriter(output: output, depth: depth)
    }

    var path: String { output.path }

    func close() throws {
        try writer.finish()
        try output.close()
    }
}
