import BevaraArchiveIO
import Foundation

/// Where an `XMLWriter` sends its UTF-8 text.
public protocol XMLOutput: AnyObject {
    func write(_ text: String) throws
    /// Writes UTF-8 bytes, valid only during the call: what `XMLWriter` assembles. Byte-buffered
    /// outputs append them as they are; the default goes through `write(_:)`.
    func write(utf8 bytes: UnsafeBufferPointer<UInt8>) throws
    /// Puts the `size` bytes of the file at `path` here (`XMLWriter.insertFragment`). The default
    /// copies them through `write(utf8:)`; an output whose file is streamed on later may note
    /// where they go instead and leave them in their file.
    func insertFile(at path: String, size: Int64) throws
}

extension XMLOutput {
    public func write(utf8 bytes: UnsafeBufferPointer<UInt8>) throws {
        try write(String(decoding: bytes, as: UTF8.self))
    }

    public func insertFile(at path: String, size: Int64) throws {
        try copyFile(at: path)
    }

    /// Copies the bytes of the file at `path` here through `write(utf8:)`: the default
    /// `insertFile`, and the way for an output that notes insertions only some of the time.
    public func copyFile(at path: String) throws {
        try FileDigest.forEachChunk(path: path) { chunk in
            try write(utf8: chunk.assumingMemoryBound(to: UInt8.self))
        }
    }
}

/// Collects output in memory; for small documents and tests.
public final class XMLStringOutput: XMLOutput {
    public private(set) var text = ""
    public init() {}
    public func write(_ text: String) throws { self.text += text }
}

/// Buffered writer to a file descriptor: 1 MiB buffer, so a 50 MB METS costs a few dozen
/// `write(2)` calls and constant memory.
public final class XMLFileOutput: XMLOutput {
    public let path: String
    private let fd: Int32
    /// Appended to for every element (see `XMLWriter` on `unchecked`).
    @exclusivity(unchecked) private var buffer = ByteBuffer(capacity: capacity)
    private static let capacity = 1 << 20
    private var closed = false
    public private(set) var bytesWritten: Int64 = 0

    /// Creates (or truncates) `path`.
    public init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw XMLOutputError.cannotCreate(path: path, errno: errno) }
    }

    deinit { if !closed { _ = Foundation.close(fd) } }

    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(utf8: $0) }
    }

    public func write(utf8 bytes: UnsafeBufferPointer<UInt8>) throws {
        buffer.append(bytes)
        if buffer.count >= Self.capacity { try flush() }
    }

    private func flush() throws {
        if let code = buffer.withUnsafeBytes({ PosixWrite.allOrErrno(fd, UnsafeRawBufferPointer($0)) }) {
            throw XMLOutputError.writeFailed(path: path, errno: code)
        }
        bytesWritten += Int64(buffer.count)
        buffer.removeAll()
    }

    /// Flushes, fsyncs and closes. Must be called; an unclosed output is an incomplete file.
    public func close() throws {
        guard !closed else { return }
        try flush()
        closed = true
        if fsync(fd) != 0 { let e = errno; _ = Foundation.close(fd); throw XMLOutputError.writeFailed(path: path, errno: e) }
        if Foundation.close(fd) != 0 { throw XMLOutputError.writeFailed(path: path, errno: errno) }
    }
}

public enum XMLOutputError: Error, CustomStringConvertible {
    case cannotCreate(path: String, errno: Int32)
    case writeFailed(path: String, errno: Int32)
    case unbalanced(expected: String?, got: String)

    public var description: String {
        switch self {
        case .cannotCreate(let path, let e): return "\(path): cannot create: \(String(cString: strerror(e)))"
        case .writeFailed(let path, let e): return "\(path): write failed: \(String(cString: strerror(e)))"
        case .unbalanced(let expected, let got): return "XML writer: closing <\(got)> but <\(expected ?? "nothing")> is open"
        }
    }
}
