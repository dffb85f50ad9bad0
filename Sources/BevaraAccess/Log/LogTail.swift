import BevaraArchiveIO
import Foundation

/// The end of the log, read backwards from the end of the file so an append costs the same on
/// the first entry and the millionth.
struct LogTail {
    /// The last line without its newline.
    let last: Data
    /// Whether the file ends with `\n`; false after an interrupted append.
    let terminated: Bool
    /// The line before the last one, when `terminated` is false (to name where the damage is).
    let previous: Data?

    /// Nil for an empty file.
    static func read(fd: Int32, size: Int64, path: String) throws -> LogTail? {
        guard size > 0 else { return nil }
        let terminated = try PosixIO.read(fd, at: size - 1, count: 1, path: path) == [0x0A]
        let end = terminated ? size - 1 : size
        let (last, lastStart) = try line(fd: fd, endingAt: end, path: path)
        var previous: Data?
        if !terminated && lastStart > 0 {
            previous = try line(fd: fd, endingAt: lastStart - 1, path: path).bytes
        }
        return LogTail(last: last, terminated: terminated, previous: previous)
    }

    /// The bytes from just after the last `\n` before `end` up to `end` (exclusive), and where they start.
    private static func line(fd: Int32, endingAt end: Int64, path: String) throws -> (bytes: Data, start: Int64) {
        let step: Int64 = 64 * 1024
        var position = end
        while position > 0 {
            let from = max(0, position - step)
            let block = try PosixIO.read(fd, at: from, count: Int(position - from), path: path)
            if let newline = block.lastIndex(of: 0x0A) {
                let start = from + Int64(newline) + 1
                return (Data(try PosixIO.read(fd, at: start, count: Int(end - start), path: path)), start)
            }
            position = from
        }
        return (Data(try PosixIO.read(fd, at: 0, count: Int(end), path: path)), 0)
    }
}
