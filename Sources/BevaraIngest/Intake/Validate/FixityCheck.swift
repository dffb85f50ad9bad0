import Foundation

/// Verifies what the METS documents say about each referenced file against the file: that it
/// exists as a regular file inside the package, its size, and its checksum (MD5, SHA-1, SHA-256,
/// SHA-384, SHA-512). Each file is read once, in 1 MiB chunks, feeding every digest any METS
/// asked for; memory stays flat whatever the file sizes.
struct FixityCheck {
    /// One reference to a file from a METS document (a `file/FLocat` or an `mdRef`).
    struct Reference {
        /// Package-relative path of the file.
        var path: String
        /// The METS holding the reference, and where.
        var metsPath: String
        var line: Int
        /// `file 'ID'` or `dmdSec 'ID' mdRef`, for messages.
        var element: String
        var size: String?
        var checksum: String?
        var checksumType: String?
    }

    let root: String
    let log: FindingLog
    let progress: ((Int64) -> Void)?
    /// Leave SHA-256 to the caller, who recomputes it while copying the file anyway (ingest):
    /// files whose only declared checksum is SHA-256 get existence and size checked here, and
    /// are not read twice.
    var sha256CheckedByCaller = false

    static let chunkSize = 1 << 20

    /// Verifies every path referenced, at its first reference, against all its references (the
    /// order findings come in). Returns how often each path is referenced, keyed by the path's
    /// hash: what the unreferenced-file check needs, at 8 bytes a path instead of the path.
    ///
    /// Three passes over the references instead of a map of them all: count by path hash; gather
    /// the references of paths referenced more than once (few: a file listed twice), by path, so
    /// hash collisions cannot merge two paths; then verify in reading order.
    @discardableResult
    func run(_ references: FixityReferences) throws -> [Int: UInt32] {
        var counts: [Int: UInt32] = [:]
        try references.forEach { reference, _ in counts[reference.path.hashValue, default: 0] += 1 }
        var shared: [String: [Reference]] = [:]
        try references.forEach { reference, _ in
            if counts[reference.path.hashValue, default: 0] > 1 { shared[reference.path, default: []].append(reference) }
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        try references.forEach { reference, _ in
            if counts[reference.path.hashValue, default: 0] == 1 {
                verify(reference.path, [reference], buffer: buffer)
            } else if let all = shared.removeValue(forKey: reference.path) {
                verify(reference.path, all, buffer: buffer)
            }
        }
        return counts
    }

    private func verify(_ path: String, _ references: [Reference], buffer: UnsafeMutableRawBufferPointer) {
        let first = references[0]
        let also = references.count > 1 ? " (and \(references.count - 1) other reference\(references.count > 2 ? "s" : ""))" : ""
        let fd = open(root + "/" + path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP {
                log.error(SIPRule.symlink, path: path, "is a symbolic link; referenced by \(first.element) in \(first.metsPath) line \(first.line)")
            } else if code == ENOENT || code == ENOTDIR {
                log.error(SIPRule.fileMissing, path: path, "referenced by \(first.element) in \(first.metsPath) line \(first.line)\(also), but the package has no such file")
            } else {
                log.error(SIPRule.fileUnreadable, path: path, "cannot be opened: \(String(cString: strerror(code)))")
            }
            return
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            log.error(SIPRule.fileMissing, path: path, "referenced by \(first.element) in \(first.metsPath) line \(first.line)\(also), but it is not a regular file")
            return
        }
        var types = Set<ChecksumType>()
        for reference in references {
            guard let declared = reference.checksumType, !declared.isEmpty, reference.checksum?.isEmpty == false else { continue }
            if let type = ChecksumType(lenient: declared) {
                types.insert(type)
            } else {
                log.warning(SIPRule.fixityUnsupported, path: path, line: nil,
                            "\(reference.metsPath) line \(reference.line) gives a \(declared) checksum, which Bevara cannot compute; only the size was checked")
            }
        }
        if sha256CheckedByCaller && types == [.sha256] { types = [] }
        var size = Int64(st.st_size)
        var digests: [ChecksumType: String] = [:]
        if !types.isEmpty {
            #if os(Linux)
            _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
            #endif
            var digest = MultiDigest(types)
            size = 0
            while true {
                let n = read(fd, buffer.baseAddress!, buffer.count)
                if n < 0 {
                    if errno == EINTR { continue }
                    log.error(SIPRule.fileUnreadable, path: path, "read failed after \(size) bytes: \(String(cString: strerror(errno)))")
                    return
                }
                if n == 0 { break }
                digest.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
                size += Int64(n)
                progress?(Int64(n))
            }
            digests = digest.finalize()
        }
        for reference in references {
            let place = "\(reference.metsPath) line \(reference.line), \(reference.element)"
            if let declared = reference.size.flatMap(METSValue.integer), declared != size {
                log.error(SIPRule.fixitySize, path: path, "\(place) says SIZE=\(declared), but the file has \(size) bytes")
            }
            guard !digests.isEmpty, let type = reference.checksumType.flatMap(ChecksumType.init(lenient:)),
                  let actual = digests[type], let declared = reference.checksum.map(METSValue.trimmed), !declared.isEmpty
            else { continue }
            if declared.lowercased() != actual {
                log.error(SIPRule.fixityChecksum, path: path, "\(place) says \(type.rawValue) \(declared), but the file's is \(actual)")
            }
        }
    }
}
