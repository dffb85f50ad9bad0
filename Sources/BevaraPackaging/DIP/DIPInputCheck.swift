import BevaraArchiveIO

/// What `DIPWriter` checks before it writes anything: safe, unique package paths, and a cover list
/// that accounts for every released file and releases nothing it withholds.
enum DIPInputCheck {
    static func check(objid: String, files: [DIPFile], cover: [CoverListRow]) throws {
        guard PackageLayout.isValidObjectID(objid) else { throw DIPError.invalidObjectID(objid) }
        guard !cover.isEmpty else { throw DIPError.noCoverRows }
        var byPath: [String: DIPFile] = [:]
        var seen: Set<String> = []
        for file in files {
            if let problem = SafePath.validateRelative(file.packagePath) {
                throw DIPError.invalidPackagePath(file.packagePath, problem: problem.rawValue)
            }
            guard seen.insert(file.packagePath.lowercased()).inserted else { throw DIPError.duplicatePackagePath(file.packagePath) }
            byPath[file.packagePath] = file
        }
        var listed: Set<String> = []
        for row in cover {
            if row.outcome == .withheld, !row.files.isEmpty {
                throw DIPError.withheldRowHasFiles(recordID: row.recordID, files: row.files)
            }
            for path in row.files {
                guard let file = byPath[path] else { throw DIPError.coverListFileUnknown(recordID: row.recordID, packagePath: path) }
                guard file.recordID == row.recordID else {
                    throw DIPError.fileRecordMismatch(packagePath: path, fileRecordID: file.recordID, rowRecordID: row.recordID)
                }
                listed.insert(path)
            }
        }
        if let unlisted = files.first(where: { !listed.contains($0.packagePath) }) {
            throw DIPError.fileNotInCoverList(packagePath: unlisted.packagePath)
        }
    }
}
