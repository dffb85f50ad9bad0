import BevaraArchiveIO
import Foundation

/// The tail anchor: `<seq> <hash>\n` of the last entry, rewritten atomically after each append.
///
/// It detects entries cut from the end of the log by someone (or something) that did not also
/// rewrite this file. Anyone able to rewrite both can hide a truncation, as anyone able to
/// rewrite the whole log can recompute the chain: for stronger evidence, export the head
/// periodically to a place the archive's operators cannot change (a registered diarium entry,
/// a signed e-mail); that export is outside Bevara for now.
struct AccessLogHead: Equatable {
    var seq: Int
    var hash: String

    /// Nil when the file does not exist.
    static func read(_ path: String) throws -> AccessLogHead? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IOError(path: path, operation: "read", reason: "unreadable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AccessLogError.malformedHead(path: path, reason: "not UTF-8")
        }
        let parts = text.trimmingCharacters(in: .newlines).split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2, let seq = Int(parts[0]), seq >= 0,
              parts[1].count == 64, parts[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw AccessLogError.malformedHead(path: path, reason: "found \(text.prefix(80).debugDescription)")
        }
        return AccessLogHead(seq: seq, hash: String(parts[1]))
    }

    /// Temp file, fsync, rename, fsync of the folder: a crash leaves the old or the new anchor.
    func write(to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temp = directory + "/.access-log.head.tmp-\(getpid())"
        let bytes = Array("\(seq) \(hash)\n".utf8)
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw IOError(path: temp, operation: "create", errno: errno) }
        do {
            defer { close(fd) }
            try PosixIO.writeAll(fd, bytes, path: temp)
            guard fsync(fd) == 0 else { throw IOError(path: temp, operation: "fsync", errno: errno) }
        } catch {
            unlink(temp)
            throw error
        }
        guard rename(temp, path) == 0 else {
            let code = errno
            unlink(temp)
            throw IOError(path: path, operation: "rename head anchor into place", errno: code)
        }
        try Durability.syncDirectory(directory)
    }
}
