import BevaraModel

/// What the content loop tells the metadata writers, in package order: a case opens, a content
/// file is packaged, a record's files are done, the case closes.
enum ContentMetadataEntry {
    case openCase(Case, records: [BevaraModel.Record])
    case file(index: Int, PackagedFile, reference: FileReference, format: FileFormat)
    case record(BevaraModel.Record, appendices: [ERMSAppendix])
    case closeCase
}

/// The per-case and per-file metadata of a SIP being written: erms.xml, and the representation
/// METS and PREMIS spools. `SIPWriter` runs these on the calling thread while its content loop
/// (catalog, prefetch, archive entries) runs on another: they share nothing but the entries, and
/// were a fifth of packaging's main thread on an export of many small files.
final class ContentMetadataSpool {
    let erms: ERMSWriter
    let representationMETS: RepresentationMETSWriter
    let representationPREMIS: RepresentationPREMISWriter
    /// The open case's ERMS `created` date, which its records fall back to.
    private var caseCreated = ""

    init(erms: ERMSWriter, representationMETS: RepresentationMETSWriter, representationPREMIS: RepresentationPREMISWriter) {
        self.erms = erms
        self.representationMETS = representationMETS
        self.representationPREMIS = representationPREMIS
    }

    func write(_ entry: ContentMetadataEntry) throws {
        switch entry {
        case .openCase(let item, let records):
            caseCreated = try erms.openCase(item, records: records)
        case .file(let index, let packaged, let reference, let format):
            try representationMETS.add(id: PackageLayout.contentFileID(index), file: packaged)
            try representationPREMIS.add(index: index, file: packaged, reference: reference, format: format)
        case .record(let record, let appendices):
            try erms.record(record, caseCreated: caseCreated, appendices: appendices)
        case .closeCase:
            try erms.closeCase()
        }
    }
}
