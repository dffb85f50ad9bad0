import BevaraArchiveIO

/// A metadata document written by a splicing `SpliceableOutput`: the file at `path` with other
/// files (spools) put in at given offsets. `ranges` lists its bytes in order, for streaming it
/// into an archive as one entry (`FileDigest.stream(ranges:)`).
struct SplicedDocument: Equatable {
    /// `size` bytes of the file at `path`, put in where the document's own file has written
    /// `offset` bytes.
    struct Insertion: Equatable {
        let offset: Int64
        let path: String
        let size: Int64
    }

    let path: String
    let insertions: [Insertion]

    /// A document that is its file alone.
    init(path: String, insertions: [Insertion] = []) {
        self.path = path
        self.insertions = insertions
    }

    /// The document's bytes as runs of files, given its own file's size; empty runs left out.
    func ranges(ownSize: Int64) -> [FileRange] {
        var ranges: [FileRange] = []
        var position: Int64 = 0
        for insertion in insertions {
            ranges.append(FileRange(path: path, offset: position, length: insertion.offset - position))
            ranges.append(FileRange(path: insertion.path, offset: 0, length: insertion.size))
            position = insertion.offset
        }
        ranges.append(FileRange(path: path, offset: position, length: ownSize - position))
        return ranges.filter { $0.length > 0 }
    }
}
