import BevaraArchiveIO
import Foundation

/// The SHA-256 a SIP's METS declares for each of its files, kept in a staging file sorted by path
/// and read back in one forward pass while storing (which goes through the package's files in
/// the same order), instead of a map of every file held through storing.
///
/// Answers exactly what a dictionary built from `SIPDescription.allFiles` would: the first
/// reference of a path decides (as `allFiles` keeps the first), and only SHA-256 checksums count.
final class DeclaredChecksums {
    let path: String
    private var lookup: SortedRecordLookup?

    /// Writes the declared checksums of `sip` to a new file at `path`.
    init(_ sip: SIPDescription, path: String) throws {
        self.path = path
        // Every reference in `allFiles`'s order, without its copies of the lists: sorted by path
        // then by that order, the first of each path is the one `allFiles` keeps.
        var references: [(path: String, order: Int, sha256: String?)] = []
        var order = 0
        func collect(_ files: [SIPDescription.PackageFile]) {
            for f in files {
                let sum = f.checksumType?.uppercased() == "SHA-256" ? f.checksum : nil
                references.append((f.path, order, sum))
                order += 1
            }
        }
        collect(sip.files)
        for representation in sip.representations { collect(representation.files) }
        references.sort { $0.path != $1.path ? $0.path < $1.path : $0.order < $1.order }
        let writer = try RecordFileWriter(path: path)
        var previous: String?
        for reference in references where reference.path != previous {
            previous = reference.path
            if let sum = reference.sha256 { try writer.append([reference.path, sum.lowercased()]) }
        }
        references = []
        try writer.close()
    }

    /// Writes the declared checksums of the fileSec files in `references` (reading order: the
    /// root METS's, then each representation METS's, which is `allFiles`'s order) to a new file at
    /// `path`, the same file `init(_:path:)` writes for that package's description. Sorted on
    /// disk by an `ExternalSorter` with runs of `runLength` references beside `path`
    /// (`<path>.run<n>`, deleted after), so memory does not grow with the package.
    init(references: FixityReferences, path: String, runLength: Int = 16384) throws {
        self.path = path
        // By path; the sorter keeps reading order among equal paths, so the first of each path
        // is the one `allFiles` keeps, the one that decides.
        let sorter = ExternalSorter(runPrefix: path + ".run", runLength: runLength) { $0.key < $1.key }
        defer { sorter.removeRuns() }
        try references.forEach { reference, isFile in
            guard isFile else { return }
            try sorter.add(reference.path, reference.checksumType?.uppercased() == "SHA-256" ? reference.checksum : nil)
        }
        let sorted = try sorter.sorted()
        let writer = try RecordFileWriter(path: path)
        var previous: String?
        while let record = try sorted.next() {
            guard record.key != previous else { continue }
            previous = record.key
            if let sum = record.value { try writer.append([record.key, sum.lowercased()]) }
        }
        try writer.close()
    }

    /// The declared SHA-256 (lower-case hex) of `path`, or nil. Calls must come in ascending path
    /// order (`String`'s `<`, which sorted the file); then each answer equals a lookup by path.
    func sha256(of path: String) throws -> String? {
        if lookup == nil { lookup = SortedRecordLookup(try RecordFileReader(path: self.path), fields: 2) }
        return try lookup?.record(for: path)?.first ?? nil
    }

    /// Deletes the file.
    func remove() {
        lookup = SortedRecordLookup(nil, fields: 2)
        unlink(path)
    }
}

extension AIPVersionWriter.AcceptedSIP {
    /// From a streamed validation, whose description has no file lists: the declared checksums
    /// were written while validating (`SIPValidator.validate(_:declaredChecksumsPath:)`).
    init(objid: String, label: String?, declared: DeclaredChecksums) {
        self.objid = objid
        self.label = label
        self.declared = declared
    }
}
