import BevaraArchiveIO
import Foundation

/// Reads a file line by line through one buffer (256 KiB, doubled only for a longer line), so
/// memory stays flat however long the log grows. A last line without `\n` is returned with
/// `terminated == false`. The buffer is raw memory moved with memchr/memmove: Array's generic
/// element-wise paths made a debug build 50× slower.
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
    private var storage: UnsafeMutableRawPointer
    private var capacity = 256 * 1024
    /// Unconsumed bytes are `storage[start..<end]`.
    private var start = 0
    private var end = 0
    private var atEnd = false
    private var number = 0

    /// Nil when the file does not exist.
    init?(path: String) throws {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw IOError(path: path, operation: "open", errno: errno)
        }
        self.path = path
        storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        #if os(Linux)
        _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
        #endif
    }

    deinit {
        close(fd)
        storage.deallocate()
    }

    func next() throws -> Line? {
        while true {
            if start < end, let found = memchr(storage + start, 0x0A, end - start) {
                let newline = storage.distance(to: found)
                number += 1
                let line = Line(number: number, bytes: Data(bytes: storage + start, count: newline - start), terminated: true)
                start = newline + 1
                return line
            }
            if atEnd {
                guard start < end else { return nil }
                number += 1
                let line = Line(number: number, bytes: Data(bytes: storage + start, count: end - start), terminated: false)
                start = end
                return line
            }
            try fill()
        }
    }

    /// Moves the unconsumed bytes to the front (growing the buffer if a line fills it) and reads more.
    private func fill() throws {
        if start > 0 {
            memmove(storage, storage + start, end - start)
            end -= start
            start = 0
        }
        if end == capacity {
            let larger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
            larger.copyMemory(from: storage, byteCount: end)
            storage.deallocate()
            storage = larger
            capacity *= 2
        }
        var n = 0
        repeat {
            n = read(fd, storage + end, capacity - end)
        } while n < 0 && errno == EINTR
        if n < 0 { throw IOError(path: path, operation: "read", errno: errno) }
        if n == 0 { atEnd = true }
        end += n
    }
}
