/// Writes the metadata of one export shape (CSV tables or FGS XML) case by case, as the files
/// of each case are written: nothing is collected across cases.
protocol ExportShapeWriter: AnyObject {
    /// Folder, relative to the export root, that file paths in `FilePlan` are relative to.
    var filesRoot: String { get }
    /// Opens the metadata files and writes their headers.
    func begin() throws
    /// Writes one case; `files[i]` are the written files of `plan.records[i]`.
    func write(_ plan: CasePlan, files: [[WrittenFile]]) throws
    /// Writes closing tags and closes every file.
    func finish() throws
    /// Metadata bytes written so far (tables, XML, manifest).
    var metadataBytes: Int64 { get }
}

/// Opens an `OutputFile` at `root/name`, or a counter when `root` is nil.
func openOutput(_ root: String?, _ name: String) throws -> OutputFile {
    guard let root else { return OutputFile(countingOnly: ()) }
    return try OutputFile(path: root + "/" + name)
}
