/// A failure of the index, naming the package, file or query and the rule broken.
public enum IndexError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A row refers to a package the index does not know (call `addPackage` first).
    case unknownPackage(objectID: String)
    /// `addPackage` for a package already indexed (call `removePackage` first).
    case packageAlreadyIndexed(objectID: String, version: Int)
    /// A record, party or file refers to a case or record row that does not exist.
    case unknownRow(table: String, id: Int64)
    /// A party's record belongs to another case than the party names.
    case partyCaseMismatch(recordID: Int64, caseID: Int64)
    /// `ERMSIndexReader` was told one organisation but the package belongs to another.
    case organisationMismatch(objectID: String, expected: String, indexed: String)
    /// The ERMS document cannot be opened, is not well-formed, or carries a DTD.
    case unreadableERMS(path: String, reason: String)
    /// The full-text query is not valid FTS5 syntax even after quoting its words.
    case invalidTextQuery(query: String, reason: String)
    /// A search filter value that cannot be used (empty after normalisation, bad date).
    case invalidFilter(field: String, value: String, reason: String)
    /// The index file was built by an older Bevara with another schema; it must be rebuilt
    /// from storage (`bevara reindex`) before it can be searched or written.
    case outdatedSchema(path: String, found: [String], expected: String)
    /// A number packed into a full-text rowid (`TextRowID`) is outside its bits.
    case textKeyOverflow(what: String, value: Int64, limit: Int64)

    public var description: String {
        switch self {
        case .unknownPackage(let id):
            return "package \(id) is not in the index: add the package before its cases, files and events"
        case .packageAlreadyIndexed(let id, let version):
            return "package \(id) is already indexed (version \(version)): remove it before indexing another version"
        case .unknownRow(let table, let id):
            return "\(table) row \(id) does not exist in the index"
        case .partyCaseMismatch(let recordID, let caseID):
            return "record row \(recordID) does not belong to case row \(caseID); a party must name its record's case"
        case .organisationMismatch(let id, let expected, let indexed):
            return "package \(id) is indexed for organisation \(indexed), not \(expected); its ERMS was not read"
        case .unreadableERMS(let path, let reason):
            return "\(path): cannot index the ERMS document: \(reason)"
        case .invalidTextQuery(let query, let reason):
            return "full-text query '\(query)' is not valid: \(reason)"
        case .invalidFilter(let field, let value, let reason):
            return "search filter \(field) '\(value)' cannot be used: \(reason)"
        case .outdatedSchema(let path, let found, let expected):
            return "\(path): the index has schema \(found.joined(separator: ", ")), this Bevara needs \(expected); "
                + "run `bevara reindex` to rebuild it from storage (the files are the truth, the index is derived)"
        case .textKeyOverflow(let what, let value, let limit):
            return "full-text key overflow: \(what) \(value) is above the limit \(limit) of the index layout"
        }
    }
}
