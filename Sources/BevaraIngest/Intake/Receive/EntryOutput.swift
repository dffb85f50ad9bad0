import BevaraArchiveIO
import Foundation

/// Where one archive entry's bytes go while `ArchiveExtractor` reads it: held in memory up to
/// `holdUpTo` bytes (for `StagingWriteLanes` to write), else written to `target` here as they
/// come, starting with what was held. Either way the file is created with `O_EXCL` and
/// `O_NOFOLLOW`, never over another file or through a link.
struct EntryOutput {
    /// Absolute path of the file to create.
    let target: String
    /// The archive, named in errors.
    let source: String
    let holdUpTo: Int
    private var held: [UInt8] = []
    private var fd: Int32 = -1

    /// `expected`: the size the entry declares, to reserve memory once (capped by `holdUpTo`).
    init(target: String, source: String, holdUpTo: Int, expected: Int) {
        self.target = target
        self.source = source
        self.holdUpTo = holdUpTo
        if holdUpTo > 0 { held.reserveCapacity(min(max(expected, 0), holdUpTo)) }
    }

    mutating func take(_ chunk: UnsafeRawBufferPointer) throws {
        if fd < 0 && held.count + chunk.count <= holdUpTo {
            held.append(contentsOf: chunk)
            return
        }
        if fd < 0 {
            fd = try Self.create(target, source: source)
            let earlier = held
            held = []
            try earlier.withUnsafeBytes { try write($0) }
        }
        try write(chunk)
    }

    /// The bytes to hand to a lane, or nil when the file was written here (and is now closed).
    mutating func finish() throws -> [UInt8]? {
        guard fd >= 0 else { return held }
        defer { fd = -1 }
        try Self.close(fd, target, source: source)
        return nil
    }

    /// Closes a file left open by an error.
    mutating func closeIfOpen() {
        if fd >= 0 { _ = Foundation.close(fd) }
        fd = -1
    }

    private func write(_ bytes: UnsafeRawBufferPointer) throws {
        try Self.write(fd, bytes, target, source: source)
    }

    // One file's creation, writes and close, shared with `StagingWriteLanes`; errors name the
    // archive (`source`) and the staging file.

    /// Creates `target`, never over an existing file or through a link.
    static func create(_ target: String, source: String) throws(IntakeError) -> Int32 {
        let fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw .unreadable(path: source, reason: "cannot create \(target) in the staging folder: \(String(cString: strerror(errno)))")
        }
        return fd
    }

    static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, _ target: String, source: String) throws(IntakeError) {
        if let code = PosixWrite.allOrErrno(fd, bytes) { throw writing(target, code, source: source) }
    }

    static func close(_ fd: Int32, _ target: String, source: String) throws(IntakeError) {
        if Foundation.close(fd) != 0 { throw writing(target, errno, source: source) }
    }

    /// Creates `target` with `bytes` as its whole content (a lane's file).
    static func writeFile(_ target: String, _ bytes: UnsafeRawBufferPointer, source: String) throws(IntakeError) {
        let fd = try create(target, source: source)
        do {
            try write(fd, bytes, target, source: source)
        } catch {
            _ = Foundation.close(fd)
            throw error
        }
        try close(fd, target, source: source)
    }

    private static func writing(_ target: String, _ code: Int32, source: String) -> IntakeError {
        .unreadable(path: source, reason: "writing \(target): \(String(cString: strerror(code)))")
    }
}
