import Foundation

/// Copies a file to a new path while hashing it: one read of the source, as the brief demands
/// ("hash and copy in the same pass").
public enum FileCopier {
    /// Copies `source` to `destination` (which must not exist), returning size, SHA-256 and the
    /// file's head for format identification. The copy is not fsynced here; callers sync the
    /// whole output once at the end.
    public static func copyHashing(from source: String, to destination: String) throws -> FileDigest.Result {
        let out = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard out >= 0 else { throw IOError(path: destination, operation: "create", errno: errno) }
        var ok = false
        defer {
            close(out)
            if !ok { unlink(destination) }
        }
        let result = try FileDigest.stream(path: source) { chunk in
            try PosixWrite.all(out, chunk, path: destination)
        }
        ok = true
        return result
    }
}
