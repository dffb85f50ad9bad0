import BevaraArchiveIO
import Foundation

/// Reads a file line by line through one 256 KiB buffer, so memory stays flat however long the
/// log grows. A last line without `\n` is returned with `terminated == false`.
final class LogLineReader {
    struct Line {
        /// 1-based.
        let number: Int
        /// Without the newline.
        let bytes: Data
        let terminated: Bool
    }

    private let fd: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private var number = 0
    private static let chunk = 256 * 1024

    /// Nil when the file does not exist.
    init?(path: String) throws {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw IOError(path: path, operation: "open", errno: errno)
        }
        self.path = path
        #if os(Linux)
        _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
        #endif
    }

    deinit { close(fd) }

    func next() throws -> Line? {
        while true {
            if let newline = findNewline() {
                number += 1
                let line = Line(number: number, bytes: Data(buffer[start..<newline]), terminated: true)
                start = newline + 1
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                number += 1
                let line = Line(number: number, bytes: Data(buffer[start...]), terminated: false)
                start = buffer.count
                return line
            }
            try fill()
        }
    }

    private func findNewline() -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBytes { raw -> Int? in
            guard let found = memchr(raw.baseAddress! + start, 0x0A, raw.count - start) else { return nil }
            return raw.baseAddress!.distance(to: UnsafeRawPointer(found))
        }
    }

    /// Drops consumed bytes and appends the next chunk.
    private func fill() throws {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: Self.chunk))
        var n = 0
        repeat {
            n = buffer.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress! + old, Self.chunk) }
        } while n < 0 && errno == EINTR
        if n < 0 { throw IOError(path: path, operation: "read", errno: errno) }
        buffer.removeLast(Self.chunk - n)
        if n == 0 { atEnd = true }
    }
}
